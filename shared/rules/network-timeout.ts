import {addrOf, diagnosis, K8S_ENVS, msg, reachCheck} from './_advice';
import type {DiagnosisRule, Env, Msg} from '../engine/types';

function pathAdvice(env: Env, port: string): Msg[] {
  if (env === 'kubernetes' || env === 'eks') {
    return [msg('advice_timeout_netpol', {agent_port: port}), ...(env === 'eks' ? [msg('advice_timeout_eks_sg', {agent_port: port})] : []), msg('advice_mesh_exclude', {agent_port: port})];
  }
  if (env === 'eks-fargate') return [msg('advice_mesh_exclude', {agent_port: port})];
  if (env === 'ecs-ec2') return [msg('advice_timeout_ecs_sg', {agent_port: port})];
  return [msg('advice_timeout_firewall', {agent_port: port})];
}

/**
 * Packets dropped, not refused (root-causes C1, §3.1 timeout row): a NetworkPolicy, a security
 * group, a firewall, a service-mesh sidecar, or an agent that accepts but never answers (B9).
 * A stopped agent or a wrong localhost refuses at once instead, so those are ruled out.
 */
export const rule: DiagnosisRule = {
  id: 'network-timeout',
  causes: ['timeout'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'timeout') return null;
    const a = addrOf(f);
    const port = String(a.port);
    return diagnosis('network-timeout', {
      variant: f.target.socket ? 'socket' : undefined,
      subs: {target: a.shown},
      advice: [
        ...(f.target.socket ? [] : pathAdvice(ctx.env, port)),
        K8S_ENVS.includes(ctx.env) && !f.target.socket && msg('advice_use_uds_k8s'),
        msg('advice_timeout_agent_busy'),
        reachCheck(ctx.env, a),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "[dd.trace 2025-05-07 09:38:45:606 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 3 (size=6KB) traces. Total: 8786, Received: 8786, Sent: 8783, Failed: 3. java.net.SocketTimeoutException: connect timed out (Will not log warnings for 5 minutes)",
        env: 'kubernetes',
        why: "Java's connect timeout (dd-trace-java#7599)",
      },
      {
        text: "2024/05/02 10:00:00 Datadog Tracer v1.62.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post \"http://10.0.3.7:8126/v0.4/traces\": dial tcp 10.0.3.7:8126: i/o timeout",
        env: 'eks',
        why: "Go's dial timeout to the node: security groups for pods",
      },
      {
        text: "Error: connect ETIMEDOUT 10.0.3.7:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -110,\n  code: 'ETIMEDOUT',\n  syscall: 'connect',\n  address: '10.0.3.7',\n  port: 8126\n}",
        env: 'kubernetes',
        why: "a NetworkPolicy drops the pod's egress to the node (helm-charts#428)",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ETIMEDOUT 10.0.3.7:8126',
        env: 'ecs-ec2',
        why: "awsvpc task whose security group can't reach the instance (documentation#8983)",
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 10.0.3.7:8126', env: 'kubernetes', why: 'a refusal is not a drop'},
    ],
  },
  sources: ['shared/facts/root-causes.md C1, C3, B9, F3, §3.1 (timeout row)', 'shared/seed/000_2f0b614e54afe1b3.txt (Kubernetes: 네트워크 정책)', 'helm-charts#428', 'documentation#16009'],
};
