import type {Table} from './table';

/** The extension's own UI: manifest, content-script popover, popup, options. */
export const uiMessages = {
  extName: {en: 'APM Connection Doctor', ko: 'APM Connection Doctor'},
  extDescription: {
    en: 'Finds Datadog tracer → Agent connection errors in log consoles, explains them, and probes the agent.',
    ko: '로그 콘솔에서 Datadog 트레이서의 Agent 연결 오류를 찾아 원인을 설명하고 Agent를 점검합니다.',
  },
} as const satisfies Table;
