import {addrOf, curlInfo, diagnosis, inAppContainer, msg} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * Reachable, but the endpoint isn't there (root-causes E1, E5; facts/agent-side.md §1.1): an
 * agent older than /info (7.27/7.28), an old agent or Lambda extension without `/v0.5/traces`,
 * an agent without remote configuration (`/v0.7/config`), or not an agent at all.
 */
export const rule: DiagnosisRule = {
  id: 'http-404-old-agent',
  causes: ['http_status'],
  envs: [],
  applies: (f, ctx) => {
    if (f.cause !== 'http_status') return null;
    const v05 = /\/v0\.5\/traces/.test(f.excerpt);
    if (!(f.httpStatus === 404 || (f.httpStatus === 400 && v05))) return null;
    const a = addrOf(f);
    let variant: string | undefined;
    if (/\/v0\.7\/config|\[RC\]|remote.?config/i.test(f.excerpt)) variant = 'config';
    else if (v05) variant = 'v05';
    else if (/\/info\b/.test(f.excerpt)) variant = 'info';
    return diagnosis('http-404-old-agent', {
      variant,
      subs: {target: a.shown, status: String(f.httpStatus)},
      advice: [
        msg('advice_404_check_info', {command: inAppContainer(ctx.env, curlInfo(a))}),
        variant !== 'config' && msg('advice_upgrade_agent'),
        variant === 'v05' && msg('advice_pin_api_v04'),
        variant !== 'config' && !a.socket && msg('advice_port_find_holder', {port: String(a.port)}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 404 Not Found.',
        env: 'host',
        why: 'shared/fixtures/dd-trace-js/v5/s404.log: the trace endpoint is missing',
      },
      {
        text: 'Error sending payload to the agent (status code: 404)\nNoTransmitError: Error from http://10.0.3.7:8126/v0.4/traces: 404 Not Found. Response from the endpoint: "404 page not found\\n"',
        env: 'kubernetes',
        why: "Go's default 404 body: something answers on 8126 without the endpoint",
      },
    ],
    ignores: [
      {text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:8126/v0.4/traces: 500 Internal Server Error.', why: 'a server error, not a missing endpoint'},
    ],
  },
  sources: ['shared/facts/agent-side.md §0 item 1, §1.1, §6.3 (404 row)', 'shared/facts/root-causes.md E1, E5, B6, §3.5 (E5 vs E1)'],
};
