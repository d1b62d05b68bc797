import {addrOf, diagnosis, msg} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/** One flush over the agent's request limit, 25 MB by default (root-causes E2, facts/agent-side.md §6.3 413 row). */
export const rule: DiagnosisRule = {
  id: 'payload-too-large',
  causes: ['payload_too_large', 'http_status', 'other'],
  envs: [],
  applies: (f) => {
    // Some tracers print only the agent's body or their own words: Go `lost N traces: payload-too-large`,
    // Python `Trace is too big to fit in a payload`, the agent's `read limit reached` (root-causes E2).
    const words = f.source === 'tracer' && /payload-too-large|[Tt]race is too big|read limit reached/.test(f.excerpt);
    if (!(f.cause === 'payload_too_large' || (f.cause === 'http_status' && f.httpStatus === 413) || words)) return null;
    return diagnosis('payload-too-large', {
      subs: {target: addrOf(f).shown},
      advice: [msg('advice_payload_partial_flush'), msg('advice_upgrade_tracer_split'), msg('advice_payload_reduce_spans'), msg('advice_agent_max_payload')],
    });
  },
  examples: {
    matches: [
      {
        text: "2021-08-17 18:19:46.827 +00:00 [ERR] An error occurred while sending 1 traces to the agent at http://127.0.0.1:8126/v0.4/traces\nSystem.Net.Http.HttpRequestException: Response status code does not indicate success: 413 (Request Entity Too Large).",
        why: ".NET reports the 413 (dd-trace-dotnet#259)",
      },
      {
        text: "2024/05/02 10:00:00 Datadog Tracer v1.62.0 ERROR: lost 1645 traces: payload-too-large",
        why: "Go prints the agent's body only (dd-trace-go#650)",
      },
      {
        text: 'Error sending payload to the agent (status code: 413)\nNoTransmitError: Error from http://127.0.0.1:8126/v0.4/traces: 413 Payload Too Large. Response from the endpoint: "request body too large\\n"\n    at IncomingMessage.<anonymous> (/srv/app/node_modules/dd-trace/packages/dd-trace/src/exporters/common/request.js:172:23) {\n  status: 413\n}',
        why: 'dd-trace-js 6.21 against a 413 (tracer-messages §5.4)',
      },
    ],
    ignores: [
      {text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 429 Too Many Requests.', why: 'rate limiting, not size'},
    ],
  },
  sources: ['shared/facts/root-causes.md E2', 'shared/facts/agent-side.md §6.3', 'dd-trace-dotnet#259', 'dd-trace-go#650', 'DataDog/datadog-agent pkg/config/setup/apm.go (apm_config.max_payload_size ↔ DD_APM_MAX_PAYLOAD_SIZE)'],
};
