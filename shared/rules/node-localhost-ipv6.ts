import {addrOf, agentHostAdvice, diagnosis, dialedIpv6Loopback, inContainer, isFargate, msg, reachCheck} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * `localhost` resolved to ::1 first (Node ≥17 keeps the OS order; also Go, .NET, macOS) while the
 * agent listens on IPv4 only: on a host it binds 127.0.0.1, in a container 0.0.0.0 (facts/agent-side.md
 * §3.1) — neither accepts ::1 (root-causes A5). In a container with the agent elsewhere the address
 * is wrong anyway, and localhost-in-container (earlier in the list) says so.
 */
export const rule: DiagnosisRule = {
  id: 'node-localhost-ipv6',
  causes: ['refused'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'refused' || f.target.socket || !dialedIpv6Loopback(f)) return null;
    const a = {...addrOf(f), shown: `[::1]:${addrOf(f).port}`};
    return diagnosis('node-localhost-ipv6', {
      variant: f.lang === 'nodejs' ? 'node' : undefined,
      subs: {target: a.shown},
      advice: [
        // On Fargate DD_AGENT_HOST stays unset (SPEC §2.5): fix the resolution order instead.
        isFargate(ctx) ? msg('advice_fargate_ipv6') : msg('advice_use_ipv4_loopback', {agent_port: String(a.port)}),
        f.lang === 'nodejs' && msg('advice_node_dns_order'),
        inContainer(f, ctx) && agentHostAdvice(ctx.env, a.port),
        reachCheck(ctx.env, {host: '127.0.0.1', port: a.port}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "2024/05/02 10:00:00 Datadog Tracer v1.62.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post \"http://localhost:8126/v0.4/traces\": dial tcp [::1]:8126: connect: connection refused",
        env: 'host',
        why: "Go on macOS dials ::1 first (dd-trace-go#38)",
      },
      {
        text: "Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED ::1:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '::1',\n  port: 8126\n}",
        env: 'host',
        why: 'Node 18 on a laptop: localhost → ::1, the agent listens on 127.0.0.1 (datadog-agent#33487)',
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ECONNREFUSED ::1:8126',
        why: 'env unknown: the ::1 refusal itself is the evidence',
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED ::1:8126', env: 'docker', why: 'in a container the agent is elsewhere: localhost-in-container'},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', why: 'IPv4 loopback refused: the agent is not listening'},
    ],
  },
  sources: ['shared/facts/root-causes.md A5, §3.2 (::1 row)', 'shared/facts/agent-side.md §3.1 (listen-address logic)', 'datadog-agent#33487', 'dd-trace-js#6436'],
};
