import {DEFAULT_SOCKET, diagnosis, isFargate, msg} from './_advice';
import type {DiagnosisRule, RawFinding} from '../engine/types';

// The trace-agent failing to open its socket (facts/agent-side.md §3.1; root-causes D3:
// `Error creating UDS listener: listen unix /var/run/datadog/apm.socket: bind: permission denied`).
const UDS_LISTENER = /Error creating UDS listener|Could not start UDS listener|UDS listener[^\n]{0,40}(?:error|fail)/i;
const SOCKET_PATH = /(\/[\w./-]{1,255}\.sock(?:et)?)\b/;

function isListenerEvidence(o: RawFinding): boolean {
  return o.source === 'agent' && (o.cause === 'uds_missing' || o.cause === 'uds_permission' || UDS_LISTENER.test(o.excerpt));
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

export const rule: DiagnosisRule = {
  id: 'uds-listener-error',
  causes: ['uds_missing', 'uds_permission', 'refused', 'other'],
  envs: [],
  applies: (f, ctx) => {
    const own = isListenerEvidence(f);
    const other = own ? undefined : ctx.findings.find(isListenerEvidence);
    // The app can't find the socket because the agent never created it.
    if (!own && !(other && f.target.socket)) return null;
    const evidence = own ? f : (other as RawFinding);
    const printed = evidence.target.socket ?? SOCKET_PATH.exec(evidence.excerpt)?.[1] ?? f.target.socket ?? DEFAULT_SOCKET;
    // `socket directory does not exist: <path>` prints the socket path; tolerate a directory there too.
    const socket = /\.sock(?:et)?$/.test(printed) ? printed : `${printed.replace(/\/$/, '')}/apm.socket`;
    const dir = dirOf(socket);
    const variant =
      evidence.cause === 'uds_permission' || /permission denied/i.test(evidence.excerpt) ? 'permission' : /does not exist|no such file/i.test(evidence.excerpt) ? 'missing_dir' : 'other';
    return diagnosis('uds-listener-error', {
      variant,
      subs: {socket, socket_dir: dir},
      advice: [
        variant === 'permission' && msg('advice_uds_agent_dir_permissions', {socket_dir: dir}),
        variant === 'missing_dir' && msg('advice_uds_create_dir', {socket_dir: dir, socket}),
        msg('advice_agent_log_trace'),
        !isFargate(ctx) && msg('advice_uds_or_tcp'),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: '2023-06-20 08:00:00 UTC | TRACE | ERROR | (pkg/trace/api/api.go:250 in Start) | Error creating UDS listener: listen unix /var/run/datadog/apm.socket: bind: permission denied',
        why: 'a non-root trace-agent cannot create its socket (datadog-agent#17713)',
      },
      {
        text: "Error: connect ENOENT /var/run/datadog/apm.socket\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'connect',\n  address: '/var/run/datadog/apm.socket'\n}\n2023-06-20 08:00:00 UTC | TRACE | ERROR | (pkg/trace/api/api.go:280 in Start) | Could not start UDS listener: socket directory does not exist: /var/run/datadog/apm.socket",
        env: 'kubernetes',
        why: "the app's missing socket is explained by the agent's own line in the same view",
      },
    ],
    ignores: [
      {text: "Error: connect ENOENT /var/run/datadog/apm.socket\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -2,\n  code: 'ENOENT'\n}", env: 'kubernetes', why: 'without the agent-side line it is a missing mount (uds-missing)'},
    ],
  },
  sources: ['shared/facts/agent-side.md §0 item 8, §3.1', 'shared/facts/root-causes.md D1, D3', 'datadog-agent#17713', 'datadog-agent#29155'],
};
