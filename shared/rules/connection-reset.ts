import {addrOf, diagnosis, K8S_ENVS, msg, reachCheck} from './_advice';
import type {DiagnosisRule, Env, Msg} from '../engine/types';

function restartsAdvice(env: Env): Msg {
  if (K8S_ENVS.includes(env)) return msg('advice_agent_restarts_k8s');
  if (env === 'ecs-ec2' || env === 'ecs-fargate') return msg('advice_agent_restarts_ecs');
  if (env === 'host') return msg('advice_agent_restarts_host');
  return msg('advice_agent_restarts_docker');
}

/**
 * Something accepted the connection and dropped it (root-causes §3.1 reset row): the agent
 * restarting or killed (B8), a mesh sidecar (C3), a stale hostPort rule to a replaced agent pod
 * (B4), an agent bound to localhost behind a published port (B3, non-local-traffic handles the
 * clear cases first), or — when rare — a keep-alive race that is harmless (E4).
 */
export const rule: DiagnosisRule = {
  id: 'connection-reset',
  causes: ['reset'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'reset') return null;
    const a = addrOf(f);
    const port = String(a.port);
    const k8s = ctx.env === 'kubernetes' || ctx.env === 'eks';
    return diagnosis('connection-reset', {
      subs: {target: a.shown},
      advice: [
        msg('advice_reset_rare'),
        restartsAdvice(ctx.env),
        K8S_ENVS.includes(ctx.env) && msg('advice_mesh_exclude', {agent_port: port}),
        k8s && !f.target.socket && msg('advice_reset_k8s_hostport'),
        !f.target.socket && msg('advice_non_local_verify', {agent_port: port}),
        reachCheck(ctx.env, a),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "[dd.trace 2020-04-03 12:20:57:995 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=316B) traces to the DD agent. Total: 1, Received: 1, Sent: 0, Failed: 1. java.net.SocketException: Connection reset (Will not log errors for 5 minutes)",
        env: 'kubernetes',
        why: "Java reset while the agent restarted (dd-trace-java#2608)",
      },
      {
        text: "Error sending payload to the agent (status code: undefined)\nError: socket hang up\n    at connResetException (node:internal/errors:720:14)\n    at Socket.socketOnEnd (node:_http_client:525:23) {\n  code: 'ECONNRESET'\n}",
        env: 'kubernetes',
        why: 'the connection was accepted then closed: agent restart, mesh or stale hostPort',
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: socket hang up',
        why: 'env unknown: the generic reset checks',
      },
    ],
    ignores: [
      {text: 'Error: connect ETIMEDOUT 10.0.3.7:8126', env: 'kubernetes', why: 'a timeout, not a reset'},
    ],
  },
  sources: ['shared/facts/root-causes.md B3, B4, B8, C3, E4, §3.1 (reset row)', 'dd-trace-js#1336', 'dd-trace-java#2608'],
};
