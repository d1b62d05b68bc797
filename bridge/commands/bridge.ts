// `apm-doctor bridge [--port N] [--welcome] [--forget]`: starts the bridge on loopback, prints
// the address and a one-time pairing code on stdout (connection log on stderr), runs until
// SIGINT/SIGTERM. `--forget` revokes every paired browser and exits. Exit 2: bad usage, or the
// port can't be bound (another bridge is running).
import {existsSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {t, type Locale} from '../../shared/i18n/index';
import {DEFAULT_BRIDGE_PORT} from '../../shared/protocol';
import {cliLocale, type Command} from '../io';
import {resolveLimits} from '../limits';
import {BRIDGE_VERSION, PortInUseError, startBridge, type BridgeServer} from '../server';
import {configDir, fileTokenStore} from '../tokens';
import {parseArgs} from './args';

export const run: Command = async (argv, io) => {
  const locale = cliLocale(io);
  const args = parseArgs(argv, {values: ['port'], flags: ['forget', 'welcome']});
  if ('error' in args || args.positionals.length > 0) {
    io.err(`apm-doctor bridge: ${'error' in args ? args.error : `unexpected ${args.positionals[0] ?? ''}`}\n${t(locale, 'bridge_cli_usage')}\n`);
    return 2;
  }
  const tokens = fileTokenStore(configDir(io.env), {maxTokens: resolveLimits().maxStoredTokens});

  if (args.flags.has('forget')) {
    const count = await tokens.forget();
    io.out(`${t(locale, 'bridge_cli_forgot', {count: String(count), path: tokens.path})}\n`);
    return 0;
  }

  const portText = args.values.port;
  const port = portText === undefined ? DEFAULT_BRIDGE_PORT : Number(portText);
  if (!/^\d{1,5}$/.test(portText ?? '0') || port > 65535) {
    io.err(`apm-doctor bridge: ${t(locale, 'bridge_cli_bad_port')}\n`);
    return 2;
  }

  let server: BridgeServer;
  try {
    server = await startBridge({port, tokens, env: io.env});
  } catch (e) {
    if (e instanceof PortInUseError) {
      io.err(`apm-doctor bridge: ${t(locale, 'bridge_cli_port_in_use', {port: String(e.port), host: e.host})}\n`);
    } else {
      io.err(`apm-doctor bridge: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    return 2;
  }

  // Handlers go in before anything is printed: whoever reads the code may signal at once, and a
  // signal that comes before the handler takes the default action (exit without cleanup).
  let onSignal: (s: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((done) => (onSignal = done));
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  if (args.flags.has('welcome')) io.out(welcome(locale));
  const urls = server.addresses.map((a) => `ws://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
  io.out(`${t(locale, 'bridge_cli_listening', {version: BRIDGE_VERSION, addresses: urls.join(', ')})}\n`);

  // New codes come only from the person at this terminal (see pairing.ts).
  const interactive = Boolean(process.stdin.isTTY);
  const printCode = (): void => {
    const {code} = server.newPairingCode();
    const minutes = String(Math.round(server.limits.pairingCodeTtlMs / 60_000));
    io.out(`${t(locale, interactive ? 'bridge_cli_code' : 'bridge_cli_code_no_tty', {code, minutes})}\n`);
  };
  printCode();
  io.out(`${t(locale, 'bridge_cli_stop')}\n`);

  server.events.on('refused', (r) => {
    io.err(`${t(locale, 'bridge_cli_refused', {code: r.code, origin: r.origin ?? '-', host: r.host ?? '-'})}\n`);
  });
  server.events.on('paired', ({origin, how}) => {
    io.err(`${t(locale, how === 'pair' ? 'bridge_cli_paired' : 'bridge_cli_resumed', {origin})}\n`);
  });

  const onLine = (): void => printCode();
  if (interactive) process.stdin.on('data', onLine).resume();

  const signal = await stopped;
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  if (interactive) process.stdin.off('data', onLine).pause();
  io.err(`${t(locale, 'bridge_cli_stopping')} (${signal})\n`);
  await server.close();
  return 0;
};

function welcome(locale: Locale): string {
  // The built CLI runs as dist/cli/apm-doctor.cjs, so the extension is in ../chrome and
  // ../firefox beside it (this code is in a chunk, a folder deeper); from anywhere else (tests
  // run the source), where `npm run build` puts it under the working directory.
  const beside = (name: string): string => {
    const built = resolve(dirname(process.argv[1] ?? '.'), '..', name);
    return existsSync(built) ? built : resolve('dist', name);
  };
  return [
    t(locale, 'bridge_cli_welcome_title'),
    t(locale, 'bridge_cli_welcome_chrome', {dir: beside('chrome')}),
    t(locale, 'bridge_cli_welcome_firefox', {manifest: resolve(beside('firefox'), 'manifest.json')}),
    t(locale, 'bridge_cli_welcome_pair'),
    '',
  ].join('\n');
}
