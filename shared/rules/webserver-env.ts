import {addrOf, diagnosis, isFargate, isLoopback, isWebServerHosted, msg, reachCheck, targetsLoopback} from './_advice';
import type {DiagnosisRule, RawFinding, RuleContext} from '../engine/types';

/**
 * A non-loopback agent address named elsewhere in the scan (another startup line, a CLI run, the
 * same app's other process): the address the user meant, which the web server's workers never saw.
 */
function intendedHost(f: RawFinding, ctx: RuleContext): string | null {
  for (const c of ctx.configs) if (c.target.host && !isLoopback(c.target.host)) return c.target.host;
  for (const o of ctx.findings) if (o !== f && o.source === 'tracer' && o.target.host && !isLoopback(o.target.host)) return o.target.host;
  return null;
}

/**
 * SPEC §2.5 web-server note (root-causes A3): DD_AGENT_HOST is set on the container, but
 * PHP-FPM (`clear_env = yes`), Apache without PassEnv/SetEnv and nginx workers drop it, so the
 * tracer falls back to localhost.
 */
export const rule: DiagnosisRule = {
  id: 'webserver-env',
  causes: ['refused', 'addr_not_available', 'agent_error_flag', 'timeout', 'other'],
  envs: [],
  applies: (f, ctx) => {
    // On Fargate localhost is the right address (sidecar-missing speaks to that).
    if (isFargate(ctx) || !isWebServerHosted(f) || !targetsLoopback(f, ctx) || f.target.socket) return null;
    const other = intendedHost(f, ctx);
    if (!other) return null;
    const a = addrOf(f);
    return diagnosis('webserver-env', {
      subs: {target: a.shown, other_host: other},
      advice: [
        f.lang === 'php' && msg('advice_webserver_php_fpm', {other_host: other}),
        f.lang === 'php' && msg('advice_webserver_apache', {other_host: other}),
        msg('advice_webserver_nginx'),
        msg('advice_webserver_verify', {other_host: other}),
        reachCheck(ctx.env, {host: other, port: a.port}),
      ],
    });
  },
  examples: {
    matches: [
      {
        text: '[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:00Z","version":"0.99.0","lang":"php","sapi":"cli","agent_url":"http:\\/\\/datadog-agent:8126","agent_error":null}\n[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:05Z","version":"0.99.0","lang":"php","sapi":"fpm-fcgi","agent_url":"http:\\/\\/localhost:8126","agent_error":"Failed to connect to localhost port 8126: Connection refused"}',
        env: 'docker',
        why: 'the CLI sees DD_AGENT_HOST=datadog-agent, the FPM workers fall back to localhost: clear_env (dd-trace-php#936)',
      },
    ],
    ignores: [
      {
        text: '[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:05Z","version":"0.99.0","lang":"php","agent_url":"http:\\/\\/localhost:8126","agent_error":"Failed to connect to localhost port 8126: Connection refused"}',
        env: 'docker',
        why: 'nothing in the view names another agent host: plain localhost-in-container',
      },
    ],
  },
  sources: ['shared/seed/000_2f0b614e54afe1b3.txt (웹 서버 관련 참고 사항)', 'SPEC §2.5', 'shared/facts/root-causes.md A3', 'docs.datadoghq.com/tracing/trace_collection/library_config/php/ (env[] in www.conf, SetEnv)'],
};
