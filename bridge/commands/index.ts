import type {Command} from '../io';

/**
 * One entry per subcommand; each lives in its own file and is loaded only when it runs, so
 * `apm-doctor diagnose` doesn't parse the bridge server, the probe or the bundle builder.
 */
export const commands: Record<string, () => Promise<Command>> = {
  diagnose: async () => (await import('./diagnose')).run,
  probe: async () => (await import('./probe')).run,
  status: async () => (await import('./status')).run,
  bridge: async () => (await import('./bridge')).run,
  bundle: async () => (await import('./bundle')).run,
  redact: async () => (await import('./redact')).run,
};
