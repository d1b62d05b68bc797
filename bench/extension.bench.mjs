// The content script on a huge log view, in real headless Chromium, with and without the
// extension (release build dist/chrome) in the same run:
//   1. a page that renders 50,000 log rows (0.2 % tracer errors) at load: time from navigation
//      to every finding highlighted, main-thread time our script added (Chrome trace: RunTask
//      durations on the page's main thread between two performance marks, minus the same window
//      without the extension), the longest task in that window, extra JS heap (CDP, after GC);
//   2. live tail on that page: 1,000 rows/s for 10 s — animation-frame gaps over 50 ms and the
//      longest gap, and whether every tailed error was annotated (nothing dropped).
// Bars (issue): full annotation ≤ 200 ms of main-thread time; no task of ours > 50 ms.
// Usage: node bench/extension.bench.mjs [--rows 50000] [--mode generic|k8s]
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '50000'));
const MODES = arg('mode', 'generic,k8s').split(',');
const TAIL_RATE = 1000;
const TAIL_SECONDS = 10;
const EXT = process.env.APM_BENCH_EXT ?? `${root}/dist/chrome`;

if (!existsSync(`${EXT}/manifest.json`)) {
  const r = spawnSync(process.execPath, ['scripts/build-extension.mjs'], {cwd: root, stdio: 'inherit'});
  if (r.status !== 0) process.exit(1);
}

// The page: builds its rows at load (as a console does after fetching a page of logs), then
// watches CSS.highlights every frame to stamp when all findings are painted. Tracer lines are
// real dd-trace output shapes; decoys are the app's own connection errors.
const PAGE = String.raw`<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<style>body{font:12px monospace;margin:0} #log{height:100vh;overflow:auto;contain:strict} .kd-logs-element{white-space:pre}</style></head>
<body><div id="log"><div id="lines"></div></div><script>
const q = new URLSearchParams(location.search);
const ROWS = Number(q.get('rows')); const MODE = q.get('mode');
const ERR = [
  'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126',
  'Error: DogStatsDClient: HTTP error from agent: connect ECONNREFUSED 127.0.0.1:8126',
  'DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND datadog-agent',
];
const OK = (i) => i % 97 === 0 ? 'Error: connect ECONNREFUSED 127.0.0.1:5432 (pg pool ' + i + ')'
  : 'GET /api/orders/' + i + ' 200 ' + (i % 40) + 'ms user=' + (i * 7919 % 1000) + ' trace_id=' + (i * 104729);
const box = document.getElementById('lines');
if (MODE === 'k8s') document.getElementById('log').className = 'kd-log-line-container';
let n = 0;
function row(i) {
  const text = i % 500 === 250 ? ERR[i % 3] : OK(i);
  const div = document.createElement('div');
  if (MODE === 'k8s') { div.className = 'kd-logs-element'; const s = document.createElement('span'); s.textContent = text; div.append(s); }
  else { div.className = 'line'; const t = document.createElement('span'); t.className = 'ts'; t.textContent = '2026-11-24T16:45:' + String(i % 60).padStart(2, '0') + '.002Z '; const m = document.createElement('span'); m.textContent = text; div.append(t, m); }
  return div;
}
window.expected = () => { let e = 0; for (let i = 0; i < n; i++) if (i % 500 === 250) e++; return e; };
const frag = document.createDocumentFragment();
for (; n < ROWS; n++) frag.append(row(n));
box.append(frag);
performance.mark('rows-built');
window.bench = {built: performance.now(), annotated: null, gaps: [], maxGap: 0};
let last = performance.now();
let expectedNow = window.expected();
function check() {
  const h = CSS.highlights.get('apm-doctor-finding');
  if (!window.bench.annotated && h && h.size >= expectedNow) { window.bench.annotated = performance.now(); performance.mark('annotated'); }
}
function frame(t) {
  const gap = t - last; last = t;
  if (window.bench.tailing) { if (gap > 50) window.bench.gaps.push(gap); window.bench.maxGap = Math.max(window.bench.maxGap, gap); }
  check();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
const poll = setInterval(() => { check(); if (window.bench.annotated) clearInterval(poll); }, 20);
window.tail = (rate, seconds) => new Promise((resolve) => {
  performance.mark('tail-start');
  window.bench.tailing = true; window.bench.gaps = []; window.bench.maxGap = 0; last = performance.now();
  // Appends by the clock: rate × elapsed rows, whatever the timer's real cadence.
  const start = performance.now(); const n0 = n; const total = rate * seconds;
  const t = setInterval(() => {
    const due = Math.min(total, Math.floor((performance.now() - start) * rate / 1000));
    while (n - n0 < due) box.append(row(n++));
    if (n - n0 >= total) { clearInterval(t); window.bench.tailing = false; performance.mark('tail-end'); resolve(); }
  }, 10);
});
</script></body></html>`;

const server = createServer((req, res) => {
  res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
  res.end(PAGE);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

async function launch(withExtension) {
  const profile = mkdtempSync(`${tmpdir()}/apm-doctor-bench-`);
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];
  if (withExtension) args.push(`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`);
  const context = await chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', headless: true, args, viewport: {width: 1280, height: 800}});
  if (withExtension && !context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  return {context, close: async () => (await context.close(), rmSync(profile, {recursive: true, force: true}))};
}

async function readStream(cdp, handle) {
  let out = '';
  for (;;) {
    const {data, eof, base64Encoded} = await cdp.send('IO.read', {handle, size: 1 << 20});
    out += base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data;
    if (eof) break;
  }
  await cdp.send('IO.close', {handle});
  return out;
}

/**
 * From a Chrome trace: on the page's main thread (found from a user-timing mark), the tasks
 * (ThreadControllerImpl::RunTask) between two marks, and the time spent in our content script:
 * top-level trace events whose script URL is the extension's (chrome-extension://…).
 */
function analyzeTrace(trace, fromMark, toMark) {
  const events = trace.traceEvents ?? trace;
  const mark = (name) => events.find((e) => e.name === name && (e.cat ?? '').includes('blink.user_timing'));
  const from = mark(fromMark);
  const to = mark(toMark);
  if (!from || !to) return null;
  const {pid, tid} = from;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= from.ts && e.ts <= to.ts);
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const urlOf = (e) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.data?.stackTrace?.[0]?.url ?? '';
  const oursAll = onMain.filter((e) => String(urlOf(e)).startsWith('chrome-extension://')).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const ours = [];
  for (const e of oursAll) {
    const last = ours[ours.length - 1];
    if (last && e.ts >= last.ts && e.ts + (e.dur ?? 0) <= last.ts + (last.dur ?? 0)) continue;
    ours.push(e);
  }
  const ms = (e) => (e.dur ?? 0) / 1000;
  const ourTasks = tasks.filter((t) => ours.some((o) => o.ts >= t.ts && o.ts <= t.ts + t.dur));
  return {
    windowMs: (to.ts - from.ts) / 1000,
    allTasks: tasks.reduce((a, t) => a + ms(t), 0),
    longestTask: tasks.reduce((a, t) => Math.max(a, ms(t)), 0),
    ours: ours.reduce((a, e) => a + ms(e), 0),
    oursLongest: ours.reduce((a, e) => Math.max(a, ms(e)), 0),
    ourTasksLongest: ourTasks.reduce((a, t) => Math.max(a, ms(t)), 0),
    ourNames: [...new Set(ours.map((e) => e.name))],
    top: [...ours].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 4).map((e) => ({name: e.name, ms: ms(e), fn: e.args?.data?.functionName, kids: onMain.filter((k) => k.ts >= e.ts && k.ts <= e.ts + e.dur && k !== e && (k.dur ?? 0) > 5000).map((k) => `${k.name}:${ms(k).toFixed(0)}`).slice(0, 8)})),
  };
}

/** Debugging aid (APM_BENCH_PROFILE=load|tail with APM_BENCH_EXT=dist/chrome-test): self time per function. */
function printProfile(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
}

async function run(mode, withExtension, windowMs) {
  const {context, close} = await launch(withExtension);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Tracing.start', {transferMode: 'ReturnAsStream', traceConfig: {includedCategories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute']}});
    if (process.env.APM_BENCH_PROFILE === 'load' && withExtension) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', {interval: 200});
      await cdp.send('Profiler.start');
    }
    await page.goto(`${origin}/?rows=${ROWS}&mode=${mode}`);
    await page.waitForFunction(() => window.bench?.built, null, {timeout: 60_000});
    if (withExtension) {
      await page.waitForFunction(() => window.bench.annotated, null, {timeout: 120_000, polling: 100});
    } else {
      // Same window as the run with the extension took, for the page's own share of it.
      await page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), windowMs);
      await page.evaluate(() => performance.mark('annotated'));
    }
    const {built, annotated} = await page.evaluate(() => window.bench);
    if (process.env.APM_BENCH_PROFILE === 'load' && withExtension) printProfile((await cdp.send('Profiler.stop')).profile);
    if (process.env.APM_BENCH_DEBUG) console.log(await page.evaluate(() => (document.documentElement.getAttribute('data-apm-doctor-test') ?? '').replace(/"highlighted":\[[^\]]*\],/, '')));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    // Live tail on the same page.
    const expectedBefore = await page.evaluate(() => window.expected());
    if (process.env.APM_BENCH_PROFILE === 'tail' && withExtension) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', {interval: 500});
      await cdp.send('Profiler.start');
    }
    await page.evaluate(([rate, secs]) => window.tail(rate, secs), [TAIL_RATE, TAIL_SECONDS]);
    if (process.env.APM_BENCH_PROFILE === 'tail' && withExtension) printProfile((await cdp.send('Profiler.stop')).profile);
    const tail = await page.evaluate(() => ({gaps: window.bench.gaps.length, maxGap: window.bench.maxGap}));
    let tailOk = null;
    if (withExtension) {
      const want = await page.evaluate(() => window.expected());
      const got = await page
        .waitForFunction((w) => (CSS.highlights.get('apm-doctor-finding')?.size ?? 0) >= w, want, {timeout: 30_000, polling: 100})
        .then(() => want)
        .catch(() => page.evaluate(() => CSS.highlights.get('apm-doctor-finding')?.size ?? 0));
      tailOk = `${got - expectedBefore} of ${want - expectedBefore}`;
      if (process.env.APM_BENCH_DEBUG) console.log('after tail', await page.evaluate(() => (document.documentElement.getAttribute('data-apm-doctor-test') ?? '').replace(/"highlighted":\[[^\]]*\],/, '')));
    }
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    const {stream} = await done;
    const trace = JSON.parse(await readStream(cdp, stream));
    return {built, annotated, load: analyzeTrace(trace, 'rows-built', 'annotated'), tailTrace: analyzeTrace(trace, 'tail-start', 'tail-end'), heap, tail, tailOk};
  } finally {
    await close();
  }
}

const f = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toFixed(d));
const col = (a, b, d = 0) => `${f(a, d).padStart(10)}  ${f(b, d).padStart(10)}`;
let failed = false;
for (const mode of MODES) {
  const withExt = await run(mode, true, 0);
  const without = await run(mode, false, withExt.load?.windowMs ?? 1000);
  const w = withExt.load;
  const t = withExt.tailTrace;
  console.log(`\n${ROWS.toLocaleString('en')} rows, ${mode === 'k8s' ? 'Kubernetes Dashboard markup (adapter path)' : 'plain div/span rows (generic scan)'}, ${ROWS / 500} tracer errors (0.2 %)`);
  console.log('                                              without ext     with ext');
  console.log(`  page had built its rows at (ms after nav)  ${col(without.built, withExt.built)}`);
  console.log(`  every finding highlighted at (ms)          ${col(null, withExt.annotated)}   (${f(withExt.annotated - withExt.built)} ms after the rows existed)`);
  console.log(`  main-thread tasks in that window (ms)      ${col(without.load?.allTasks, w?.allTasks, 1)}   (page + browser + us)`);
  console.log(`  our script's main-thread time (ms)         ${col(null, w?.ours, 1)}   bar ≤ 200`);
  console.log(`  our longest single run (ms)                ${col(null, w?.oursLongest, 1)}   bar ≤ 50 (whole task around it: ${f(w?.ourTasksLongest, 1)})`);
  console.log(`  longest task in the window, any (ms)       ${col(without.load?.longestTask, w?.longestTask, 1)}`);
  console.log(`  JS heap after GC (MB)                      ${col(without.heap, withExt.heap, 1)}   → extra ${f(withExt.heap - without.heap, 1)} MB`);
  console.log(`  live tail ${TAIL_RATE}/s × ${TAIL_SECONDS} s: frames over 50 ms    ${col(without.tail.gaps, withExt.tail.gaps)}`);
  console.log(`  live tail: longest frame gap (ms)          ${col(without.tail.maxGap, withExt.tail.maxGap, 1)}`);
  console.log(`  live tail: our main-thread time (ms)       ${col(null, t?.ours, 1)}   longest run ${f(t?.oursLongest, 1)} ms`);
  console.log(`  live tail: tailed errors annotated         ${String(withExt.tailOk).padStart(22)}`);
  const pass = (w?.ours ?? Infinity) <= 200 && (w?.oursLongest ?? Infinity) <= 50 && (t?.oursLongest ?? Infinity) <= 50;
  console.log(`  bars: ${pass ? 'PASS' : 'FAIL'}`);
  if (process.env.APM_BENCH_DEBUG) console.log(JSON.stringify({load: w?.top, tail: t?.top}, null, 1));
  if (!pass) failed = true;
}
server.close();
process.exitCode = failed ? 1 : 0;
