// apm-doctor bundle [--format md|json] [--env ENV] [--lang en|ko] [--case-id ID]
//                   [--agent-config FILE] [--no-snapshot] [--probe] [--status] [FILE]
// The support bundle (SPEC §2.6) for the logs in FILE or stdin: findings from the same engine
// as `diagnose`, this machine's environment snapshot, the agent's datadog.yaml when readable,
// and — when asked — a probe of the agent and `agent status`. Everything is scrubbed
// (shared/scrub). Exit 0 when the bundle was printed, 2 on bad usage or unreadable input.
import {readFile} from 'node:fs/promises';
import {platform} from 'node:os';
import type {StatusResult} from '../../shared/agent/status-types';
import {buildBundle, detectEnv, renderBundleJson, renderBundleMarkdown} from '../../shared/bundle/index';
import {ENVS, scanText, type Env} from '../../shared/engine/api';
import type {EnvSnapshot} from '../../shared/env/types';
import type {ProbeResult} from '../../shared/probe/types';
import {snapshotEnv} from '../env/snapshot';
import {cliLocale, type Command, type Io} from '../io';
import {runProbe} from '../probe/index';
import {collectStatus} from '../status/index';
import {parseArgs} from './args';

const USAGE =
  'usage: apm-doctor bundle [--format md|json] [--env ENV] [--lang en|ko] [--case-id ID] [--agent-config FILE] [--no-snapshot] [--probe] [--status] [FILE]';

/** Where the agent keeps datadog.yaml by default (Linux packages, macOS, Windows). */
const DEFAULT_AGENT_CONFIG: Readonly<Record<string, string>> = {
  linux: '/etc/datadog-agent/datadog.yaml',
  darwin: '/opt/datadog-agent/etc/datadog.yaml',
  win32: 'C:\\ProgramData\\Datadog\\datadog.yaml',
};
const SNAPSHOT_TIMEOUT_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;
const STATUS_TIMEOUT_MS = 15_000;

function readError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message;
}

async function readLogs(file: string | undefined, io: Io): Promise<{text: string; origin: string} | null> {
  if (file !== undefined && file !== '-') return {text: await readFile(file, 'utf8'), origin: file};
  // A terminal on stdin means nobody piped logs in: don't sit waiting for them.
  if (process.stdin.isTTY) return null;
  return {text: await io.readStdin(), origin: 'stdin'};
}

/** Runs one optional collector; its failure becomes a line in the bundle, not a failed command. */
async function collect<T>(name: string, problems: string[], f: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T | undefined> {
  try {
    return await f(AbortSignal.timeout(timeoutMs));
  } catch (e) {
    problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

async function agentConfig(explicit: string | undefined): Promise<{text?: string; path?: string; problem?: string}> {
  const path = explicit ?? DEFAULT_AGENT_CONFIG[platform()];
  if (path === undefined) return {};
  try {
    return {text: await readFile(path, 'utf8'), path};
  } catch (e) {
    if (explicit !== undefined) throw e;
    // The default place: absent means "not on this machine"; unreadable is worth saying (sudo).
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? {} : {path, problem: readError(e)};
  }
}

function fail(io: Io, why: string): number {
  io.err(`apm-doctor bundle: ${why}\n${USAGE}\n`);
  return 2;
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: ['format', 'env', 'lang', 'case-id', 'agent-config'], flags: ['no-snapshot', 'probe', 'status', 'help'], aliases: {'-h': '--help'}});
  if ('error' in args) return fail(io, args.error);
  if (args.flags.has('help')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const format = args.values['format'] ?? 'md';
  if (format !== 'md' && format !== 'json') return fail(io, `--format must be md or json, not '${format.slice(0, 40)}'`);
  const chosen = (args.values['env'] ?? null) as Env | null;
  if (chosen !== null && !ENVS.includes(chosen)) return fail(io, `--env must be one of ${ENVS.join(', ')}`);
  const lang = args.values['lang'];
  if (lang !== undefined && lang !== 'en' && lang !== 'ko') return fail(io, '--lang must be en or ko');
  const caseId = args.values['case-id'];
  if (caseId !== undefined && !/^\d{1,12}$/.test(caseId)) return fail(io, '--case-id must be the number of your Datadog support case');
  if (args.positionals.length > 1) return fail(io, 'give at most one FILE (or none for stdin)');
  const file = args.positionals[0];

  let logs: {text: string; origin: string} | null;
  let yaml: {text?: string; path?: string; problem?: string};
  try {
    logs = await readLogs(file, io);
  } catch (e) {
    io.err(`apm-doctor bundle: cannot read ${file ?? 'stdin'}: ${readError(e)}\n`);
    return 2;
  }
  try {
    yaml = await agentConfig(args.values['agent-config']);
  } catch (e) {
    io.err(`apm-doctor bundle: cannot read --agent-config ${args.values['agent-config'] ?? ''}: ${readError(e)}\n`);
    return 2;
  }

  const problems: string[] = [];
  const env = {...io.env};
  const snapshot: EnvSnapshot | undefined = args.flags.has('no-snapshot')
    ? undefined
    : await collect('environment snapshot', problems, (signal) => snapshotEnv({kind: 'local'}, {signal, env}), SNAPSHOT_TIMEOUT_MS);
  const probe: ProbeResult | undefined = args.flags.has('probe')
    ? await collect('probe', problems, (signal) => runProbe(null, {kind: 'local'}, {timeoutMs: PROBE_TIMEOUT_MS}, {signal, env}), PROBE_TIMEOUT_MS + 1_000)
    : undefined;
  const status: StatusResult | undefined = args.flags.has('status')
    ? await collect('agent status', problems, (signal) => collectStatus({kind: 'local'}, {signal}), STATUS_TIMEOUT_MS)
    : undefined;

  const detected = detectEnv(snapshot);
  const {findings, configs} = logs
    ? scanText(logs.text, {
        env: chosen ?? detected ?? 'unknown',
        facts: {
          ...(snapshot ? {inContainer: snapshot.container.inContainer, portHolder: snapshot.portConflict?.holder ?? null} : {}),
          ...(probe ? {proxyCapturesAgent: probe.proxy.capturesAgent, agentAnswered: probe.verdict.ok} : {}),
        },
      })
    : {findings: [], configs: []};

  const bundle = buildBundle({
    findings,
    configs,
    env: {detected, chosen},
    ...(logs ? {logText: logs.text, origin: logs.origin} : {}),
    ...(snapshot ? {envSnapshot: snapshot} : {}),
    ...(probe ? {probe} : {}),
    ...(status ? {status} : {}),
    ...(yaml.text !== undefined ? {agentYaml: yaml.text} : {}),
    ...(yaml.path !== undefined ? {agentYamlPath: yaml.path} : {}),
    ...(yaml.problem !== undefined ? {agentYamlProblem: yaml.problem} : {}),
    ...(caseId !== undefined ? {caseId} : {}),
    problems,
    generatedAt: new Date().toISOString(),
  });
  io.out(format === 'json' ? `${renderBundleJson(bundle)}\n` : renderBundleMarkdown(bundle, cliLocale(io, lang)));
  return 0;
};
