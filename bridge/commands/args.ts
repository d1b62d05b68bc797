// A tiny argv parser for the subcommands: `--name value`, `--name=value`, boolean flags,
// positionals. Unknown flags are errors (exit 2), never silently ignored.
export interface ArgSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags without a value. */
  flags?: readonly string[];
  /** Short aliases: `-c` → `--container`. */
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs | {error: string} {
  const out: ParsedArgs = {values: {}, flags: new Set(), positionals: []};
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] ?? '';
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    const alias = spec.aliases?.[arg];
    if (alias) arg = alias;
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    if (spec.values.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return {error: `--${name} needs a value`};
      out.values[name] = value;
    } else if (spec.flags?.includes(name) && eq === -1) {
      out.flags.add(name);
    } else {
      return {error: `unknown option ${arg}`};
    }
  }
  return out;
}
