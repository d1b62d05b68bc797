import {addrOf, diagnosis, K8S_ENVS, msg, wrongLocalhost} from './_advice';
import type {DiagnosisRule, Env, Msg, RawFinding} from '../engine/types';

// The trace-agent's exit line when APM is off (root-causes B2); shared/tracers/agent-log.ts
// tags it APM_DISABLED.
const DISABLED = /trace-agent not enabled/;

/**
 * Agent-side evidence that the APM part is not there: `trace-agent not enabled`, pasted `agent
 * status` saying "Not running or unreachable" / "Unavailable" (source `status`), or any other
 * agent log line the recogniser files as apm_not_running (a listener that could not bind). The
 * watchdog kill and the port clash also come as apm_not_running; agent-resource-kill and
 * port-conflict sit earlier in the list and take those.
 */
function isApmEvidence(o: RawFinding): boolean {
  return o.source !== 'tracer' && (o.cause === 'apm_not_running' || DISABLED.test(o.excerpt));
}

function enableAdvice(env: Env): Msg {
  if (K8S_ENVS.includes(env)) return msg('advice_apm_enable_k8s');
  if (env === 'ecs-ec2' || env === 'ecs-fargate') return msg('advice_apm_enable_ecs');
  if (env === 'docker' || env === 'beanstalk-multi') return msg('advice_apm_enable_docker');
  return msg('advice_apm_enable');
}

function variantOf(e: RawFinding, own: boolean): string {
  if (e.errorCode === 'APM_DISABLED' || DISABLED.test(e.excerpt)) return 'disabled';
  if (!own) return 'tracer';
  // `agent status` failing as a whole: the core agent (IPC port 5001) is down, APM with it.
  if (e.source === 'status' && (/Could not reach agent/.test(e.excerpt) || e.target.port === 5001)) return 'agent_down';
  if (e.source === 'agent' && e.target.host !== null) return 'listen';
  return 'status';
}

export const rule: DiagnosisRule = {
  id: 'apm-not-running',
  causes: ['apm_not_running', 'refused'],
  envs: [],
  applies: (f, ctx) => {
    const own = isApmEvidence(f);
    const other = own ? undefined : ctx.findings.find(isApmEvidence);
    // A tracer refusal explained by the agent's own words elsewhere in the scan.
    if (!own && !(other && f.source === 'tracer' && f.cause === 'refused' && !wrongLocalhost(f, ctx))) return null;
    const evidence = own ? f : (other as RawFinding);
    const variant = variantOf(evidence, own);
    // The port `agent status` names is where *it* looked (the debug port 5012 on current agents), never advice for tracers.
    const statusPort = evidence.source === 'status' && evidence.target.port !== null ? String(evidence.target.port) : null;
    return diagnosis('apm-not-running', {
      variant,
      subs: {port: statusPort ?? '8126', target: addrOf(f).shown, listen: addrOf(evidence).shown, code: evidence.errorCode ?? '?'},
      advice: [
        variant === 'agent_down' && msg('advice_agent_start'),
        variant === 'listen' && msg('advice_bind_host_check'),
        variant !== 'listen' && msg('advice_apm_enable'),
        variant !== 'listen' && enableAdvice(ctx.env),
        statusPort === '5012' && msg('advice_status_port_5012'),
        K8S_ENVS.includes(ctx.env) && msg('advice_status_trace_container'),
        msg('advice_agent_log_trace'),
        (variant === 'status' || variant === 'tracer') && msg('advice_apm_socket_activation'),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: '=========\nAPM Agent\n=========\n\n\n  Status: Not running or unreachable on localhost:5012.\n  Error: Get "https://localhost:5012/debug/vars": dial tcp 127.0.0.1:5012: connect: connection refused',
        why: 'agent status 7.81 capture: the trace-agent is not running (5012 is its debug port, not the receiver)',
      },
      {
        text: 'APM Agent\n=========\n  Status: Not running or unreachable on localhost:8126.',
        why: "the seed's agent status example (agent ≤7.43 names the receiver port)",
      },
      {
        text: '2024-05-02 10:00:00 UTC | TRACE | INFO | (cmd/trace-agent/subcommands/run/command.go:112 in runTraceAgentProcess) | trace-agent not enabled. Set the environment variable\nDD_APM_ENABLED=true or add "apm_config.enabled: true" entry\nto your datadog.yaml. Exiting...',
        env: 'kubernetes',
        why: 'the trace-agent exits because APM is disabled (root-causes B2, helm-charts#259)',
      },
      {
        text: "Error: connect ECONNREFUSED 127.0.0.1:8126\n2024-05-02 10:00:00 UTC | TRACE | INFO | (comp/trace/agent/impl/run.go:62 in start) | trace-agent not enabled. Set the environment variable DD_APM_ENABLED=true or add \"apm_config.enabled: true\" entry to your datadog.yaml. Exiting...",
        env: 'host',
        why: "the tracer's refusal next to the agent's own 'not enabled' line: APM is off",
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', why: 'a refusal alone does not show that APM is disabled'},
      {
        text: "Error: connect ECONNREFUSED 127.0.0.1:8126\n2024-05-02 10:00:00 UTC | TRACE | INFO | (comp/trace/agent/impl/run.go:62 in start) | trace-agent not enabled. Set the environment variable DD_APM_ENABLED=true or add \"apm_config.enabled: true\" entry to your datadog.yaml. Exiting...",
        env: 'docker',
        why: "the app's localhost in a container is wrong first of all, whatever the agent's state",
      },
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (Datadog 에이전트 오류)', 'shared/facts/agent-side.md §2.1–2.2, §3.1', 'shared/facts/root-causes.md B1, B2', 'shared/tracers/agent-log.ts, agent-status.ts (error codes)'],
};
