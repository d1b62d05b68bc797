// Redaction for environment snapshots. API and APP keys keep their last KEPT_SUFFIX (5)
// characters, the same tail the bundle scrubber and released agents' flares show (see
// shared/scrub/mask.ts), so support can match them; every other variable whose name says it is a secret is masked completely; credentials
// inside URLs (proxy variables, DD_PROXY_*) are masked wherever they appear.
import {maskUrlCredentials} from '../probe/proxy';
import {KEPT_SUFFIX} from '../scrub/mask';
import type {EnvVar} from './types';

const MASK = '********';
const KEEPS_TAIL = /^DD_(API_KEY|APP_KEY|APPLICATION_KEY)$/;
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|PWD|CREDENTIAL|AUTH/i;
// Names that contain a secret word but aren't secrets (a path to one, a key *name*, a flag).
const NOT_SECRET = /(_FILE|_PATH|_FILE_PATH|_KEYS|_ENABLED|_TAG_KEY|_KEY_NAME)$/i;

export function redactValue(name: string, value: string): {value: string; redacted: boolean} {
  if (KEEPS_TAIL.test(name)) {
    const n = KEPT_SUFFIX;
    return {value: value.length > n ? `${'*'.repeat(Math.min(value.length - n, 36))}${value.slice(-n)}` : MASK, redacted: true};
  }
  if (SECRET_NAME.test(name) && !NOT_SECRET.test(name)) return {value: MASK, redacted: value !== ''};
  const masked = maskUrlCredentials(value);
  return {value: masked, redacted: masked !== value};
}

export function redactVars(env: Readonly<Record<string, string | undefined>>, pick: (name: string) => boolean): EnvVar[] {
  return Object.keys(env)
    .filter(pick)
    .sort()
    .map((name) => ({name, ...redactValue(name, env[name] ?? '')}));
}

export const isDdVar = (name: string): boolean => /^DD_/.test(name);
export const isProxyVar = (name: string): boolean => /^(https?|all|no)_proxy$/i.test(name);
