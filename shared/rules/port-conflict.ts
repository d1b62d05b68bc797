import {addrOf, agentHostAdvice, diagnosis, msg, reachCheck, wrongLocalhost} from './_advice';
import {CAUSES, type DiagnosisRule, type RawFinding} from '../engine/types';

// The trace-agent could not bind its receiver (facts/agent-side.md §3.1 `Error creating tcp
// listener`, root-causes B6 `bind: address already in use`, Docker's `port is already allocated`).
const BIND_FAILED = /address already in use|port is already allocated|Error creating tcp listener|Only one usage of each socket address/i;
// Process names that are the agent itself (same list as shared/probe/verdict.ts): holding the
// port is their job, not a conflict.
const AGENT_COMM = /^(trace-agent|trace-loader|agent|datadog-agent|process-agent)$/;

/** shared/tracers/agent-log.ts tags the receiver's bind failure EADDRINUSE. */
function isBindFailure(o: RawFinding): boolean {
  return o.source !== 'tracer' && (o.errorCode === 'EADDRINUSE' || BIND_FAILED.test(o.excerpt));
}

export const rule: DiagnosisRule = {
  id: 'port-conflict',
  causes: CAUSES.filter((c) => c !== 'uds_missing' && c !== 'uds_permission' && c !== 'dns' && c !== 'addr_not_available'),
  envs: [],
  applies: (f, ctx) => {
    if (f.target.socket || f.cause === 'uds_missing' || f.cause === 'uds_permission' || f.cause === 'dns' || f.cause === 'addr_not_available') return null;
    const holder = ctx.facts.portHolder ?? null;
    const foreign = holder !== null && !AGENT_COMM.test(holder) ? holder : null;
    const own = isBindFailure(f);
    const seen = own ? f : ctx.findings.find(isBindFailure);
    if (!own && !foreign && !seen) return null;
    // The bridge's port-holder fact speaks to tracer failures; other agent lines have their own rules.
    if (!own && f.source !== 'tracer') return null;
    // A tracer aiming at its own container's localhost has a bigger problem than the agent's port.
    if (f.source === 'tracer' && wrongLocalhost(f, ctx)) return null;
    const a = addrOf(f);
    const portMatch = seen ? /:(\d{2,5})\b[^\n]{0,80}(?:address already in use|already allocated)/.exec(seen.excerpt) : null;
    const port = String((seen?.source === 'agent' ? seen.target.port : null) ?? portMatch?.[1] ?? a.port);
    const variant = foreign ? 'holder' : own ? 'agent_log' : 'tracer';
    return diagnosis('port-conflict', {
      variant,
      subs: {port, holder: foreign ?? '?', target: a.shown},
      advice: [
        msg('advice_port_find_holder', {port}),
        /already allocated/.test(seen?.excerpt ?? '') && msg('advice_port_docker_allocated', {port}),
        msg('advice_port_move', {port}),
        msg('advice_agent_status_apm'),
        ctx.env === 'unknown' || ctx.env === 'host' ? null : agentHostAdvice(ctx.env, a.port),
        reachCheck(ctx.env, a),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 404 Not Found.',
        env: 'host',
        facts: {portHolder: 'node'},
        why: 'the bridge saw a non-agent process (a local mock/test server) listening on 8126 (root-causes B6, dd-trace-js#9400)',
      },
      {
        text: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
        env: 'host',
        facts: {portHolder: 'statsd'},
        why: "the snapshot names another process holding 8126 on the host: the seed's host-based case",
      },
      {
        text: '2024-05-02 10:00:00 UTC | TRACE | ERROR | (pkg/trace/api/api.go:233 in Start) | Error creating tcp listener: listen tcp 127.0.0.1:8126: bind: address already in use',
        why: 'the trace-agent says it could not bind its receiver (facts/agent-side.md §3.1)',
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', facts: {portHolder: 'trace-agent'}, why: 'the trace-agent holding its own port is no conflict'},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'docker', facts: {portHolder: 'statsd'}, why: "in a container the app's localhost is the wrong address first of all"},
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (host-based setup: port 8126 conflict)', 'shared/facts/root-causes.md B6', 'shared/facts/agent-side.md §3.1, §3.5'],
};
