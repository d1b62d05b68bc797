// Scanning an input in parts (as the CLI does on two threads) and joining gives what scanning
// it whole gives: same findings, same lines, same context.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {joinPartialScans, Scanner, scanText} from '../../../shared/engine/scan';

const records = [
  'GET /api/orders/1 200 12ms',
  'DATADOG TRACER CONFIGURATION - {"version":"4.55.0","lang":"nodejs","agent_url":"http://10.0.0.9:9126"}',
  "Error: connect ECONNREFUSED 10.0.0.9:9126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: 'ECONNREFUSED'\n}",
  'Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 127.0.0.1:8126',
  'Error: connect ECONNREFUSED 10.0.4.12:5432',
  'DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND datadog-agent',
];

function scanParts(parts: readonly string[]) {
  return joinPartialScans(
    parts.map((p) => {
      const s = new Scanner();
      const findings = s.pushRaw(p);
      const tail = s.endPartial();
      return {...tail, findings: [...findings, ...tail.findings]};
    }),
  );
}

describe('joinPartialScans', () => {
  it('equals a whole scan for any split at record boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: records.length - 1}), {minLength: 1, maxLength: 30}), fc.array(fc.nat(), {maxLength: 3}), (picks, cutsRaw) => {
        const recs = picks.map((i) => records[i] ?? '');
        const whole = `${recs.join('\n')}\n`;
        const cuts = [...new Set(cutsRaw.map((c) => c % recs.length))].filter((c) => c > 0).sort((a, b) => a - b);
        const parts: string[] = [];
        let prev = 0;
        for (const c of [...cuts, recs.length]) {
          parts.push(`${recs.slice(prev, c).join('\n')}\n`);
          prev = c;
        }
        const key = (r: ReturnType<typeof scanText>) => r.findings.map((f) => `${f.line}-${f.endLine}:${f.cause}@${f.target.host}:${f.target.port}`);
        expect(key(scanParts(parts))).toEqual(key(scanText(whole)));
      }),
      {numRuns: 200},
    );
  });

  it('resolves a bare error in one part against a config line in a later part', () => {
    const r = scanParts(["Error: connect ECONNREFUSED 10.0.0.9:9126\n", `${records[1]}\n`]);
    expect(r.findings.map((f) => [f.line, f.cause, f.target.port])).toEqual([[1, 'refused', 9126]]);
  });
});
