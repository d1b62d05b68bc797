import {addrOf, agentHostAdvice, diagnosis, expectedAgentHost, inContainer, isFargate, isWebServerHosted, K8S_ENVS, msg, reachCheck, targetsLoopback} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * The most common cause (root-causes A1, ≈13 threads): in a container, localhost is the
 * container itself, while the agent runs in another container or on the node/host (SPEC §2.5).
 * Not on ECS/EKS Fargate, where the agent shares the task's/pod's network (sidecar-missing).
 */
export const rule: DiagnosisRule = {
  id: 'localhost-in-container',
  causes: ['refused', 'addr_not_available', 'agent_error_flag', 'other'],
  envs: ['docker', 'kubernetes', 'eks', 'ecs-ec2', 'beanstalk-single', 'beanstalk-multi'],
  applies: (f, ctx) => {
    if (!['refused', 'addr_not_available', 'agent_error_flag', 'other'].includes(f.cause)) return null;
    if (f.source !== 'tracer' || isFargate(ctx) || !targetsLoopback(f, ctx) || !inContainer(f, ctx)) return null;
    const a = addrOf(f);
    return diagnosis('localhost-in-container', {
      subs: {target: a.shown},
      advice: [
        agentHostAdvice(ctx.env, a.port),
        reachCheck(ctx.env, {host: expectedAgentHost(ctx.env), port: a.port}),
        K8S_ENVS.includes(ctx.env) && msg('advice_admission_not_injected'),
        isWebServerHosted(f) && msg('advice_webserver_note'),
        msg('advice_compare_agent_url'),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "2021/08/17 17:46:22 Datadog Tracer v1.32.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post http://localhost:8126/v0.4/traces: dial tcp 127.0.0.1:8126: connect: connection refused",
        env: 'kubernetes',
        why: "the seed's Go startup line in a pod",
      },
      {
        text: "W, [2021-08-17T18:37:51.542245 #24]  WARN -- ddtrace: [ddtrace] DATADOG TRACER DIAGNOSTIC - Agent Error: Datadog::Transport::InternalErrorResponse ok?: unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:Errno::ECONNREFUSED error:Failed to open TCP connection to 127.0.0.1:8126 (Connection refused - connect(2) for \"127.0.0.1\" port 8126)",
        env: 'docker',
        why: "the seed's Ruby startup line in a container",
      },
      {
        text: "{ MachineName: \".\", Process: \"[114 sample-web-app]\", AppDomain: \"[1 sample-web-app]\", TracerVersion: \"1.28.2.0\" }\n2021-08-17 18:19:46.827 +00:00 [ERR] An error occurred while sending 1 traces to the agent at http://127.0.0.1:8126/v0.4/traces\nSystem.Net.Http.HttpRequestException: Connection refused\n ---> System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)\n   --- End of inner exception stack trace ---",
        env: 'ecs-ec2',
        why: "the seed's .NET managed log on ECS with EC2 (dd-trace-dotnet#188)",
      },
      {
        text: "Error sending traces to agent: Couldn't connect to server\nFailed to connect to localhost port 8126: Connection refused",
        env: 'beanstalk-single',
        why: "the seed's C++ lines in an Elastic Beanstalk container",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ECONNREFUSED 127.0.0.1:8126\nError: Network error trying to reach the agent: connect ECONNREFUSED 127.0.0.1:8126\n    at ClientRequest.<anonymous> (/home/node-web-app/node_modules/dd-trace/packages/dd-trace/src/platform/node/request.js:51:33)',
        env: 'docker',
        why: "the seed's Node example in a Docker container",
      },
      {
        text: "Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 127.0.0.1:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '127.0.0.1',\n  port: 8126\n}",
        env: 'kubernetes',
        why: 'dd-trace 6.x default address in a pod',
      },
      {
        text: '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"0.83.2~6bb3e09b2a","os_name":"Linux","os_version":"5.10.25-linuxkit","lang":"jvm","http_nonProxyHosts":"null","http_proxyHost":"null","enabled":true,"service":"dd-java-agent","agent_url":"http://localhost:8126","agent_error":true}',
        why: "the seed's Java startup line: env not chosen, but the linuxkit kernel shows Docker Desktop",
      },
      {
        text: '[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:00Z","version":"0.99.0","lang":"php","agent_url":"http:\\/\\/localhost:8126","agent_error":"Failed to connect to localhost port 8126: Connection refused"}',
        env: 'ecs-ec2',
        why: 'PHP on ECS with EC2 sending to the default localhost (dd-trace-php#1269)',
      },
      {
        text: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
        facts: {inContainer: true},
        why: "the bridge's snapshot ran inside the app's container",
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'host', why: 'on a host install localhost is right: the agent is not listening'},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:8126', env: 'eks-fargate', why: 'on Fargate localhost is right: sidecar-missing'},
      {text: 'Error: connect ECONNREFUSED 10.0.3.7:8126', env: 'kubernetes', why: 'the tracer already aims at the node'},
    ],
  },
  sources: ['SPEC §2.5', 'shared/seed/000_2f0b614e54afe1b3.txt (컨테이너화된 설정)', 'shared/facts/root-causes.md A1, B5, §3.2, §3.5', 'dd-trace-php#1269', 'datadog-agent#4907'],
};
