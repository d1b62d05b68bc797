// Helpers shared by the Java, Python, Ruby and Go recognisers: turning the part of a tracer
// message that states the reason into a Recognition, and telling an agentless intake (the
// tracer talked to Datadog directly, so no Agent was involved) from the Agent.
// Not a recogniser: the leading underscore keeps it out of the registry (registry.test.ts).
import {classifyCause, httpStatusOf} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Target} from '../engine/types';

// Agentless endpoints: intake.profile.datadoghq.com, instrumentation-telemetry-intake.datadoghq.com,
// citestcycle-intake.datadoghq.eu, llmobs-intake.us5.datadoghq.com, … (facts §11: not the Agent).
const INTAKE_HOST = /(?:^|\.)(?:datadoghq\.com|datadoghq\.eu|ddog-gov\.com|datad0g\.com)$/i;

export function isIntakeHost(host: string | null): boolean {
  return host !== null && INTAKE_HOST.test(host);
}

export function isIntakeTarget(t: Partial<Target> | undefined): boolean {
  return isIntakeHost(t?.host ?? null);
}

export function statusCause(status: number): Cause {
  return status === 413 ? 'payload_too_large' : 'http_status';
}

/**
 * Classifies `reason` (the words the tracer printed after its template), falling back to
 * `more` (a stack trace or traceback under the line). A reason that names nothing is `other`:
 * the tracer hid the cause (Python 1.15–3.14 `after 3 retries`, Java's bare `agent_error`).
 */
export function recognition(reason: string, more: string, target: Target): Recognition {
  const c = classifyCause(reason) ?? (more ? classifyCause(more) : null);
  if (c) return {cause: c.cause, errorCode: c.errorCode, httpStatus: c.httpStatus, target};
  const status = httpStatusOf(reason);
  if (status !== null) return {cause: statusCause(status), httpStatus: status, target};
  return {cause: 'other', target};
}

/** Cuts the text at a trailing group the template appended (`(Will not log errors for 5 minutes)`). */
export function stripSuffix(text: string, suffix: RegExp): string {
  const m = suffix.exec(text);
  return m ? text.slice(0, m.index) : text;
}

// A failure line is at most a few KB (Ruby's inspect caps its payload at 2,000 chars; Java, Go
// and Python put a one-line exception text after the template; config lines are parsed by
// startup-config.ts) and the scanner caps events at 200 lines. Bounding what the regexes see
// keeps a hostile 1 MB line cheap even when recognize() runs without the scanner's 64 KB cut.
export const MAX_FIRST_LINE = 8 * 1024;
const MAX_EVENT_TEXT = 64 * 1024;

/** The event's first line and its whole text, each bounded. */
export function headOf(ev: LogEvent): {first: string; text: string} {
  const first = ev.lines[0]?.text ?? '';
  return {first: first.slice(0, MAX_FIRST_LINE), text: ev.text.slice(0, MAX_EVENT_TEXT)};
}
