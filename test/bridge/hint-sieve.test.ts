// The CLI's sieve (bridge/hint-sieve.ts): it hands the scanner only the lines around hints and
// skips the rest by count, so it must give exactly the findings (lines, events, causes, targets,
// diagnoses) of scanning the whole text — across block boundaries, events that run on, lines
// longer than a block, config lines that change which bare errors count — while leaving most of
// a sparse log undecoded.
import {closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {Scanner, scanText} from '../../shared/engine/scan';
import type {RawFinding} from '../../shared/engine/types';
import {recognizers} from '../../shared/tracers/index';
import {wasmHintFinder} from '../../bridge/hint-finder/index';
import {sieveLines} from '../../bridge/hint-sieve';

const dir = mkdtempSync(join(tmpdir(), 'apm-sieve-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

type Findings = ReturnType<Scanner['finish']>['findings'];
/** Findings as comparable data: everything a user sees of them. */
const asData = (findings: Findings) =>
  findings.map((f) => ({line: f.line, endLine: f.endLine, cause: f.cause, recognizer: f.recognizer, target: f.target, excerpt: f.excerpt, rule: f.diagnosis.rule}));

function whole(text: string): ReturnType<typeof asData> {
  return asData(scanText(text, {hintFinder: wasmHintFinder}).findings);
}

/** Scans `text` from a file through the sieve; also says how much of it went to the scanner as text. */
function sieved(text: string | Buffer, block: number, live = false, noFinder = false): {findings: ReturnType<typeof asData>; fed: number} {
  const file = join(dir, 'log');
  writeFileSync(file, text);
  const scanner = new Scanner({hintFinder: wasmHintFinder});
  // A hint the WebAssembly search can't take (under 4 characters): the sieve must fall back.
  if (noFinder) Object.defineProperty(scanner, 'finderHintList', {value: [{text: 'ab', weak: false}]});
  const raw: RawFinding[] = [];
  let fed = 0;
  const fd = openSync(file, 'r');
  try {
    const target = {
      scanner,
      text: (t: string) => {
        fed += t.length;
        raw.push(...scanner.pushRaw(t));
      },
    };
    sieveLines(fd, target, {block, live});
  } finally {
    closeSync(fd);
  }
  const findings = scanner.finish(raw).findings;
  return {findings: asData(findings), fed};
}

const recorded = (d: string): string[] =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? recorded(p) : f.endsWith('.log') || f.endsWith('.txt') ? [readFileSync(p, 'utf8')] : [];
  });
const ddTraceLogs = recorded(new URL('../../../shared/fixtures/dd-trace-js/', import.meta.url).pathname);
const examples = recognizers.flatMap((r) => [...r.examples.matches.map((m) => m.text), ...r.examples.ignores.map((i) => i.text)]);

const noise = (i: number): string =>
  [
    `2026-11-25T10:00:${String(i % 60).padStart(2, '0')}.123Z INFO  [http] GET /api/orders/${i} 200 12ms user=alice é 안녕`,
    `2026-11-25T10:00:03.000Z ERROR [db] connect ECONNREFUSED 10.0.4.12:5432 (retrying in 1s) n=${i}`,
    `{"level":"info","msg":"request completed","path":"/v1/cart/${i}","status":200}`,
    `2026-11-25T10:00:01.001Z WARN  [cache] redis latency ${i % 90}ms above threshold`,
  ][i % 4] as string;

/** Tracer events of every recogniser and every recorded dd-trace log, `gap` noise lines apart. */
function corpus(gap: number, events: readonly string[] = [...ddTraceLogs, ...examples]): string {
  const out: string[] = [];
  let n = 0;
  for (const e of events) {
    for (let i = 0; i < gap; i++) out.push(noise(n++));
    out.push(e);
  }
  return `${out.join('\n')}\n`;
}

describe('hint sieve', () => {
  it('has the recorded logs and examples to check against', () => {
    expect(ddTraceLogs.length).toBeGreaterThanOrEqual(5);
    expect(examples.length).toBeGreaterThan(200);
  });

  it('gives the findings of a whole-text scan on every recogniser example and recorded dd-trace log, in blocks of 8 KB and up', () => {
    // A block keeps at most a quarter of itself for the next one's lookback: a smaller one may cut an event from its header.
    for (const gap of [0, 3, 70]) {
      const text = corpus(gap);
      const expected = whole(text);
      expect(expected.length).toBeGreaterThan(150);
      for (const block of [8192, 16 * 1024, 1 << 20]) {
        expect(sieved(text, block).findings, `gap ${gap}, block ${block}`).toEqual(expected);
      }
    }
  });

  it('reads a file a read at a time when live, with the same findings', () => {
    const text = corpus(5);
    expect(sieved(text, 8192, true).findings).toEqual(whole(text));
  });

  it('without the WebAssembly search, hands every line to the scanner and finds the same', () => {
    const text = corpus(20);
    const r = sieved(text, 1 << 20, false, true);
    expect(r.findings).toEqual(whole(text));
    expect(r.fed).toBe(text.length);
  });

  it('leaves most of a sparse log undecoded', () => {
    const text = corpus(400, examples.slice(0, 40));
    const r = sieved(text, 1 << 20);
    expect(r.findings).toEqual(whole(text));
    expect(r.findings.length).toBeGreaterThan(10);
    // The lines near hints, their lookback and the bare errors kept early: a small part of the log.
    expect(r.fed).toBeLessThan(text.length * 0.15);
  });

  it('counts bare errors to the address a config line named, before and after that line', () => {
    const config = 'DATADOG TRACER CONFIGURATION - {"version":"4.55.0","lang":"nodejs","agent_url":"http://10.9.9.9:9126"}';
    const bare = 'Error: connect ECONNREFUSED 10.9.9.9:9126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: \'ECONNREFUSED\'\n}';
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) {
      if (i === 50 || i === 2500 || i === 3999) lines.push(bare);
      if (i === 1000) lines.push(config);
      lines.push(noise(i));
    }
    const text = `${lines.join('\n')}\n`;
    const expected = whole(text);
    expect(expected.filter((f) => f.target.port === 9126).length).toBe(3);
    for (const block of [4096, 65536]) expect(sieved(text, block).findings).toEqual(expected);
  });

  it('gives back the bare errors kept before config lines name their addresses, in line order, telling look-alike addresses apart', () => {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(noise(i * 4));
      if (i % 3 === 0) lines.push(`2026-11-25T10:00:03.000Z Error: connect ECONNREFUSED 10.0.4.12:5432`);
      // Look-alikes: another port that starts the same, an address that runs on, a first error
      // that isn't one (the second is), IPv6.
      if (i % 97 === 0) lines.push(`Error: connect ECONNREFUSED 10.0.4.12:54321`);
      if (i % 89 === 0) lines.push(`Error: connect ECONNREFUSED 10.0.4.12:5432x`);
      if (i % 83 === 0) lines.push(`Error: connect EFOO-BAR 1.2.3.4:1 then connect ECONNREFUSED 10.0.4.13:5432`);
      if (i % 79 === 0) lines.push(`connect ECONNREFUSED fe80::1:8126 n=${i}`);
    }
    // Configs name the addresses as the agent's: the lines kept of each come back as findings,
    // so a line wrongly turned down (or kept) shows.
    for (const url of ['http://10.0.4.12:5432', 'http://10.0.4.12:54321']) {
      lines.push(`DATADOG TRACER CONFIGURATION - {"version":"4.55.0","lang":"nodejs","agent_url":"${url}"}`);
    }
    lines.push(noise(1));
    const text = `${lines.join('\n')}\n`;
    const expected = whole(text);
    expect(expected.filter((f) => f.target.port === 5432).length).toBe(20);
    expect(expected.filter((f) => f.target.port === 54321).length).toBe(20);
    for (const block of [8192, 65536, 1 << 20]) expect(sieved(text, block).findings, `block ${block}`).toEqual(expected);
  });

  it('stops keeping bare errors for a later config after 2,000 weak lines (the cost bound), whole and sieved alike', () => {
    // An app's own connect errors (one address: 20 kept, the rest turned down) each count. A
    // bare error to the agent's custom address that comes as the 2,000th weak line is kept and
    // claimed by the config line at the end; as the 2,001st it is not.
    const build = (appErrors: number): string => {
      const lines: string[] = [];
      // noise(4i) is an access-log line: no weak hint of its own.
      for (let i = 0; i < appErrors; i++) lines.push(noise(4 * i), `2026-11-25T10:00:03.000Z ERROR [db] connect ECONNREFUSED 10.0.4.12:5432 (retrying in 1s)`);
      lines.push(`Error: connect ECONNREFUSED 10.9.9.9:9126`, noise(4));
      lines.push(`DATADOG TRACER CONFIGURATION - {"version":"4.55.0","lang":"nodejs","agent_url":"http://10.9.9.9:9126"}`, noise(8));
      return `${lines.join('\n')}\n`;
    };
    const agentErrors = (fs: ReturnType<typeof asData>) => fs.filter((f) => f.target.port === 9126).length;
    const inBudget = build(1_999);
    const past = build(2_000);
    expect(agentErrors(whole(inBudget))).toBe(1);
    expect(agentErrors(whole(past))).toBe(0);
    // In blocks, the lines a block leaves unfed for the next one's lookback are asked about once.
    for (const text of [inBudget, past]) for (const block of [8192, 65536, 1 << 20]) expect(sieved(text, block).findings, `block ${block}`).toEqual(whole(text));
  });

  it('hands on an event that runs past its lines ahead and over block boundaries (a long Java stack trace)', () => {
    const frames = Array.from({length: 150}, (_, i) => `\tat com.example.Frame${i}.call(Frame${i}.java:${i})`).join('\n');
    const event = `[dd.trace 2025-05-07 09:38:45:606 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 3 (size=6KB) traces. Total: 8786, Received: 8786, Sent: 8783, Failed: 3. java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126\n${frames}\nCaused by: java.net.ConnectException: Connection refused\n${frames}`;
    const text = corpus(30, [event, event, examples[0] as string]);
    const expected = whole(text);
    expect(expected[0]?.endLine).toBeGreaterThan((expected[0]?.line ?? 0) + 150);
    for (const block of [4096, 20_000, 1 << 20]) expect(sieved(text, block).findings).toEqual(expected);
  });

  it('copes with a line longer than a block, CRLF, multi-byte text and no final newline', () => {
    const hint = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126';
    const text = [`${hint} ${'한'.repeat(3000)}`, `${'x'.repeat(5000)} ${hint}`, `${noise(1)}\r`, `${hint}\r`, `안녕 ${hint}`].join('\n');
    const expected = whole(text);
    expect(expected.length).toBe(4);
    for (const block of [1024, 4096, 1 << 20]) expect(sieved(text, block).findings).toEqual(expected);
  });

  it('reads a first line longer than its small first read but shorter than a block as any line of a block', () => {
    // The first read is 64 KB (the WebAssembly search is still in baseline code); a first line
    // longer than that is read on to a block and sieved, not handed to the scanner as the head of
    // a line longer than a block.
    const hint = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126';
    const after = [noise(1), hint, noise(2)];
    const withHint = [`${hint} ${'x'.repeat(100_000)}`, ...after].join('\n');
    expect(whole(withHint).length).toBe(2);
    expect(sieved(withHint, 1 << 20).findings).toEqual(whole(withHint));
    // Without a hint the long line is passed over undecoded.
    const without = ['x'.repeat(100_000), ...after].join('\n');
    const r = sieved(without, 1 << 20);
    expect(r.findings).toEqual(whole(without));
    expect(r.findings.length).toBe(1);
    expect(r.fed).toBeLessThan(2_000);
  });

  it('reads a line many blocks long only as far as the scanner looks into a line, and counts on after it', () => {
    const hint = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126';
    const text = `${hint} ${'x'.repeat(5 * 1024 * 1024)} ${hint}\n${noise(1)}\n${hint}\n`;
    const expected = whole(text);
    expect(expected.map((f) => f.line)).toEqual([1, 3]);
    const r = sieved(text, 64 * 1024);
    expect(r.findings).toEqual(expected);
    // The long line's head (what the scanner reads of a line), then the lines after it: not 5 MB.
    expect(r.fed).toBeLessThan(400 * 1024);
    // Without the WebAssembly search too (its pieces: the first is a whole 1 MB read).
    const plain = sieved(text, 64 * 1024, false, true);
    expect(plain.findings).toEqual(expected);
    expect(plain.fed).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('skips binary junk without losing count of lines', () => {
    const junk = Buffer.from(Array.from({length: 50_000}, (_, i) => (i * 7919) % 256));
    const tail = Buffer.from(`\n${examples[0]}\n`);
    const text = Buffer.concat([junk, tail, junk, tail]);
    const expected = asData(scanText(text.toString('utf8'), {hintFinder: wasmHintFinder}).findings);
    expect(expected.length).toBe(2);
    expect(sieved(text, 4096).findings).toEqual(expected);
  });

  it('gives the findings of a whole-text scan on hint soup, in random blocks', () => {
    const pieces = [...examples.filter((e) => e.length < 400).slice(0, 60), noise(0), noise(1), noise(2), 'Caused by: java.net.ConnectException: Connection refused', '  errno: -111,', '}', '\tat x.y(z.java:1)', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 80}), fc.integer({min: 256, max: 8192}), (lines, block) => {
        const text = lines.join('\n');
        expect(sieved(text, block).findings).toEqual(whole(text));
      }),
      {numRuns: 60},
    );
  });
});
