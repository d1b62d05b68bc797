import {addrOf, diagnosis, envSteps, msg, reachCheck, targetsLoopback, wrongPortAdvice} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * Refused on an address that is right for the environment: nothing listens there. The agent or
 * its APM part is down or disabled (root-causes B1, B2), something else took the port (B6), the
 * receiver port was changed (A9), or in Kubernetes the node has no hostPort 8126 — the default of
 * current Helm charts and the Operator (B4, facts/agent-side.md §0 item 7). A refused socket
 * exists with nobody behind it (D4). When the bridge's probe did reach the agent, the agent is
 * evidently listening, so this rule steps aside for the catch-all.
 */
export const rule: DiagnosisRule = {
  id: 'agent-not-listening',
  causes: ['refused'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'refused' || ctx.facts.agentAnswered === true) return null;
    const a = addrOf(f);
    const port = String(a.port);
    let variant: string | undefined;
    if (f.target.socket) variant = 'socket';
    else if ((ctx.env === 'kubernetes' || ctx.env === 'eks') && !targetsLoopback(f, ctx)) variant = 'k8s_node';
    else if (ctx.env === 'host') variant = 'host';
    return diagnosis('agent-not-listening', {
      variant,
      subs: {target: a.shown, agent_port: port},
      advice: [
        wrongPortAdvice(f),
        variant === 'k8s_node' && msg('advice_k8s_hostport', {agent_port: port}),
        variant === 'socket' && msg('advice_uds_stale'),
        msg('advice_agent_status_apm'),
        msg('advice_apm_enable'),
        (variant === 'host' || ctx.env === 'unknown') && msg('advice_agent_running_host', {agent_port: port}),
        !f.target.socket && msg('advice_receiver_port_match', {agent_port: port}),
        // The node-port and socket cases already say where the agent should be; the rest get the env steps.
        ...(variant === 'k8s_node' || variant === 'socket' ? [reachCheck(ctx.env, a)] : envSteps(ctx.env, a)),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "[dd.trace 2021-08-17 17:59:29:234 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 9 (size=5KB) traces to the DD agent. Total: 9, Received: 9, Sent: 0, Failed: 9. java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126 (Will not log errors for 5 minutes)",
        env: 'host',
        why: "the seed's Java line on a host install",
      },
      {
        text: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
        env: 'host',
        why: 'host install: the tracer default is right and nothing listens',
      },
      {
        text: "Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 10.0.3.7:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '10.0.3.7',\n  port: 8126\n}",
        env: 'kubernetes',
        why: 'status.hostIP without a hostPort on the node (helm-charts#527, Helm portEnabled: false default)',
      },
      {
        text: 'Error: connect ECONNREFUSED /var/run/datadog/apm.socket',
        env: 'kubernetes',
        why: 'the socket file is there, the trace-agent behind it is not',
      },
      {
        text: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
        why: 'env unknown and no container evidence: start with the agent itself',
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', facts: {agentAnswered: true}, why: "the bridge's probe got an answer from the agent, so it is listening"},
      {text: 'Error: connect ETIMEDOUT 10.0.3.7:8126', env: 'kubernetes', why: 'timeouts are drops, not refusals'},
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (호스트 기반 설정)', 'shared/facts/root-causes.md B1, B2, B4, B6, A9, D4', 'shared/facts/agent-side.md §0 items 6–7, §3.2–3.5'],
};
