// The scanner against grep -E: a ~100 MB application log with 0.1% tracer-error events,
// `apm-doctor diagnose --format json` vs `grep -E <the same error families>`, alternating, medians.
// Both write to a pipe we drain (GNU grep exits early when stdout is /dev/null).
import {spawn} from 'node:child_process';
import {createWriteStream, existsSync, mkdirSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}bench/out`;
const logPath = `${outDir}/app-100mb.log`;
const TARGET_BYTES = Number(process.env.BENCH_SCAN_MB ?? 100) * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

// Ordinary lines of a busy service, including look-alikes that must NOT be findings.
const appLines = [
  (i) => `2026-11-25T10:00:${String(i % 60).padStart(2, '0')}.123Z INFO  [http] GET /api/orders/${i} 200 12ms user=alice ip=10.1.2.3 ua="Mozilla/5.0 (X11; Linux x86_64)"`,
  (i) => `2026-11-25T10:00:00.456Z DEBUG [db] query SELECT * FROM orders WHERE id = $1 took ${i % 17}ms rows=1`,
  (i) => `2026-11-25T10:00:01.001Z WARN  [cache] redis latency ${i % 90}ms above threshold for key session:abc${i}`,
  (i) => `2026-11-25T10:00:01.002Z INFO  [worker] processed job ${i} in 120ms queue=default attempts=1`,
  (i) => `{"level":"info","time":"2026-11-25T10:00:02Z","msg":"request completed","path":"/v1/cart/${i}","status":200,"duration_ms":8}`,
  () => `2026-11-25T10:00:03.000Z ERROR [db] connect ECONNREFUSED 10.0.4.12:5432 (retrying in 1s)`,
  () => `2026-11-25T10:00:03.500Z INFO  [payments] POST https://api.stripe.com/v1/charges 200 230ms`,
];
// Tracer error events of several languages and eras (real formats; see shared/tracers examples).
const errorEvents = [
  'Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 127.0.0.1:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: \'ECONNREFUSED\',\n  syscall: \'connect\',\n  address: \'127.0.0.1\',\n  port: 8126\n}',
  'DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND datadog-agent',
  '[dd.trace 2025-05-07 09:38:45:606 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 3 (size=6KB) traces. Total: 8786, Received: 8786, Sent: 8783, Failed: 3. java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126 (Will not log warnings for 5 minutes)',
  '2021-08-17 19:10:06,169 WARNING [ddtrace.tracer] [tracer.py:655] [dd.service= dd.env= dd.version= dd.trace_id=0 dd.span_id=0] - - DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://localhost:8126. Exception raised: [Errno 99] Cannot assign requested address',
  '2021/08/17 17:46:22 Datadog Tracer v1.32.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post "http://localhost:8126/v0.4/traces": dial tcp 127.0.0.1:8126: connect: connection refused',
  '2021-08-17 18:12:53.406 +00:00 [ERR] An error occurred while sending 1 traces to the agent at http://127.0.0.1:8126/v0.4/traces\nSystem.Net.Http.HttpRequestException: Connection refused\n ---> System.Net.Sockets.SocketException (111): Connection refused',
  'Error sending traces to agent: Couldn\'t connect to server\nFailed to connect to localhost port 8126: Connection refused',
];
const grepPattern = [
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EADDRNOTAVAIL', 'ENOENT', 'EACCES', 'socket hang up',
  'DATADOG TRACER', 'Agent Error', 'agent_error', 'DDAgentApi', 'Agent not reachable', 'failed to send', 'Unable to reach agent',
  'lost [0-9]+ traces', 'to the agent', 'traces to agent', 'curl_easy_perform', 'DatadogExporter', 'Connection refused', '8126',
].join('|');

async function generate() {
  if (existsSync(logPath) && Math.abs(statSync(logPath).size - TARGET_BYTES) < 1024 * 1024) return;
  mkdirSync(outDir, {recursive: true});
  const out = createWriteStream(logPath);
  let bytes = 0;
  let i = 0;
  let events = 0;
  while (bytes < TARGET_BYTES) {
    const batch = [];
    for (let k = 0; k < 1000; k++, i++) {
      // One tracer error event per 1000 lines: 0.1%.
      const line = i % 1000 === 500 ? errorEvents[events++ % errorEvents.length] : appLines[i % appLines.length](i);
      batch.push(line);
    }
    const chunk = `${batch.join('\n')}\n`;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

function timed(cmd, args) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(cmd, args, {stdio: ['ignore', 'pipe', 'inherit']});
    let outBytes = 0;
    let lines = 0;
    child.stdout.on('data', (d) => {
      outBytes += d.length;
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ms: Number(process.hrtime.bigint() - t) / 1e6, code, outBytes, lines}));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await generate();
const size = statSync(logPath).size;
const doctor = [];
const grep = [];
const bare = [];
let last;
for (let r = 0; r < ROUNDS; r++) {
  const a = await timed(process.execPath, [`${root}dist/cli/apm-doctor.cjs`, 'diagnose', '--format', 'json', logPath]);
  const b = await timed('grep', ['-E', grepPattern, logPath]);
  // Node starting and exiting with nothing to do: the part of apm-doctor's time no code of ours is in.
  const c = await timed(process.execPath, ['-e', '']);
  if (a.code !== 0) throw new Error(`apm-doctor exited ${a.code}`);
  doctor.push(a.ms);
  grep.push(b.ms);
  bare.push(c.ms);
  last = {a, b};
}
const mb = size / (1024 * 1024);
const md = median(doctor);
const mg = median(grep);
console.log(`log: ${mb.toFixed(1)} MB, ${ROUNDS} alternating rounds (medians)`);
console.log(`apm-doctor diagnose --format json: ${md.toFixed(0)} ms  ${(mb / (md / 1000)).toFixed(0)} MB/s  (${last.a.lines} findings)`);
console.log(`grep -E (same error families):     ${mg.toFixed(0)} ms  ${(mb / (mg / 1000)).toFixed(0)} MB/s  (${last.b.lines} matching lines)`);
console.log(`ratio apm-doctor/grep: ${(md / mg).toFixed(2)}  (bar ≤ 2.0, goal ≤ 1.0)`);
console.log(`of apm-doctor's time, \`node -e ''\` alone (Node's start-up and exit): ${median(bare).toFixed(0)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node loads that CA bundle at every start)' : ''}`);
