import {addrOf, diagnosis, envSteps, msg, probeAdvice, selfCheck} from './_advice';
import type {DiagnosisRule} from '../engine/types';

// libdatadog's native writer (Python 3.19+, PHP, Rust) folds every connect failure into
// `client error (Connect)`: the engine files it under `refused`, but the OS error is gone
// (tracer-messages §2.4).
const NATIVE_CONNECT = /client error \(Connect\)/;
const RETRIES = /after \d+ retries/;

/** The tracer said that it failed, not why (cause `other`, or the native writer's generic text). */
export const rule: DiagnosisRule = {
  id: 'reason-hidden',
  causes: ['other', 'refused'],
  envs: [],
  applies: (f, ctx) => {
    // Agent log lines filed as `other` are agent-side facts, and the bridge's probe (shared/probe/
    // verdict.ts) hides nothing: neither is a tracer keeping the reason to itself.
    if (f.source !== 'tracer' || f.recognizer === 'probe') return null;
    const native = NATIVE_CONNECT.test(f.excerpt);
    if (f.cause !== 'other' && !native) return null;
    const a = addrOf(f);
    const variant = native ? 'native' : RETRIES.test(f.excerpt) ? 'retries' : undefined;
    return diagnosis('reason-hidden', {
      variant,
      subs: {target: a.shown},
      advice: [probeAdvice(a), selfCheck(f.lang, a), msg('advice_debug_logs'), ...envSteps(ctx.env, a)],
    });
  },
  examples: {
    matches: [
      {
        text: "2024-03-01 10:00:00,000 ERROR [ddtrace.internal.writer.writer] [writer.py:250] - failed to send, dropping 1 traces to intake at http://10.0.3.7:8126/v0.5/traces after 3 retries, 5 additional messages skipped",
        env: 'kubernetes',
        why: "Python's summary line keeps only the retry count",
      },
      {
        text: "2021-08-17 14:04:12,982 ERROR [ddtrace.internal.writer] [writer.py:466] [dd.service= dd.env= dd.version= dd.trace_id=0 dd.span_id=0] - failed to send traces to Datadog Agent at http://localhost:8126\nTraceback (most recent call last):",
        env: 'host',
        why: "the seed's Python debug line, cut before the exception",
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Something odd happened',
        why: 'no OS error, no status: only a probe can tell',
      },
      {
        text: "2024-03-01 10:00:00,000 INFO [ddtrace._trace.tracer] [tracer.py:300] - DATADOG TRACER CONFIGURATION - {'date': '2024-03-01T10:00:00', 'version': '3.19.0', 'lang': 'python', 'agent_url': 'http://10.0.3.7:8126', 'agent_error': 'Agent not reachable at http://10.0.3.7:8126. Exception raised: client error (Connect)'}",
        env: 'kubernetes',
        why: "Python's native writer hides refused vs timeout vs DNS behind 'client error (Connect)'",
      },
    ],
    ignores: [
      {text: 'Error: connect ECONNREFUSED 10.0.3.7:8126', env: 'kubernetes', why: 'the OS error is right there'},
    ],
  },
  sources: ['shared/facts/tracer-messages.md §2.3–2.4 (native writer, retries)', 'shared/facts/root-causes.md §2 (errors that say where and why)'],
};
