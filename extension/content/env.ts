// The page's environment for the engine's advice: detected from the page, unless the user set
// one for this site (or for every site) in the popup/options, stored in storage.local.
import browser from 'webextension-polyfill';
import type {ConsoleAdapter} from '../adapters/types';
import {detectEnv} from '../lib/env-detect';
import {ENV_OVERRIDES_KEY, envOverrideFor, readEnvOverrides} from '../lib/settings';
import type {Life} from './life';
import type {EnvState} from './report';

/** Bounds the page text read for detection. */
const CONTEXT_CHARS = 20_000;

export function detectFromPage(adapter: ConsoleAdapter | null, life: Life): EnvState {
  const context: string[] = [document.title];
  const extra = adapter?.context ? (life.guard('adapter context', () => adapter.context?.(document)) ?? []) : [];
  let budget = CONTEXT_CHARS;
  for (const s of extra) {
    if (budget <= 0) break;
    context.push(s.slice(0, budget));
    budget -= s.length;
  }
  return {env: detectEnv(location.href, context), source: 'detected'};
}

export async function readOverride(): Promise<EnvState | null> {
  const stored = await browser.storage.local.get(ENV_OVERRIDES_KEY);
  const env = envOverrideFor(readEnvOverrides(stored), location.origin);
  return env ? {env, source: 'override'} : null;
}

export function onOverrideChange(life: Life, fn: () => void): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && ENV_OVERRIDES_KEY in changes) life.guard('env override', fn);
  };
  browser.storage.onChanged.addListener(listener);
  life.onEnd(() => browser.storage.onChanged.removeListener(listener));
}
