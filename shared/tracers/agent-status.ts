// Pasted `agent status` output (and `trace-agent info`) whose APM section says the trace-agent
// is not there (shared/facts/agent-side.md §2; seed: "APM not running or unreachable on
// localhost:8126 means APM is not set up in the agent"). The status command reads the
// trace-agent's expvar `/debug/vars`, so the address it names is where it looked:
//   ≤ ~7.43  `Status: Not running or unreachable on localhost:8126.` — the receiver port;
//   ~7.44+   `… on localhost:5012.` — the trace-agent's DEBUG server (apm_config.debug.port),
//            https on current agents: NOT an address a tracer should use;
//   2026 main `Status: Unavailable` + `Error: Get "https://localhost:5012/debug/vars": …`;
//   `--json`  `"apmStats": {"port": 5012, "error": "…"}`;
//   `trace-agent info`: old `Not running (port 8126)`, newer `Not running or unreachable on 127.0.0.1:5012`.
// The target is that address as printed (the rules must not advise port 5012 to tracers).
// With socket activation (Agent ≥7.80 on Linux) "not running" can also mean "not started yet:
// no trace has arrived" (root-causes.md B1).
// `agent status` failing as a whole (`Could not reach agent: … /agent/status …`) means the core
// agent is down, so APM is too.
// Not findings: `Status: Running`, including `WARNING: Traces API errors (1 min): N` — that is
// the agent failing to reach Datadog (root-causes.md G1) while it receives traces fine.
import {classifyCause, extractTarget} from '../engine/classify';
import type {LogEvent, Recognition, Recognizer, Target} from '../engine/types';

const NOT_RUNNING = /Not running or unreachable on (\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):(\d{1,5})/;
const NOT_RUNNING_OLD = /Not running \(port (\d{1,5})\)/;
const UNAVAILABLE = /Status: Unavailable/;
const ERROR_LINE = /(?:^|\n)[ \t]*Error: ([^\n]{1,4096})/;
const APM_STATS = /"apmStats"\s{0,64}:\s{0,64}\{/;
const APM_STATS_PORT = /"port"\s{0,64}:\s{0,64}(\d{1,5})/;
const APM_STATS_ERROR = /"error"\s{0,64}:\s{0,64}"((?:[^"\\]|\\.){1,4096})"/;
const CORE_DOWN = /Could not reach agent: ([^\n]{1,4096})/;

function found(target: Partial<Target>, detail: string): Recognition {
  return {cause: 'apm_not_running', target, errorCode: classifyCause(detail)?.errorCode ?? null, lang: 'unknown'};
}

/** The address named, with the scheme of the URL the status command fetched (https on 7.5x+). */
function addressTarget(host: string, port: number, detail: string): Partial<Target> {
  const bare = host.replace(/^\[|\]$/g, '');
  const scheme = /https:\/\//.test(detail) ? 'https' : 'http';
  return {url: `${scheme}://${bare.includes(':') ? `[${bare}]` : bare}:${port}`, host: bare, port, socket: null};
}

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.text;
  const detail = ERROR_LINE.exec(text)?.[1] ?? '';
  let m: RegExpExecArray | null;
  if ((m = NOT_RUNNING.exec(text))) return found(addressTarget(m[1] ?? '', Number(m[2]), detail), detail);
  if ((m = NOT_RUNNING_OLD.exec(text))) return found(addressTarget('localhost', Number(m[1]), detail), detail);
  // Other status sections may say Unavailable; the APM one names the trace-agent's /debug/vars.
  if (UNAVAILABLE.test(text) && detail.includes('/debug/vars')) return found(extractTarget(detail), detail);
  if ((m = APM_STATS.exec(text))) {
    // The failure object is flat ({"port", "error"}); a running agent's apmStats opens nested
    // objects first, so look only up to the first closing brace.
    const end = text.indexOf('}', m.index + m[0].length);
    const obj = text.slice(m.index, end === -1 ? undefined : end);
    const err = APM_STATS_ERROR.exec(obj)?.[1]?.replace(/\\"/g, '"');
    if (!err) return null;
    const port = APM_STATS_PORT.exec(obj)?.[1];
    const t = extractTarget(err);
    return found(t.host ? t : addressTarget('localhost', Number(port ?? 5012), err), err);
  }
  if ((m = CORE_DOWN.exec(text)) && text.includes('/agent/status')) return found(extractTarget(m[1] ?? ''), m[1] ?? '');
  return null;
}

export const recognizer: Recognizer = {
  id: 'agent-status',
  lang: 'unknown',
  source: 'status',
  hints: ['Not running or unreachable on', 'Not running (port ', 'Status: Unavailable', '"apmStats"', 'Could not reach agent: '],
  recognize,
  examples: {
    matches: [
      {
        text: 'APM Agent\n=========\n  Status: Not running or unreachable on localhost:8126.',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 8126},
        from: 'shared/seed/000_2f0b614e54afe1b3.txt (Datadog Agent errors)',
      },
      {
        text: '=========\nAPM Agent\n=========\n  Status: Not running or unreachable on localhost:8126.\n  Error: Get "http://localhost:8126/debug/vars": dial tcp 127.0.0.1:8126: connect: connection refused',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 8126, url: 'http://localhost:8126'},
        from: 'shared/facts/agent-side.md §2.2 (Agent 7.36.1, DD_APM_ENABLED=false)',
      },
      {
        text: '=========\nAPM Agent\n=========\n\n\n  Status: Not running or unreachable on localhost:5012.\n  Error: Get "https://localhost:5012/debug/vars": dial tcp 127.0.0.1:5012: connect: connection refused',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 5012, url: 'https://localhost:5012'},
        from: 'shared/fixtures/agent/status-apm-not-running.txt (Agent 7.81.3; 5012 is the debug port)',
      },
      {
        text: '=========\nAPM Agent\n=========\n\n  Status: Unavailable\n  Error: Get "https://localhost:5012/debug/vars": dial tcp 127.0.0.1:5012: connect: connection refused',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 5012},
        from: 'datadog-agent comp/trace/status/impl/status_templates/traceagent.tmpl (2026 main; agent-side.md §2.2)',
      },
      {
        text: '{\n  "apmStats": {\n    "port": 5012,\n    "error": "Get \\"https://localhost:5012/debug/vars\\": dial tcp 127.0.0.1:5012: connect: connection refused"\n  }\n}',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 5012},
        from: 'shared/fixtures/agent/status-apmStats-not-running.json (`agent status --json`, composed shape)',
      },
      {
        text: '2026-07-01T10:00:00.000000001Z stdout F   Status: Not running or unreachable on 127.0.0.1:5012.',
        expect: {cause: 'apm_not_running', host: '127.0.0.1', port: 5012},
        from: '`kubectl exec … agent status` captured through a log pipeline (CRI framing); template agent-side.md §2.2',
      },
      {
        text: 'Getting the status from the agent.\nCould not reach agent: Get "https://localhost:5001/agent/status": dial tcp 127.0.0.1:5001: connect: connection refused\nMake sure the agent is running before requesting the status and contact support if you continue having issues.',
        expect: {cause: 'apm_not_running', host: 'localhost', port: 5001},
        from: 'datadog-agent cmd/agent/subcommands/status/command.go (agent-side.md §2.3); root-causes.md B1',
      },
    ],
    ignores: [
      {text: '=========\nAPM Agent\n=========\n  Status: Running\n  Pid: 54\n  Uptime: 85 seconds\n  Receiver: localhost:8126', why: 'APM running (shared/fixtures/agent/status-apm-running.txt)'},
      {
        text: '  Writer (previous minute)\n  ========================\n    Traces: 12 payloads, 1515 traces, 0 events, 1,204,331 bytes\n    WARNING: Traces API errors (1 min): 4',
        why: 'the agent failing to send to Datadog (root-causes.md G1): tracers reach the agent',
      },
      {text: '  Status: Unavailable\n  Error: remote configuration is disabled', why: 'another status section; the APM one names /debug/vars'},
      {text: '    No traces received in the previous minute.\n    Default priority sampling rate: 100.0%', why: 'healthy receiver with no traffic'},
      {text: 'Could not reach agent: connection refused (worker pool "build-7")', why: 'a CI agent, not the Datadog Agent status command'},
    ],
  },
  sources: [
    'shared/facts/agent-side.md §2.1–2.4 (status templates, 8126 → 5012 debug port, Status: Unavailable, apmStats)',
    'datadog-agent pkg/status/templates/trace-agent.tmpl, comp/trace/status/statusimpl/status_templates/traceagent.tmpl, comp/trace/status/impl/status_templates/traceagent.tmpl',
    'shared/fixtures/agent/status-apm-*.txt, status-apmStats-not-running.json',
    'shared/seed/000_2f0b614e54afe1b3.txt',
  ],
};
