import {addrOf, diagnosis, msg, reachCheck, targetHost, targetsLoopback} from './_advice';
import type {DiagnosisRule, Env} from '../engine/types';

// The Docker bridge gateway: an app container reaching an agent on the host (Elastic Beanstalk
// single container, SPEC §2.5), where a host-installed agent listens on localhost only.
const DOCKER_GATEWAY = /^172\.1[7-9]\.0\.1$/;
// Where a published Docker port (docker-proxy) can sit in front of the agent and the app reaches
// it over a non-loopback address. (On a host, the app reaches a containerized agent's published
// port at localhost; elsewhere a reset has too many other explanations: connection-reset.)
const PUBLISHED_PORT_ENVS: readonly Env[] = ['docker', 'beanstalk-single', 'beanstalk-multi', 'ecs-ec2'];

/**
 * The trace receiver is bound to 127.0.0.1 (host installs by default; a container where someone
 * set DD_APM_NON_LOCAL_TRAFFIC=false or DD_BIND_HOST), so traffic over a non-loopback address
 * fails (root-causes B3, facts/agent-side.md §3.1). The evidence differs by path:
 * - through a published Docker port, docker-proxy accepts and the connection then dies:
 *   reset / `socket hang up` / `unexpected end of stream` / curl `Empty reply`;
 * - to a host agent over the bridge gateway (172.17.0.1) or another host's IP: refused.
 */
export const rule: DiagnosisRule = {
  id: 'non-local-traffic',
  causes: ['reset', 'refused'],
  envs: ['docker', 'beanstalk-single', 'beanstalk-multi', 'ecs-ec2', 'host'],
  applies: (f, ctx) => {
    const host = targetHost(f, ctx);
    if (f.source !== 'tracer' || f.target.socket || !host) return null;
    const local = targetsLoopback(f, ctx);
    let variant: 'reset' | 'refused' | null = null;
    if (f.cause === 'reset' && ((!local && PUBLISHED_PORT_ENVS.includes(ctx.env)) || ctx.env === 'host')) variant = 'reset';
    else if (f.cause === 'refused' && !local && (DOCKER_GATEWAY.test(host) || ctx.env === 'beanstalk-single' || ctx.env === 'host')) variant = 'refused';
    if (!variant) return null;
    const a = addrOf(f);
    const port = String(a.port);
    return diagnosis('non-local-traffic', {
      variant,
      subs: {target: a.shown},
      advice: [
        msg('advice_non_local_enable'),
        msg('advice_non_local_verify', {agent_port: port}),
        // A containerized agent reached through the host needs its port published; a host install (Beanstalk single) doesn't.
        variant === 'refused' && (ctx.env === 'docker' || (ctx.env === 'unknown' && DOCKER_GATEWAY.test(host))) && msg('advice_docker_publish', {agent_port: port}),
        ctx.env === 'beanstalk-single' && msg('advice_agent_host_beanstalk_single', {agent_port: port}),
        reachCheck(ctx.env, a),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "[dd.trace 2020-04-03 12:20:57:995 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=1015B) traces to the DD agent. Total: 2043, Received: 2043, Sent: 2042, Failed: 1. java.io.IOException: unexpected end of stream on Connection{datadog-agent:8126, proxy=DIRECT hostAddress=datadog-agent/172.18.0.2:8126 cipherSuite=none protocol=http/1.1} (Will not log errors for 5 minutes)",
        env: 'docker',
        why: "Java's form of the published-port reset (dd-trace-java#1352)",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ECONNREFUSED 172.17.0.1:8126',
        env: 'beanstalk-single',
        why: 'the app reaches the host agent over the Docker gateway, but the host agent listens on localhost only',
      },
      {
        text: "DATADOG TRACER CONFIGURATION - {\"version\":\"5.10.0\",\"lang\":\"nodejs\",\"agent_url\":\"http://datadog-agent:8126/\"}\nError sending payload to the agent (status code: undefined)\nError: socket hang up\n    at connResetException (node:internal/errors:720:14)\n    at Socket.socketOnEnd (node:_http_client:525:23) {\n  code: 'ECONNRESET'\n}",
        env: 'docker',
        why: 'docker-proxy accepted on the published port and the agent, bound to 127.0.0.1 in its container, dropped it (dd-trace-java#1352)',
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 10.0.3.7:8126', env: 'kubernetes', why: "refused at a node IP in Kubernetes is a missing hostPort (agent-not-listening)"},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', why: 'loopback traffic is local'},
    ],
  },
  sources: ['shared/facts/root-causes.md B3, F4, §3.1 (reset row), §3.5 (B3 vs A1)', 'shared/facts/agent-side.md §0 item 6, §3.1, §3.5', 'dd-trace-java#1352', 'datadog-agent#1865'],
};
