import {addrOf, diagnosis, msg} from './_advice';
import type {DiagnosisRule} from '../engine/types';

// shared/tracers/agent-log.ts codes for the trace-agent throttling intake: the watchdog's
// `CPU/Memory threshold exceeded (apm_config.…)` and `http: Accept error: request has been rate-limited`.
const THROTTLE_CODES: readonly string[] = ['CPU_THRESHOLD', 'MEMORY_THRESHOLD', 'CONNECTION_LIMIT'];

/**
 * The trace-agent over its CPU/connection budget. It answers 429 only to tracers that ask for the
 * real status (`Datadog-Send-Real-Http-Status`) or with DD_APM_FEATURES=429; others get 200 and
 * lose the payload silently (facts/agent-side.md §0 item 4, root-causes E3, B9), which is why the
 * agent's own throttling lines count as the same diagnosis.
 */
export const rule: DiagnosisRule = {
  id: 'rate-limited',
  causes: ['http_status', 'other'],
  envs: [],
  applies: (f) => {
    const agentSide = f.source === 'agent' && f.errorCode !== null && THROTTLE_CODES.includes(f.errorCode);
    if (!agentSide && (f.cause !== 'http_status' || f.httpStatus !== 429)) return null;
    return diagnosis('rate-limited', {
      variant: agentSide ? (f.errorCode === 'CONNECTION_LIMIT' ? 'connections' : 'watchdog') : undefined,
      subs: {target: addrOf(f).shown},
      advice: [msg('advice_rate_agent_limits'), msg('advice_rate_check'), msg('advice_agent_log_trace')],
    });
  },
  examples: {
    matches: [
      {
        text: "2024-03-01 10:00:00,000 ERROR [ddtrace.internal.writer] - failed to send traces to Datadog Agent at http://localhost:8126/v0.4/traces: HTTP error status 429, reason Too Many Requests",
        env: 'host',
        why: "Python reports the 429",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 429 Too Many Requests.',
        why: 'the agent rejected the payload for overload',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | WARN | (pkg/trace/api/api.go:610 in watchdog) | CPU threshold exceeded (apm_config.max_cpu_percent: 50): 87',
        why: "the trace-agent's watchdog throttles intake over its CPU budget",
      },
      {
        text: 'ERROR | (pkg/trace/logutil/throttled.go:38 in log) | http.Server: http: Accept error: request has been rate-limited; retrying in 80ms',
        why: 'connection_limit reached (docs: APM rate limits)',
      },
    ],
    ignores: [
      {text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 413 Payload Too Large.', why: 'size, not rate'},
    ],
  },
  sources: ['shared/facts/root-causes.md E3, B9', 'shared/facts/agent-side.md §0 item 4, §3.1, §6.3 (429 row)', 'docs.datadoghq.com/tracing/troubleshooting/agent_rate_limits/'],
};
