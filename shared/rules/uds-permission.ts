import {addrOf, DEFAULT_SOCKET, diagnosis, inAppContainer, isFargate, isWebServerHosted, msg, reachCheck} from './_advice';
import type {DiagnosisRule} from '../engine/types';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

/**
 * EACCES. On a socket path it is the file's owner/mode against the app's UID (root-causes D3);
 * on a TCP address it is a local security policy, usually SELinux keeping httpd/php-fpm from
 * opening network connections (root-causes C4) — same errno, so the same rule, told apart by target.
 */
export const rule: DiagnosisRule = {
  id: 'uds-permission',
  causes: ['uds_permission'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'uds_permission') return null;
    const a = addrOf(f);
    if (!f.target.socket && f.target.host) {
      return diagnosis('uds-permission', {
        variant: 'tcp',
        subs: {target: a.shown},
        advice: [msg('advice_selinux_network_connect'), isWebServerHosted(f) ? null : msg('advice_tcp_eacces_policy'), reachCheck(ctx.env, a)],
      });
    }
    const socket = f.target.socket ?? DEFAULT_SOCKET;
    const dir = dirOf(socket);
    return diagnosis('uds-permission', {
      subs: {socket},
      advice: [
        msg('advice_uds_check_perms', {socket, command: inAppContainer(ctx.env, `sh -c 'id; ls -ld ${dir} ${socket}'`)}),
        msg('advice_uds_perms_fix', {socket_dir: dir}),
        !isFargate(ctx) && msg('advice_uds_or_tcp'),
        reachCheck(ctx.env, {socket}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: "Error: connect EACCES /var/run/datadog/apm.socket\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -13,\n  code: 'EACCES',\n  syscall: 'connect',\n  address: '/var/run/datadog/apm.socket'\n}",
        env: 'kubernetes',
        why: 'the app runs as a UID that may not write to the socket (dd-trace-js run as nobody, tracer-messages §0)',
      },
      {
        text: '[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:00Z","version":"0.99.0","lang":"php","agent_url":"http:\\/\\/127.0.0.1:8126","agent_error":"Failed to connect to 127.0.0.1 port 8126: Permission denied"}',
        env: 'host',
        why: 'EACCES on a TCP address: SELinux stops php-fpm from connecting (root-causes C4, dd-trace-php#646)',
      },
    ],
    ignores: [
      {text: "Error: connect ENOENT /var/run/datadog/apm.socket", env: 'kubernetes', why: 'a missing socket is not a permission problem'},
    ],
  },
  sources: ['shared/facts/root-causes.md D3, C4, §3.1 (EACCES rows)', 'shared/facts/tracer-messages.md §0 (socket permission row)', 'datadog-agent#17713'],
};
