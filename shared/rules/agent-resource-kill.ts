import {addrOf, diagnosis, K8S_ENVS, msg, wrongLocalhost} from './_advice';
import type {DiagnosisRule, Env, Msg, RawFinding} from '../engine/types';

// The trace-agent's watchdog killing it, or the container runtime doing so (root-causes B8,
// facts/agent-side.md §3.1 max_memory / max_cpu_percent).
// Only a kill: the watchdog's `CPU/Memory threshold exceeded (apm_config.…)` warnings throttle
// payloads without killing anything (rate-limited takes those).
const KILLED = /Killing process\. (?:Memory|CPU) threshold exceeded|OOMKilled|[Ee]xit [Cc]ode:?\s+137\b/;
const DETAIL = /Killing process\. (?:Memory|CPU) threshold exceeded:?\s*([^\n|]{1,60})/;

function isKillEvidence(o: RawFinding): boolean {
  return o.source !== 'tracer' && (o.errorCode === 'MEMORY_KILL' || KILLED.test(o.excerpt));
}

function restartsAdvice(env: Env): Msg {
  if (K8S_ENVS.includes(env)) return msg('advice_agent_restarts_k8s');
  if (env === 'ecs-ec2' || env === 'ecs-fargate') return msg('advice_agent_restarts_ecs');
  if (env === 'host') return msg('advice_agent_restarts_host');
  return msg('advice_agent_restarts_docker');
}

export const rule: DiagnosisRule = {
  id: 'agent-resource-kill',
  causes: ['refused', 'reset', 'timeout', 'other', 'apm_not_running'],
  envs: [],
  applies: (f, ctx) => {
    const own = isKillEvidence(f);
    const other = own ? undefined : ctx.findings.find(isKillEvidence);
    // Tracer failures around the agent's restarts: refused while it is down, reset when it dies mid-request.
    const tracerSide = other && f.source === 'tracer' && (f.cause === 'refused' || f.cause === 'reset' || f.cause === 'timeout') && !wrongLocalhost(f, ctx);
    if (!own && !tracerSide) return null;
    const evidence = own ? f : (other as RawFinding);
    const kind = /CPU threshold/.test(evidence.excerpt) ? 'cpu' : 'memory';
    const detail = DETAIL.exec(evidence.excerpt)?.[1]?.trim() ?? '';
    return diagnosis('agent-resource-kill', {
      variant: own ? kind : 'tracer',
      subs: {detail: detail || kind, target: addrOf(f).shown},
      advice: [
        msg('advice_agent_limits'),
        restartsAdvice(ctx.env),
        msg('advice_agent_pin_version'),
        msg('advice_agent_log_trace'),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: '2023-09-06 09:19:25 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:575 in loop) | Killing process. Memory threshold exceeded: 8238.08M / 715.26M',
        why: "the trace-agent's watchdog kills it over its memory limit (datadog-agent#23048)",
      },
      {
        text: 'Error sending payload to the agent (status code: undefined)\nError: socket hang up\n    at connResetException (node:internal/errors:720:14)\n    at Socket.socketOnEnd (node:_http_client:525:23) {\n  code: \'ECONNRESET\'\n}\n2023-09-06 09:19:25 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:575 in loop) | Killing process. Memory threshold exceeded: 8238.08M / 715.26M',
        env: 'kubernetes',
        why: "the tracer's reset lines up with the agent killing itself in the same log view",
      },
    ],
    ignores: [
      {text: 'Error sending payload to the agent (status code: undefined)\nError: socket hang up\n    at Socket.socketOnEnd (node:_http_client:525:23) {\n  code: \'ECONNRESET\'\n}', env: 'kubernetes', why: 'a reset without agent-side evidence of a kill'},
    ],
  },
  sources: ['shared/facts/root-causes.md B8, B9', 'shared/facts/agent-side.md §3.1', 'datadog-agent#23048', 'datadog-agent#29319'],
};
