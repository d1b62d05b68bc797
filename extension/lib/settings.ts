// What the extension remembers in storage.local, with the one reader per key that validates it
// (storage is written by our own pages, but a corrupt or older value must not break a page).
import type {Env} from '../../shared/engine/types';
import {isEnv} from '../messages';

export const ENABLED_ORIGINS_KEY = 'enabledOrigins';
export const ENV_OVERRIDES_KEY = 'envOverrides';

/** The env the user chose, per origin, or for every site under '*'. */
export type EnvOverrides = Record<string, Env>;

export function readEnabledOrigins(stored: Record<string, unknown>): string[] {
  const v = stored[ENABLED_ORIGINS_KEY];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && normalizeOrigin(x) === x) : [];
}

export function readEnvOverrides(stored: Record<string, unknown>): EnvOverrides {
  const v = stored[ENV_OVERRIDES_KEY];
  if (typeof v !== 'object' || v === null) return {};
  const out: EnvOverrides = {};
  for (const [scope, env] of Object.entries(v)) if (isEnv(env)) out[scope] = env;
  return out;
}

export function envOverrideFor(overrides: EnvOverrides, origin: string): Env | null {
  return overrides[origin] ?? overrides['*'] ?? null;
}

/**
 * `https://Grafana.Example.com:3000/explore?x` → `https://grafana.example.com:3000`; null for
 * anything that is not a plain http(s) origin (no wildcards, no credentials).
 */
export function normalizeOrigin(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname || url.hostname.includes('*')) return null;
  return url.origin;
}

/** Match pattern for an origin. Ports are left out: Firefox rejects them and Chrome matches every port without one. */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
