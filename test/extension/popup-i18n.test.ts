// Every message key the popup and options pages use exists in the tables, in English and Korean
// (STYLE §13): literal keys are read from the sources, and keys built at run time are listed
// from the unions they are built from.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isMessageKey, LOCALES, messages} from '../../shared/i18n/index';
import {popupMessages} from '../../shared/i18n/popup';
import {CLIENT_ERROR_CODES, clientErrorKey} from '../../extension/lib/bridge-client';
import {BRIDGE_ERROR_CODES, bridgeErrorKey} from '../../shared/protocol';
import {CAUSES, ENVS, LANGS} from '../../shared/engine/types';
import {envKey} from '../../extension/popup/i18n';
import {draftErrors, EMPTY_DRAFT} from '../../extension/popup/vantage';

const ROOT = join(import.meta.dirname, '../..');
const SOURCES = ['extension/popup', 'extension/options'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f)),
);

/** `tr('key'` / `tr('key',` and `t(locale, 'key'` with a literal key. */
function literalKeys(): {file: string; key: string}[] {
  const out: {file: string; key: string}[] = [];
  for (const file of SOURCES) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\btr\(\s*'([A-Za-z0-9_]+)'/g)) out.push({file, key: m[1]!});
    for (const m of text.matchAll(/\btr\(\s*[a-z.]+\s*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)) out.push({file, key: m[1]!}, {file, key: m[2]!});
  }
  return out;
}

describe('popup and options message keys', () => {
  it('finds the literal keys it checks (the scan itself works)', () => {
    expect(literalKeys().length).toBeGreaterThan(60);
  });

  it.each(literalKeys().map(({file, key}) => [key, file]))('%s (used in %s) exists', (key) => {
    expect(isMessageKey(key)).toBe(true);
  });

  const built: [string, string][] = [
    ...(['idle', 'connecting', 'unreachable', 'unpaired', 'ready'] as const).map((k): [string, string] => [`popup_bridge_state_${k}`, 'bridge state pill']),
    ...CLIENT_ERROR_CODES.map((c): [string, string] => [clientErrorKey(c), 'client failure']),
    ...BRIDGE_ERROR_CODES.map((c): [string, string] => [bridgeErrorKey(c), 'bridge error reply']),
    ...ENVS.map((e): [string, string] => [envKey(e), 'environment select']),
    ...CAUSES.map((c): [string, string] => [`cause_${c}`, 'finding meta line']),
    ...LANGS.map((l): [string, string] => [`lang_${l}`, 'finding meta line']),
    ...LOCALES.map((c): [string, string] => [`options_lang_${c}`, 'language select']),
    ...(['resolve-target', 'proxy', 'dns', 'tcp', 'http-info', 'write-check'] as const).map((s): [string, string] => [`probe_step_${s.replace(/-/g, '_')}`, 'probe step']),
    ...(['running', 'ok', 'fail', 'skip'] as const).map((s): [string, string] => [`probe_status_${s}`, 'probe step status']),
    ...(['running', 'not-running', 'unavailable', 'absent'] as const).map((s): [string, string] => [`status_state_${s.replace(/-/g, '_')}`, 'agent status state']),
  ];
  it.each(built)('%s (%s) exists', (key) => {
    expect(isMessageKey(key)).toBe(true);
  });

  it('every vantage field error has a message', () => {
    const drafts = [
      {...EMPTY_DRAFT, kind: 'docker' as const, container: '-x'},
      {...EMPTY_DRAFT, kind: 'docker' as const},
      {...EMPTY_DRAFT, kind: 'k8s' as const, pod: 'X', namespace: 'A B', k8sContainer: 'A B', context: '-x'},
      {...EMPTY_DRAFT, kind: 'k8s' as const},
    ];
    const keys = drafts.flatMap((d) => Object.values(draftErrors(d)));
    expect(keys.length).toBe(1 + 1 + 4 + 1);
    for (const key of keys) expect(isMessageKey(key), key).toBe(true);
  });

  it('the popup table keeps to its prefixes', () => {
    for (const key of Object.keys(popupMessages)) expect(key).toMatch(/^(popup|options)_/);
    expect(Object.keys(popupMessages).every((k) => k in messages)).toBe(true);
  });
});
