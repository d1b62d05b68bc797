import type {Table} from './table';

/** Titles, explanations and advice of the diagnosis rules in shared/rules/. Keys: `rule_<id>_…`, `advice_…`. */
export const ruleMessages = {
  rule_check_agent_title: {en: 'The tracer could not reach the Datadog Agent', ko: '트레이서가 Datadog Agent에 연결하지 못했습니다'},
  rule_check_agent_explanation: {
    en: 'The tracing library tried to send to {target} and failed. Check that the agent runs with APM enabled and that the application can reach it from where it runs.',
    ko: '트레이싱 라이브러리가 {target}(으)로 전송하려 했지만 실패했습니다. Agent가 APM을 켠 상태로 실행 중인지, 애플리케이션이 실행되는 곳에서 Agent에 접근할 수 있는지 확인하세요.',
  },
  advice_probe_from_app: {
    en: 'From the application container (not the host), run: curl -X GET http://{agent_host}:{agent_port}/info — a failure means the app cannot reach the agent.',
    ko: '호스트가 아닌 애플리케이션 컨테이너 안에서 curl -X GET http://{agent_host}:{agent_port}/info 를 실행하세요. 실패하면 애플리케이션이 Agent에 접근할 수 없다는 뜻입니다.',
  },
  advice_agent_status_apm: {
    en: "Run `agent status` on the agent and read the 'APM Agent' section: 'Status: Running' and a receiver on the port the tracer uses.",
    ko: "Agent에서 `agent status`를 실행해 'APM Agent' 섹션을 확인하세요. 'Status: Running'이고 트레이서가 쓰는 포트에서 수신 중이어야 합니다.",
  },
  advice_compare_agent_url: {
    en: "Compare the tracer's startup log (agent_url) with the DD_AGENT_HOST / DD_TRACE_AGENT_URL you meant to set.",
    ko: '트레이서 시작 로그의 agent_url을 설정하려던 DD_AGENT_HOST / DD_TRACE_AGENT_URL 값과 비교하세요.',
  },
} as const satisfies Table;
