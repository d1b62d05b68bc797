import {DEFAULT_SOCKET, diagnosis, inAppContainer, K8S_ENVS, msg, reachCheck} from './_advice';
import type {DiagnosisRule, Env, Msg} from '../engine/types';

// DogStatsD's datagram socket used for traces (root-causes D2): `Protocol wrong type for socket`.
const WRONG_SOCKET = /dsd\.sock|Protocol wrong type for socket|EPROTOTYPE/;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

function mountAdvice(env: Env, socket: string, dir: string): Msg {
  if (K8S_ENVS.includes(env)) return msg('advice_uds_k8s', {socket, socket_dir: dir});
  if (env === 'docker' || env === 'beanstalk-single' || env === 'beanstalk-multi') return msg('advice_uds_docker', {socket, socket_dir: dir});
  if (env === 'ecs-ec2' || env === 'ecs-fargate') return msg('advice_uds_ecs', {socket, socket_dir: dir});
  return msg('advice_uds_host', {socket, socket_dir: dir});
}

export const rule: DiagnosisRule = {
  id: 'uds-missing',
  causes: ['uds_missing', 'agent_error_flag', 'other'],
  envs: [],
  applies: (f, ctx) => {
    const socket = f.target.socket;
    const wrong = WRONG_SOCKET.test(f.excerpt);
    // Java's startup check for a unix: agent_url is `new File(socket).exists()` (tracer-messages
    // §1.3), so `agent_error: true` there means exactly "the socket file is missing".
    const javaFlag = f.cause === 'agent_error_flag' && socket !== null;
    if (!(f.cause === 'uds_missing' || javaFlag || wrong)) return null;
    if (f.cause === 'uds_missing' && !socket && f.target.host) return null;
    const path = socket ?? DEFAULT_SOCKET;
    const dir = dirOf(path);
    return diagnosis('uds-missing', {
      variant: wrong ? 'dsd' : javaFlag ? 'flag' : undefined,
      subs: {socket: path},
      advice: [
        wrong && msg('advice_uds_use_apm_socket'),
        mountAdvice(ctx.env, path, dir),
        msg('advice_uds_path_mismatch', {socket: path, command: inAppContainer(ctx.env, `ls -l ${dir}`)}),
        reachCheck(ctx.env, {socket: path}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "2024/05/02 10:00:00 Datadog Tracer v1.62.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post \"http://UDS__var_run_datadog_apm.socket/v0.4/traces\": dial unix /var/run/datadog/apm.socket: connect: no such file or directory",
        env: 'kubernetes',
        why: "Go over UDS: the socket isn't in the pod",
      },
      {
        text: "D, [2021-08-17T18:51:28.962389 #24] DEBUG -- ddtrace: [ddtrace] (/usr/local/bundle/gems/ddtrace-0.48.0/lib/ddtrace/transport/http/client.rb:33:in `rescue in send_request') Internal error during HTTP transport request. Cause: Protocol wrong type for socket - connect(2) for /var/run/datadog/dsd.socket Location: /usr/local/lib/ruby/2.5.0/net/http.rb:939",
        env: 'kubernetes',
        why: "traces sent to DogStatsD's socket (dd-trace-rb#1413)",
      },
      {
        text: "Error: connect ENOENT /var/run/datadog/apm.socket\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'connect',\n  address: '/var/run/datadog/apm.socket'\n}",
        env: 'kubernetes',
        why: 'the socket directory is not mounted into the app pod (root-causes D1, helm-charts#975)',
      },
      {
        text: '[dd.trace 2024-05-02 10:00:00:000 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"1.30.0~abc","lang":"jvm","http_proxyHost":"null","agent_url":"unix:///var/run/datadog/apm.socket","agent_error":true}',
        env: 'kubernetes',
        why: "Java's agent_error for a unix: URL only checks that the file exists",
      },
      {
        text: "Error: connect ENOENT /var/run/datadog/apm.socket",
        env: 'docker',
        why: 'Docker: the directory is not shared between the agent and app containers',
      },
    ],
    ignores: [
      {text: "Error: connect EACCES /var/run/datadog/apm.socket", env: 'kubernetes', why: 'the socket exists; the app may not open it'},
      {text: 'Error: connect ECONNREFUSED /var/run/datadog/apm.socket', env: 'kubernetes', why: 'a refused socket exists but nobody listens: agent-not-listening'},
    ],
  },
  sources: ['shared/facts/root-causes.md D1, D2, D4', 'shared/facts/agent-side.md §0 item 8, §3.2–3.5', 'shared/facts/tracer-messages.md §1.3'],
};
