import {addrOf, diagnosis, K8S_ENVS, msg} from './_advice';
import type {DiagnosisRule} from '../engine/types';

// Envoy's words when a mesh sidecar answers for an upstream it can't reach (root-causes §3.1: 503 → C3).
const MESH = /upstream connect error|no healthy upstream|envoy|upstream request timeout/i;

/**
 * A 5xx. The trace-agent itself answers 5xx rarely: 502 comes from its reverse proxies
 * (profiling, telemetry, EVP, debugger) when Datadog's intake fails; 503 is not in its code at
 * all, so a 503 is something between tracer and agent (facts/agent-side.md §6.3).
 */
export const rule: DiagnosisRule = {
  id: 'agent-server-error',
  causes: ['http_status'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'http_status' || f.httpStatus === null || f.httpStatus < 500) return null;
    const a = addrOf(f);
    let variant: string | undefined;
    if (MESH.test(f.excerpt)) variant = 'mesh';
    else if (f.httpStatus === 503) variant = 'intermediary';
    else if (f.httpStatus === 502) variant = 'upstream';
    return diagnosis('agent-server-error', {
      variant,
      subs: {target: a.shown, status: String(f.httpStatus)},
      advice: [
        variant === 'mesh' && msg('advice_mesh_exclude', {agent_port: String(a.port)}),
        variant === 'intermediary' && msg('advice_send_to_local_agent'),
        variant === 'upstream' && msg('advice_agent_intake'),
        msg('advice_agent_log_trace'),
        !variant && msg('advice_upgrade_agent'),
        K8S_ENVS.includes(ctx.env) && variant !== 'mesh' && msg('advice_agent_restarts_k8s'),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "2024-03-01 10:00:00,000 ERROR [ddtrace.internal.writer] - failed to send traces to Datadog Agent at http://datadog-agent:8126/v0.4/traces: HTTP error status 500, reason Internal Server Error",
        env: 'docker',
        why: "Python reports a 500",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 500 Internal Server Error.',
        why: 'the agent failed handling the request',
      },
      {
        text: 'Error sending payload to the agent (status code: 503)\nNoTransmitError: Error from http://datadog-agent.datadog.svc.cluster.local:8126/v0.4/traces: 503 Service Unavailable. Response from the endpoint: "upstream connect error or disconnect/reset before headers. reset reason: connection failure"',
        env: 'kubernetes',
        why: "Envoy's reply: an Istio sidecar couldn't reach the agent (root-causes C3)",
      },
    ],
    ignores: [
      {text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 429 Too Many Requests.', why: 'a 4xx'},
    ],
  },
  sources: ['shared/facts/agent-side.md §6.3 (502, 503 rows)', 'shared/facts/root-causes.md C3, G1, §3.1'],
};
