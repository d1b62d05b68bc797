// dd-trace-java (`dd-java-agent.jar`), 0.4x–1.6x. The agent logs through its own SLF4J simple
// logger: `[dd.trace 2021-08-24 18:38:02:164 +0000] [thread] LEVEL logger - message`; without
// debug the send error is one rate-limited WARN line (`Class: message (Will not log … for 5
// minutes)`), with debug the message is followed by the exception's stack trace.
// Sources: shared/facts/tracer-messages.md §1, and the templates quoted in `sources` below.
import {classifyCause, extractTarget, targetFromUrl} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Recognizer, Target} from '../engine/types';
import {headOf, isIntakeTarget, stripSuffix} from './_failure';

// `[dd.trace …]` (Agent.java date format, ≥0.40) or the older `[dd.tracing.agent - …]` (dd-trace-java#1352).
const PREFIX = /^\[dd\.trac(?:e|ing\.agent -) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[:.,]\d{1,3}(?: [+-]\d{4})?)\]/;

// DDAgentApi / RemoteApi.createSendLogMessage, every era: `Error while sending 9 of 9 traces to
// the DD agent.` (≤0.6x), `… 1 (size=316B) traces to the DD agent.` (0.70–1.3), `… traces.` (1.4+).
// The word before `while` is `Error` or the agent's response body, so it is not part of the match.
const SEND = / while sending \d{1,10}(?: of \d{1,10})?(?: \(size=[^)]{0,24}\))? traces(?: to the DD agent)?\.(.*)$/;
const COUNTERS = /^ ?Total: \d{1,19}, Received: \d{1,19}, Sent: \d{1,19}, Failed: \d{1,19}\./;
// RatelimitedLogger suffixes: `(going silent for 5 minutes)` ≤0.5x, `(Will not log errors for 5
// minutes)` ≤1.27, `(Will not log warnings for 5 minutes)` 1.28+.
const RATE_SUFFIX = / ?\((?:Will not log (?:errors|warnings) for|going silent for) [^)]{1,40}\)\s*$/;
const QUERY = /Error querying (\S{1,100}) at (\S{1,2048})/;
const NO_CONNECTIVITY = /\bNo connectivity to datadog agent\b/;
const NO_AGENT_CONNECTIVITY = /\bNo agent connectivity \(([^()\s]{1,300}):(\d{1,5})\)/;
const NO_AGENT = /\b(?:No datadog agent detected|no compatible agent detected)\b/;
const PROFILE_TO = /Failed to upload profile to (\S{1,2048})(.*)$/;
const PROFILE_EMPTY = /Failed to upload profile, received empty reply from (\S{1,2048}) after uploading profile/;
const PROFILE_OLD_AGENT = /Failed to upload profile\. Datadog Agent is not accepting profiles/;
const TELEMETRY = /Got (FAILURE|NOT_FOUND) sending telemetry request to (\S{1,2048})/;
const TELEMETRY_OLD = /IOException on HTTP request to Telemetry Intake Service\S? (.*)$/;
// A fully qualified exception at the start of a reason or a stack line. The class part is one
// bounded character class (a dot check follows), so the match stays linear.
const EXCEPTION = /^(?:Caused by: )?([A-Za-z_$][\w$.]{0,300}(?:Exception|Error))(?:: (.*))?$/;

interface JavaException {
  cls: string;
  msg: string;
}

function exceptionOf(text: string): JavaException | null {
  const m = EXCEPTION.exec(text);
  if (!m?.[1] || !m[1].includes('.')) return null;
  return {cls: m[1], msg: m[2] ?? ''};
}

/**
 * The cause of a Java failure from its exception chain: the outer exception's message first
 * (`ConnectException: Connection timed out` is a timeout, not a refusal), then the `Caused by:`
 * messages, then the class names (OkHttp's `ConnectException: Failed to connect to host/ip:port`
 * says nothing more than its class: the connect was refused).
 */
function causeOfChain(chain: readonly JavaException[]): {cause: Cause; errorCode: string | null; httpStatus: number | null} | null {
  for (const pass of ['msg', 'cls'] as const) {
    for (const e of chain) {
      const c = classifyCause(e[pass]);
      if (c) return {cause: c.cause, errorCode: e.cls.slice(e.cls.lastIndexOf('.') + 1), httpStatus: c.httpStatus};
    }
  }
  return null;
}

// The scanner's own event limit (events.ts MAX_EVENT_LINES).
const MAX_LINES = 200;

function chainOf(reason: string, ev: LogEvent): JavaException[] {
  const chain: JavaException[] = [];
  const head = exceptionOf(reason.trim());
  if (head) chain.push(head);
  for (const l of ev.lines.slice(1, MAX_LINES)) {
    const e = exceptionOf(l.text);
    if (e) chain.push(e);
  }
  return chain;
}

function fromReason(reason: string, ev: LogEvent, target: Target): Recognition {
  const status = /\bStatus: ([1-5]\d\d)\b/.exec(reason);
  if (status?.[1]) {
    const code = Number(status[1]);
    return {cause: code === 413 ? 'payload_too_large' : 'http_status', httpStatus: code, target};
  }
  const c = causeOfChain(chainOf(reason, ev)) ?? classifyCause(reason);
  return c ? {cause: c.cause, errorCode: c.errorCode, httpStatus: c.httpStatus, target} : {cause: 'other', target};
}

function urlTarget(url: string, whole: string): Target {
  const fromUrl = targetFromUrl(url.replace(/[.,]+$/, ''));
  return fromUrl ?? extractTarget(whole);
}

function recognizeMessage(first: string, text: string, ev: LogEvent): Recognition | null {
  // CI Visibility's agentless writer shares the send template but talks to the intake.
  if (first.includes('DDIntakeApi')) return null;
  let m = SEND.exec(first);
  if (m) {
    if (/\bSuccess while sending\b/.test(first)) return null;
    const reason = stripSuffix((m[1] ?? '').replace(COUNTERS, ''), RATE_SUFFIX).trim();
    return fromReason(reason, ev, extractTarget(text));
  }
  if ((m = QUERY.exec(first))) return fromReason('', ev, urlTarget(m[2] ?? '', text));
  if ((m = NO_AGENT_CONNECTIVITY.exec(first))) {
    const host = m[1] ?? null;
    const port = Number(m[2]);
    return {cause: 'other', target: {host, port, url: `http://${host}:${port}`, socket: null}};
  }
  if (NO_CONNECTIVITY.test(first) || NO_AGENT.test(first)) return {cause: 'other'};
  if ((m = PROFILE_TO.exec(first))) {
    const reason = stripSuffix(m[2] ?? '', RATE_SUFFIX).trim();
    return fromReason(reason, ev, urlTarget(m[1] ?? '', text));
  }
  if ((m = PROFILE_EMPTY.exec(first))) return {cause: 'reset', target: urlTarget(m[1] ?? '', text)};
  if (PROFILE_OLD_AGENT.test(first)) return {cause: 'http_status', httpStatus: 404};
  if ((m = TELEMETRY.exec(first))) {
    const target = urlTarget(m[2] ?? '', text);
    // FAILURE's reason is only in the preceding DEBUG line; NOT_FOUND is the agent's 404.
    return m[1] === 'NOT_FOUND' ? {cause: 'http_status', httpStatus: 404, target} : {cause: 'other', target};
  }
  if ((m = TELEMETRY_OLD.exec(first))) {
    // The message names no address; only the exception's host:port ties it to the agent.
    const r = fromReason(m[1] ?? '', ev, extractTarget(text));
    return r.cause === 'other' ? null : {...r, needsAgentTarget: true};
  }
  return null;
}

function recognize(ev: LogEvent): Recognition | null {
  const {first, text} = headOf(ev);
  const r = recognizeMessage(first, text, ev);
  if (!r || isIntakeTarget(r.target)) return null;
  const ts = PREFIX.exec(first)?.[1];
  return ts ? {...r, timestamp: ts} : r;
}

const SEED = 'shared/seed/000_2f0b614e54afe1b3.txt (Java)';

export const recognizer: Recognizer = {
  id: 'java',
  lang: 'java',
  source: 'tracer',
  hints: [
    'DDAgentApi',
    'traces to the DD agent',
    'traces. Total: ',
    'Error querying ',
    'No connectivity to datadog agent',
    'No agent connectivity (',
    'No datadog agent detected',
    'no compatible agent detected',
    'Failed to upload profile',
    'sending telemetry request to',
    'Telemetry Intake Service',
  ],
  // DDAgentFeaturesDiscovery logs the message, then the throwable on the next lines.
  leadsInto: /Error querying \S{1,100} at \S{1,2048}$/,
  recognize,
  examples: {
    matches: [
      {
        text: '[dd.trace 2021-08-24 18:38:02:164 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=316B) traces to the DD agent. Total: 1, Received: 1, Sent: 0, Failed: 1. java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126 (Will not log errors for 5 minutes)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: SEED,
      },
      {
        text: '[dd.trace 2021-08-17 17:59:29:234 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 9 (size=5KB) traces to the DD agent. Total: 9, Received: 9, Sent: 0, Failed: 9. java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126 (Will not log errors for 5 minutes)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: SEED,
      },
      {
        text: '[dd.trace 2021-08-17 18:04:50:282 +0000] [dd-trace-processor] DEBUG datadog.communication.ddagent.DDAgentFeaturesDiscovery - Error querying info at http://localhost:8126/\njava.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126\n    at okhttp3.internal.connection.RealConnection.connectSocket(RealConnection.java:249)',
        expect: {cause: 'refused', host: 'localhost', port: 8126, url: 'http://localhost:8126'},
        from: `${SEED}; communication/src/main/java/datadog/communication/ddagent/DDAgentFeaturesDiscovery.java (errorQueryingEndpoint)`,
      },
      {
        // 0.4x: `{}: {} (going silent for {} minutes)`, unrelocated OkHttp 3.
        text: '[dd.trace 2020-03-02 10:11:12:013 +0000] [dd-trace-writer] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 3 of 3 traces to the DD agent. java.net.ConnectException: Failed to connect to datadog-agent/10.12.0.7:8126 (going silent for 5 minutes)',
        expect: {cause: 'refused', host: 'datadog-agent', port: 8126},
        from: 'dd-trace-ot/src/main/java/datadog/trace/common/writer/ddagent/DDAgentApi.java @v0.45.0 (IOException branch)',
      },
      {
        text: '[dd.trace 2020-03-02 10:11:12:013 +0000] [dd-trace-writer] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 2 of 2 traces to the DD agent. Status: 413 Request Entity Too Large (going silent for 5 minutes)',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'dd-trace-ot/src/main/java/datadog/trace/common/writer/ddagent/DDAgentApi.java @v0.45.0 (status branch)',
      },
      {
        // 0.7x, issue dd-trace-java#2608: a reset while the agent restarts.
        text: '[dd.trace 2021-03-11 08:02:11:101 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 of 1 (size=1015B) traces to the DD agent. Total: 2043, Received: 2043, Sent: 2042, Failed: 1. java.net.SocketException: Connection reset (Will not log errors for 5 minutes)',
        expect: {cause: 'reset'},
        from: 'shared/facts/tracer-messages.md §1.4 (issue dd-trace-java#2608, 0.7x)',
      },
      {
        // 1.4+: RemoteApi drops "to the DD agent"; 1.28+: "warnings".
        text: '[dd.trace 2025-05-07 09:38:45:606 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 3 (size=6KB) traces. Total: 8786, Received: 8786, Sent: 8783, Failed: 3. java.net.ConnectException: Failed to connect to /10.0.12.4:8126 (Will not log warnings for 5 minutes)',
        expect: {cause: 'refused', host: '10.0.12.4', port: 8126},
        from: 'dd-trace-core/src/main/java/datadog/trace/common/writer/RemoteApi.java + utils/logging-utils/src/main/java/datadog/logging/IOLogger.java, RatelimitedLogger.java (1.28+); issue dd-trace-java#8808',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=12MB) traces. Total: 1, Received: 1, Sent: 0, Failed: 1. Status: 413 Request Entity Too Large (Will not log warnings for 5 minutes)',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'utils/logging-utils/src/main/java/datadog/logging/IOLogger.java (`{} Status: {} {}`)',
      },
      {
        // Debug: IOLogger logs the message and the throwable, no rate-limit suffix.
        text: "[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-trace-processor] DEBUG datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=316B) traces. Total: 1, Received: 1, Sent: 0, Failed: 1.\njava.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126\n\tat datadog.okhttp3.internal.connection.RealConnection.connectSocket(RealConnection.java:297)\n\tat datadog.okhttp3.internal.connection.RealConnection.connect(RealConnection.java:207)\n\tat datadog.trace.common.writer.ddagent.DDAgentApi.sendSerializedTraces(DDAgentApi.java:123)\nCaused by: java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n\t... 18 more",
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'utils/logging-utils/src/main/java/datadog/logging/IOLogger.java (debug branch `log.debug(message, exception)`)',
      },
      {
        // ConnectException's message says timed out: the message wins over the class.
        text: '[dd.trace 2022-06-01 07:00:01:000 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 4 (size=2KB) traces to the DD agent. Total: 4, Received: 4, Sent: 0, Failed: 4. java.net.SocketTimeoutException: connect timed out (Will not log errors for 5 minutes)',
        expect: {cause: 'timeout'},
        from: 'shared/facts/tracer-messages.md §0 (Java timeout rendering) in the 0.70–1.3 template',
      },
      {
        text: '[dd.trace 2022-06-01 07:00:01:000 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 4 (size=2KB) traces to the DD agent. Total: 4, Received: 4, Sent: 0, Failed: 4. java.net.UnknownHostException: datadog-agent: Name or service not known (Will not log errors for 5 minutes)',
        expect: {cause: 'dns', host: 'datadog-agent'},
        from: 'shared/facts/tracer-messages.md §0 (Java DNS rendering) in the 0.70–1.3 template',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:05:000 +0000] [dd-task-scheduler] DEBUG datadog.communication.ddagent.DDAgentFeaturesDiscovery - Error querying v0.4/traces at unix:///var/run/datadog/apm.socket\njava.io.IOException: No such file or directory\n\tat jnr.unixsocket.UnixSocketChannel.doConnect(UnixSocketChannel.java:127)',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'DDAgentFeaturesDiscovery.java (probeTracesEndpoint → errorQueryingEndpoint); jnr rendering derived (facts §0: not observed)',
      },
      {
        text: '[dd.trace 2020-09-01 10:00:00:000 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - No connectivity to datadog agent',
        expect: {cause: 'other'},
        from: 'dd-trace-core/src/main/java/datadog/trace/common/writer/ddagent/DDAgentApi.java @v0.60.0 (detectEndpointAndBuildClient)',
      },
      {
        text: '[dd.trace 2020-09-01 10:00:00:000 +0000] [dd-trace-processor] DEBUG datadog.trace.agent.common.writer.ddagent.DDAgentApi - No agent connectivity (datadog-agent:8126)',
        expect: {cause: 'other', host: 'datadog-agent', port: 8126},
        from: 'dd-trace-core/…/ddagent/DDAgentApi.java @v0.60.0 (isAgentRunning)',
      },
      {
        text: '[dd.trace 2024-02-01 12:01:00:000 +0000] [dd-profiler-http-dispatcher] WARN com.datadog.profiling.uploader.ProfileUploader - Failed to upload profile to http://localhost:8126/profiling/v1/input java.net.ConnectException: Failed to connect to localhost/127.0.0.1:8126 (Will not log warnings for 5 minutes)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'dd-java-agent/agent-profiling/profiling-uploader/src/main/java/com/datadog/profiling/uploader/ProfileUploader.java (handleFailure) + IOLogger',
      },
      {
        text: '[dd.trace 2024-02-01 12:01:00:000 +0000] [dd-profiler-http-dispatcher] WARN com.datadog.profiling.uploader.ProfileUploader - Failed to upload profile. Datadog Agent is not accepting profiles. Agent-based profiling deployments require Datadog Agent >= 7.20 (Will not log warnings for 5 minutes)',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'ProfileUploader.java (handleResponse, 404 without API key)',
      },
      {
        text: '[dd.trace 2025-05-07 09:38:50:011 +0000] [dd-telemetry] WARN datadog.telemetry.TelemetryHttpClient - Got FAILURE sending telemetry request to http://localhost:8126/telemetry/proxy/api/v2/apmtelemetry.',
        expect: {cause: 'other', host: 'localhost', port: 8126},
        from: 'telemetry/src/main/java/datadog/telemetry/TelemetryHttpClient.java (reportErrorOnce); issue dd-trace-java#8808',
      },
      {
        // Real-world wrapping: kubectl/CRI prefix in front of the tracer line.
        text: '2026-11-25T10:00:00.123456789Z stderr F [dd.trace 2026-11-25 10:00:00:120 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=1KB) traces. Total: 1, Received: 1, Sent: 0, Failed: 1. java.net.ConnectException: Failed to connect to datadog-agent.datadog.svc.cluster.local/10.96.14.2:8126 (Will not log warnings for 5 minutes)',
        expect: {cause: 'refused', host: 'datadog-agent.datadog.svc.cluster.local', port: 8126},
        from: 'Kubernetes CRI log format around the RemoteApi 1.28+ template',
      },
      {
        // Real-world wrapping: Docker json-file records, one per physical line of the debug stack.
        text: '{"log":"[dd.trace 2024-02-01 12:00:05:000 +0000] [dd-task-scheduler] DEBUG datadog.communication.ddagent.DDAgentFeaturesDiscovery - Error querying info at http://172.17.0.1:8126/\\n","stream":"stderr","time":"2024-02-01T12:00:05.000Z"}\n{"log":"java.net.SocketTimeoutException: connect timed out\\n","stream":"stderr","time":"2024-02-01T12:00:05.001Z"}\n{"log":"\\tat java.base/java.net.PlainSocketImpl.socketConnect(Native Method)\\n","stream":"stderr","time":"2024-02-01T12:00:05.001Z"}',
        expect: {cause: 'timeout', host: '172.17.0.1', port: 8126},
        from: 'Docker json-file log driver around DDAgentFeaturesDiscovery.java debug output',
      },
    ],
    ignores: [
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-trace-processor] INFO datadog.trace.agent.common.writer.ddagent.DDAgentApi - Success while sending 1 (size=316B) traces. Total: 2, Received: 2, Sent: 1, Failed: 1.',
        why: 'healthy: IOLogger logs the first success after a failure at INFO',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-task-scheduler] WARN datadog.common.socket.UnixDomainSocketFactory - Problem opening /var/run/datadog/apm.socket, using port instead: java.lang.UnsatisfiedLinkError: could not load FFI provider jnr.ffi.provider.jffi.Provider',
        why: 'UnixDomainSocketFactory falls back to TCP when the socket channel cannot even be created (JNR/JDK support); the agent is still reached over the port, and a real failure there is logged by DDAgentApi',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-ci-visibility] WARN datadog.trace.agent.common.writer.ddintake.DDIntakeApi - Error while sending 5 (size=3KB) traces. Total: 5, Received: 5, Sent: 0, Failed: 5. java.net.UnknownHostException: citestcycle-intake.datadoghq.com (Will not log warnings for 5 minutes)',
        why: 'agentless CI Visibility writer: same template, but it talks to the intake, not the agent',
      },
      {
        text: '[dd.trace 2024-02-01 12:01:00:000 +0000] [dd-profiler-http-dispatcher] WARN com.datadog.profiling.uploader.ProfileUploader - Failed to upload profile to https://intake.profile.datadoghq.com/api/v2/profile java.net.SocketTimeoutException: timeout (Will not log warnings for 5 minutes)',
        why: 'agentless profiling upload to the intake',
      },
      {
        text: '2024-02-01 12:00:00.000 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.\norg.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:319)\nCaused by: java.net.ConnectException: Connection refused',
        why: "the application's own Postgres connection, not the tracer",
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [dd-task-scheduler] DEBUG datadog.communication.ddagent.DDAgentFeaturesDiscovery - Falling back to probing, client dropping will be disabled',
        why: 'follows any /info miss (also a 404 from an old agent); the query error above it is the finding',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:000 +0000] [StatsD-Sender-1] WARN datadog.communication.monitor.DDAgentStatsDConnection - IOException in StatsD client - localhost:8125 java.net.PortUnreachableException: ICMP Port Unreachable',
        why: 'DogStatsD over UDP 8125, not the trace receiver',
      },
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §1',
    'dd-trace-java dd-trace-ot/src/main/java/datadog/trace/common/writer/ddagent/DDAgentApi.java @v0.45.0 (going silent)',
    'dd-trace-java dd-trace-core/src/main/java/datadog/trace/common/writer/ddagent/DDAgentApi.java @v0.60.0 (No connectivity), @v1.2.0',
    'dd-trace-java dd-trace-core/src/main/java/datadog/trace/common/writer/RemoteApi.java (1.4+)',
    'dd-trace-java utils/logging-utils/src/main/java/datadog/logging/{IOLogger,RatelimitedLogger}.java (1.28+)',
    'dd-trace-java communication/src/main/java/datadog/communication/ddagent/DDAgentFeaturesDiscovery.java',
    'dd-trace-java dd-java-agent/agent-profiling/profiling-uploader/src/main/java/com/datadog/profiling/uploader/ProfileUploader.java',
    'dd-trace-java telemetry/src/main/java/datadog/telemetry/TelemetryHttpClient.java',
    'dd-trace-java utils/socket-utils/src/main/java/datadog/common/socket/UnixDomainSocketFactory.java (Problem opening: ignored)',
    'shared/seed/000_2f0b614e54afe1b3.txt',
  ],
};
