import {addrOf, agentHostAdvice, diagnosis, FARGATE_ENVS, isFargate, dialedIpv6Loopback, msg, reachCheck, targetsLoopback} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * ECS/EKS on Fargate: the agent is a container of the same task/pod, so localhost is right and
 * a refusal there means that container is missing or not up yet (root-causes F2, B7). A
 * non-loopback target on Fargate means DD_AGENT_HOST was set anyway, which is the mistake.
 */
export const rule: DiagnosisRule = {
  id: 'sidecar-missing',
  causes: ['refused', 'addr_not_available', 'agent_error_flag', 'reset', 'timeout', 'dns', 'other'],
  envs: FARGATE_ENVS,
  applies: (f, ctx) => {
    if (!isFargate(ctx) || f.source !== 'tracer' || f.target.socket) return null;
    const a = addrOf(f);
    const ecs = ctx.env === 'ecs-fargate';
    if (!targetsLoopback(f, ctx)) {
      // HTTP answers (413, 429…) have their own rules; this is about where the tracer connects.
      if (f.target.host === null || f.cause === 'http_status' || f.cause === 'payload_too_large') return null;
      return diagnosis('sidecar-missing', {
        variant: 'host_set',
        subs: {target: a.shown},
        advice: [msg('advice_unset_agent_host', {target: a.shown}), agentHostAdvice(ctx.env), reachCheck(ctx.env, {host: '127.0.0.1', port: a.port})],
      });
    }
    if (!['refused', 'addr_not_available', 'agent_error_flag', 'reset', 'other'].includes(f.cause)) return null;
    return diagnosis('sidecar-missing', {
      subs: {target: a.shown},
      advice: [
        msg(ecs ? 'advice_sidecar_ecs' : 'advice_sidecar_eks'),
        msg(ecs ? 'advice_sidecar_order_ecs' : 'advice_sidecar_order_eks'),
        dialedIpv6Loopback(f) && msg('advice_fargate_ipv6'),
        agentHostAdvice(ctx.env),
        reachCheck(ctx.env, {host: '127.0.0.1', port: a.port}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
        env: 'ecs-fargate',
        why: 'on Fargate localhost is right: nothing listens because the agent container is missing or not started',
      },
      {
        text: "2021-08-17 19:10:06,169 INFO [ddtrace._trace.tracer] - DATADOG TRACER CONFIGURATION - {'version': '2.8.1', 'lang': 'python', 'agent_url': 'http://localhost:8126', 'agent_error': 'Agent not reachable at http://localhost:8126. Exception raised: [Errno 99] Cannot assign requested address'}",
        env: 'eks-fargate',
        why: "errno 99 in a Fargate pod: the agent sidecar isn't listening (yet) in the shared network namespace",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ECONNREFUSED 10.0.12.7:8126',
        env: 'ecs-fargate',
        why: 'DD_AGENT_HOST points away from the task although the agent is a container of the same task',
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'ecs-ec2', why: 'on ECS with EC2 localhost is the wrong address (localhost-in-container)'},
    ],
  },
  sources: ['SPEC §2.5 (Fargate: do not set DD_AGENT_HOST)', 'shared/facts/root-causes.md F2, B7, A6', 'datadog-agent#23048', 'dd-trace-rb#2899'],
};
