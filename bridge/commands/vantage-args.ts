// `--docker C | --k8s [NS/]POD [-c C] [--context CTX]` → a validated Vantage (probe and status).
import {validateVantage, type Vantage} from '../../shared/probe/types';
import type {ParsedArgs} from './args';

export function vantageFromArgs(args: ParsedArgs): Vantage | {error: string} {
  const docker = args.values['docker'];
  const k8s = args.values['k8s'];
  const container = args.values['container'];
  const context = args.values['context'];
  if (docker !== undefined && k8s !== undefined) return {error: 'use --docker or --k8s, not both'};
  if (docker !== undefined) {
    if (container !== undefined || context !== undefined) return {error: '-c/--context go with --k8s'};
    return validateVantage({kind: 'docker', container: docker});
  }
  if (k8s !== undefined) {
    const slash = k8s.indexOf('/');
    const raw: Record<string, string> = {kind: 'k8s', pod: slash < 0 ? k8s : k8s.slice(slash + 1)};
    if (slash >= 0) raw['namespace'] = k8s.slice(0, slash);
    if (container !== undefined) raw['container'] = container;
    if (context !== undefined) raw['context'] = context;
    return validateVantage(raw);
  }
  if (container !== undefined || context !== undefined) return {error: '-c/--context go with --k8s'};
  return {kind: 'local'};
}
