// The real `dd-trace` npm package (6.x) runs in a child process against a closed port, an
// unresolvable agent host and a local server answering 404; its own output is piped through the
// built `apm-doctor diagnose --format json`, which must name the right cause and target.
import {spawn} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import {createServer as createNetServer, type AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureCliBuilt, parseNdjson, repoRoot, runCli} from '../helpers/cli';

const app = `${repoRoot}test/fixtures/apps/ddtrace-app.cjs`;

/** Runs the instrumented app until it prints `exitOn` (or `runMs` passes) and returns everything it printed. */
function runApp(env: Record<string, string>, exitOn: string, runMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [app], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DD_TRACE_DEBUG: 'true',
        DD_TRACE_STARTUP_LOGS: 'true',
        DD_SERVICE: 'shop-api',
        DD_ENV: 'test',
        DD_INSTRUMENTATION_TELEMETRY_ENABLED: 'false',
        APP_EXIT_ON: exitOn,
        APP_RUN_MS: String(runMs),
        ...env,
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const {port} = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let notFound: Server;
let notFoundPort = 0;

beforeAll(async () => {
  await ensureCliBuilt();
  // An HTTP server that is not an agent: Go's ServeMux answer to every path (what a pre-/info agent or another service says).
  notFound = createServer((req, res) => {
    req.resume();
    res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('404 page not found\n');
  });
  await new Promise<void>((r) => notFound.listen(0, '127.0.0.1', r));
  notFoundPort = (notFound.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((r) => notFound.close(() => r()));
});

describe.concurrent('apm-doctor diagnose on what the real dd-trace 6.x prints', () => {
  it('diagnoses a refused connection to the closed agent port (dd-trace retries ~15 s before it logs)', {timeout: 60_000}, async () => {
    const port = await closedPort();
    const log = await runApp({DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: String(port)}, 'Error sending payload to the agent', 40_000);
    expect(log).toContain('ECONNREFUSED');
    const {code, stdout} = await runCli(['diagnose', '--format', 'json'], {input: log});
    expect(code).toBe(0);
    const findings = parseNdjson(stdout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      // The finding in the message: dd-trace's output varies from run to run.
      const what = JSON.stringify(f).slice(0, 2000);
      expect(f['lang'], what).toBe('nodejs');
      expect(f['cause'], what).toBe('refused');
      expect(f['target'], what).toMatchObject({host: '127.0.0.1', port});
      expect(f['tracerVersion'], what).toMatch(/^6\./);
    }
    // The send failure itself, glued to its error object, is one finding.
    const send = findings.find((f) => String(f['excerpt']).startsWith('Error sending payload to the agent'));
    expect(send?.['excerpt'], stdout.slice(0, 4000)).toContain(`connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('diagnoses an agent host name that does not resolve', {timeout: 60_000}, async () => {
    const log = await runApp({DD_AGENT_HOST: 'datadog-agent.invalid'}, 'Error sending payload to the agent', 40_000);
    expect(log).toMatch(/ENOTFOUND|EAI_AGAIN/);
    const findings = parseNdjson((await runCli(['diagnose', '--format', 'json'], {input: log})).stdout);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f['cause']).toBe('dns');
      expect(f['target']).toMatchObject({host: 'datadog-agent.invalid', port: 8126});
    }
  });

  it('diagnoses an HTTP 404 from a server on the agent port', {timeout: 60_000}, async () => {
    const log = await runApp({DD_TRACE_AGENT_URL: `http://127.0.0.1:${notFoundPort}`}, 'status code: 404', 40_000);
    expect(log).toContain('404');
    const findings = parseNdjson((await runCli(['diagnose', '--format', 'json'], {input: log})).stdout);
    const sends = findings.filter((f) => String(f['excerpt']).startsWith('Error sending payload'));
    expect(sends.length).toBeGreaterThan(0);
    for (const f of sends) {
      expect(f['cause']).toBe('http_status');
      expect(f['httpStatus']).toBe(404);
      expect(f['target']).toMatchObject({host: '127.0.0.1', port: notFoundPort});
    }
  });

  it('finds nothing when the tracer reaches a healthy agent', {timeout: 60_000}, async () => {
    const ok = createServer((req, res) => {
      req.resume();
      res.writeHead(200, {'Content-Type': 'application/json'}).end('{"rate_by_service":{"service:,env:":1}}');
    });
    await new Promise<void>((r) => ok.listen(0, '127.0.0.1', r));
    try {
      const port = (ok.address() as AddressInfo).port;
      const log = await runApp({DD_TRACE_AGENT_URL: `http://127.0.0.1:${port}`}, 'Response from the agent', 40_000);
      expect(log).toContain('Response from the agent');
      const {code, stdout} = await runCli(['diagnose', '--format', 'json'], {input: log});
      expect(code).toBe(0);
      expect(parseNdjson(stdout)).toEqual([]);
    } finally {
      await new Promise<void>((r) => ok.close(() => r()));
    }
  });
});
