// Helpers for the .NET, PHP, C++, Rust and agent recognisers. Not a recogniser: the leading
// underscore keeps it out of the registry (test/shared/tracers/registry.test.ts).
import {classifyCause, extractTarget, httpStatusOf} from '../engine/classify';
import type {Cause, Recognition, Target} from '../engine/types';

/**
 * Cause, HTTP status, OS code and address from a piece of event text. `fallback` is the cause
 * when the text names none (a .NET send failure logged without its exception, a bare flag).
 */
export function recognitionOf(text: string, fallback: Cause = 'other'): Recognition {
  const c = classifyCause(text);
  const status = c?.httpStatus ?? httpStatusOf(text);
  const cause = c?.cause ?? (status !== null ? (status === 413 ? 'payload_too_large' : 'http_status') : fallback);
  return {cause, errorCode: c?.errorCode ?? null, httpStatus: status, target: extractTarget(text)};
}

// Datadog's own intakes (agentless mode, CI Visibility, profiling uploads): a failure to reach
// them is not a tracer → agent failure (shared/facts/tracer-messages.md §11).
const INTAKE_HOST = /(?:^|\.)(?:datadoghq\.com|datadoghq\.eu|ddog-gov\.com|datad0g\.com)$/i;

export function isIntake(t: Partial<Target> | undefined): boolean {
  return Boolean(t?.host && INTAKE_HOST.test(t.host));
}

// libcurl's error buffer names the address it dialled: `Failed to connect to localhost port 8126:
// Connection refused` (≤7.7x), `… port 8126 after 0 ms: …` (7.8x+), `Failed to connect to
// 127.0.0.1: Permission denied` (no port: SELinux denying httpd, root-causes.md C4).
const CURL_CONNECT = /Failed to connect to (\[[0-9a-fA-F:.]{2,45}\]|[\w.:-]{1,253}?)(?: port (\d{1,5}))?(?: after \d{1,9} ms)?: /;

/**
 * A libcurl failure as PHP and C++ tracers print it.
 *
 * Over a Unix socket both tracers give curl `http://localhost` plus CURLOPT_UNIX_SOCKET_PATH,
 * so curl says `localhost port 80` and never names the socket (nginx-datadog#174,
 * tracer-messages.md §7.3). Port 80 is never the trace-agent's, so that address is dropped:
 * the scanner then fills the target from the startup configuration's `unix://` agent_url when
 * the page has one. The cause stays what curl's words say (`No such file or directory` →
 * uds_missing, `Permission denied` → uds_permission); libcurl 8 prints only `Couldn't connect
 * to server`, which stays `refused` — the errno is hidden, as in the config line's agent_error.
 */
export function curlRecognition(text: string, fallback: Cause = 'other'): Recognition {
  const r = recognitionOf(text, fallback);
  const m = CURL_CONNECT.exec(text);
  if (!m) return r;
  const host = (m[1] ?? '').replace(/^\[|\]$/g, '');
  const port = m[2] ? Number(m[2]) : null;
  if (host === 'localhost' && port === 80) return {...r, target: {}};
  if (port === null && !r.target?.host) {
    return {...r, target: {url: `http://${host.includes(':') ? `[${host}]` : host}`, host, port: null, socket: null}};
  }
  return r;
}

/** `1.28.2.0` (.NET assembly versions) → `1.28.2`; other shapes unchanged. */
export function threePart(version: string): string {
  return /^(\d+\.\d+\.\d+)\.\d+$/.exec(version)?.[1] ?? version;
}
