import {addrOf, agentHostAdvice, diagnosis, expectedAgentHost, inContainer, isFargate, msg, reachCheck, targetsLoopback} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * errno 99 (EADDRNOTAVAIL), the seed's Python example. The container's /etc/hosts maps
 * localhost to ::1 as well, but `lo` has no ::1; Python tries 127.0.0.1 (refused), then ::1
 * (errno 99) and reports the last error (root-causes A6). So it reads "nothing listens on
 * localhost in this container" — the same fix as localhost-in-container. On Fargate the agent is
 * in the same network namespace, so sidecar-missing says it better (this rule steps aside).
 */
export const rule: DiagnosisRule = {
  id: 'addr-not-available',
  causes: ['addr_not_available'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'addr_not_available' || isFargate(ctx)) return null;
    const a = addrOf(f);
    if (!targetsLoopback(f, ctx)) {
      // A real remote address with errno 99 is the client running out of ephemeral ports.
      return diagnosis('addr-not-available', {variant: 'ports', subs: {target: a.shown}, advice: [msg('advice_ephemeral_ports'), reachCheck(ctx.env, a)]});
    }
    if (ctx.env === 'host' || (ctx.env === 'unknown' && !inContainer(f, ctx))) {
      return diagnosis('addr-not-available', {
        variant: ctx.env === 'host' ? 'host' : undefined,
        subs: {target: a.shown},
        advice: [
          ctx.env === 'unknown' && agentHostAdvice('unknown', a.port),
          msg('advice_agent_status_apm'),
          msg('advice_use_ipv4_loopback', {agent_port: String(a.port)}),
          reachCheck(ctx.env, {host: '127.0.0.1', port: a.port}),
        ],
      });
    }
    return diagnosis('addr-not-available', {
      variant: 'container',
      subs: {target: a.shown},
      advice: [agentHostAdvice(ctx.env, a.port), reachCheck(ctx.env, {host: expectedAgentHost(ctx.env), port: a.port}), msg('advice_compare_agent_url')],
    });
  },
  examples: {
    matches: [
      {
        text: '2021-08-17 19:10:06,169 WARNING [ddtrace.tracer] [tracer.py:655] [dd.service= dd.env= dd.version= dd.trace_id=0 dd.span_id=0] - - DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://localhost:8126. Exception raised: [Errno 99] Cannot assign requested address',
        env: 'kubernetes',
        why: "the seed's Python errno 99: localhost in a pod, nothing listens there",
      },
      {
        text: 'Error: connect EADDRNOTAVAIL ::1:8126',
        env: 'docker',
        why: 'Node tried ::1 in a container without IPv6 loopback',
      },
      {
        text: 'Error: connect EADDRNOTAVAIL 10.0.3.7:8126',
        env: 'host',
        why: 'a routable address with errno 99: ephemeral ports are exhausted',
      },
    ],
    ignores: [
      {text: 'Error: connect EADDRNOTAVAIL ::1:8126', env: 'ecs-fargate', why: 'on Fargate the same error means the agent sidecar is not up (sidecar-missing)'},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'docker', why: 'a plain refusal is localhost-in-container'},
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (Python [Errno 99])', 'shared/facts/root-causes.md A6, §3.1 (EADDRNOTAVAIL row)', 'docker/for-linux#1374', 'dd-trace-py#1715'],
};
