// The probe against `curl -s …/info`, side by side in one run (machines here are shared and
// noisy: read the ratios, not the absolute times). Against a local fake agent serving the
// recorded /info (test/fixtures/agent/fake-agent.mjs):
//   1. whole process: `node dist/cli/apm-doctor.cjs probe --format json URL` vs `curl -s URL/info`
//   2. in-process `runProbe` vs curl
//   3. the bridge round trip (pair once, then `probe` → `probe-result` over the WebSocket) vs curl,
//      when bridge/server.ts exists — the bar is ≤ 1.5× curl
//   4. refused answered in ms; a hanging agent reported within the timeout
// APM_BENCH_ROUNDS=N changes the number of alternating rounds (default 40).
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'vite';
import {startFakeAgent} from '../test/fixtures/agent/fake-agent.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.env.APM_BENCH_ROUNDS ?? 40);
const cli = join(root, 'dist/cli/apm-doctor.cjs');
const hasServer = existsSync(join(root, 'bridge/server.ts'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => `${ms.toFixed(2)} ms`;

function spawnMs(file, args) {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(file, args, {encoding: 'utf8'}, (e, stdout) => {
      const ms = performance.now() - t0;
      // curl/probe exit codes are data here (refused → non-zero), only a missing binary is fatal.
      if (e && e.code === 'ENOENT') reject(e);
      else resolve({ms, stdout});
    }),
  );
}

/** Runs the named measurements alternately, `rounds` times each, after one warm-up each. */
async function alternate(named) {
  const times = Object.fromEntries(Object.keys(named).map((k) => [k, []]));
  for (const fn of Object.values(named)) await fn();
  for (let i = 0; i < rounds; i++) {
    for (const [k, fn] of Object.entries(named)) times[k].push(await fn());
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const {port} = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/** Bundles the probe (and the bridge, when it exists) for in-process use, like the CLI build. */
async function bundleLib() {
  const out = join(root, 'bench/out');
  mkdirSync(out, {recursive: true});
  const entry = join(out, 'probe-entry.ts');
  const lines = [`export {runProbe} from '../../bridge/probe/index';`];
  if (hasServer) lines.push(`export {startBridge} from '../../bridge/server';`, `export {fileTokenStore} from '../../bridge/tokens';`);
  writeFileSync(entry, `${lines.join('\n')}\n`);
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {ssr: entry, outDir: out, emptyOutDir: false, target: 'node20', minify: false, rollupOptions: {output: {entryFileNames: 'probe-lib.mjs', format: 'es'}}},
    ssr: {noExternal: true, target: 'node'},
  });
  return import(pathToFileURL(join(out, 'probe-lib.mjs')).href);
}

async function bridgeClient(lib) {
  const {WebSocket} = await import('ws');
  const dir = mkdtempSync(join(tmpdir(), 'apm-bench-bridge-'));
  const server = await lib.startBridge({port: 0, hosts: ['127.0.0.1'], tokens: lib.fileTokenStore(dir, {maxTokens: 4}), env: {}});
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/`, {origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    const done = waiting.get(msg.id);
    if (done && msg.type !== 'probe-step') {
      waiting.delete(msg.id);
      done(msg);
    }
  });
  let n = 0;
  const ask = (body) =>
    new Promise((resolve) => {
      const id = `b${++n}`;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({v: 1, id, ...body}));
    });
  const paired = await ask({type: 'pair', code: server.newPairingCode().code});
  if (paired.type !== 'paired') throw new Error(`pairing failed: ${JSON.stringify(paired)}`);
  return {
    ask,
    async close() {
      ws.close();
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

const agent = await startFakeAgent();
const hang = await startFakeAgent({mode: 'hang'});
const url = agent.url;
const signal = new AbortController().signal;
console.log(`probe bench: fake agent ${url} (recorded /info 7.57.2), ${rounds} alternating rounds, medians`);

try {
  const curl = () => spawnMs('curl', ['-s', '-o', '/dev/null', `${url}/info`]).then((r) => r.ms);

  if (existsSync(cli)) {
    const m = await alternate({
      curl,
      node: () => spawnMs(process.execPath, ['-e', '']).then((r) => r.ms),
      cli: () => spawnMs(process.execPath, [cli, 'probe', '--format', 'json', url]).then((r) => r.ms),
    });
    console.log(`  whole process   curl -s ${fmt(m.curl)} | apm-doctor probe ${fmt(m.cli)} | ratio ${(m.cli / m.curl).toFixed(2)}× curl`);
    console.log(`                  (of which an empty \`node -e ''\` costs ${fmt(m.node)}: probe work over Node's own start-up ${fmt(m.cli - m.node)})`);
  } else {
    console.log('  whole process   (skipped: dist/cli/apm-doctor.cjs not built)');
  }

  const lib = await bundleLib();
  const inproc = async () => {
    const t0 = performance.now();
    const r = await lib.runProbe(url, {kind: 'local'}, {}, {signal, env: {}});
    if (!r.verdict.ok) throw new Error('probe did not reach the fake agent');
    return performance.now() - t0;
  };
  const m2 = await alternate({curl, runProbe: inproc});
  console.log(`  in-process      curl -s ${fmt(m2.curl)} | runProbe ${fmt(m2.runProbe)} | ratio ${(m2.runProbe / m2.curl).toFixed(3)}× curl`);

  if (hasServer && lib.startBridge) {
    const client = await bridgeClient(lib);
    try {
      const viaBridge = async () => {
        const t0 = performance.now();
        const r = await client.ask({type: 'probe', target: url, vantage: {kind: 'local'}, options: {}});
        if (r.type !== 'probe-result') throw new Error(`bridge answered ${JSON.stringify(r).slice(0, 200)}`);
        return performance.now() - t0;
      };
      const m3 = await alternate({curl, bridge: viaBridge});
      const ratio = m3.bridge / m3.curl;
      console.log(`  bridge trip     curl -s ${fmt(m3.curl)} | probe over the bridge ${fmt(m3.bridge)} | ratio ${ratio.toFixed(3)}× curl (bar ≤ 1.5×: ${ratio <= 1.5 ? 'within' : 'above'})`);
    } finally {
      await client.close();
    }
  } else {
    console.log('  bridge trip     (skipped: bridge/server.ts not present)');
  }

  const port = await freePort();
  const refused = [];
  for (let i = 0; i < Math.min(rounds, 20); i++) {
    const t0 = performance.now();
    const r = await lib.runProbe(`127.0.0.1:${port}`, {kind: 'local'}, {timeoutMs: 2000}, {signal, env: {}});
    refused.push(performance.now() - t0);
    if (r.verdict.cause !== 'refused') throw new Error(`expected refused, got ${r.verdict.cause}`);
  }
  const curlRefused = [];
  for (let i = 0; i < Math.min(rounds, 20); i++) curlRefused.push((await spawnMs('curl', ['-s', '-o', '/dev/null', `http://127.0.0.1:${port}/info`])).ms);
  console.log(`  refused         runProbe ${fmt(median(refused))} (curl -s ${fmt(median(curlRefused))}) — answered in milliseconds, not at the timeout`);

  for (const timeoutMs of [300, 1000]) {
    const t0 = performance.now();
    const r = await lib.runProbe(hang.url, {kind: 'local'}, {timeoutMs}, {signal, env: {}});
    const ms = performance.now() - t0;
    console.log(`  hanging agent   timeout ${timeoutMs} ms → verdict ${r.verdict.cause} after ${fmt(ms)} (${(ms / timeoutMs).toFixed(2)}× the timeout)`);
  }
} finally {
  await agent.close();
  await hang.close();
}
