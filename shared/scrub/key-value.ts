// Ours: a value written under a secret-looking name, in any case and any of the shapes logs and
// environments use — `DD_API_KEY=…`, `export AWS_SECRET_ACCESS_KEY="…"`, `?token=…&`,
// `DD-API-KEY: …`, `'X-Datadog-Api-Key': '…'`, `"password": "…"`, `aws_secret_access_key = …`.
// The agent's replacers are lower-case YAML keys (`api_key:`, `x-api-key:`) or lower-case
// `api_key=`, so `DD_API_KEY=my-non-hex-key` or `Dd-Api-Key: …` pass through them untouched.
//
// One left-to-right pass over ':' and '=' separators; each looks back over its own key only
// (keys can't contain separators), so the pass is linear.
import {isGoSpace} from './chars';
import {isMaskedOrHandle, REDACTED} from './mask';

/** Name endings (lower-case, without `-`, `_`, `.`) whose values are secrets. */
const SECRET_ENDINGS = [
  'apikey',
  'appkey',
  'applicationkey',
  'accesskey',
  'secretkey',
  'privatekey',
  'accountkey',
  'sharedaccesskey',
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'credential',
  'credentials',
  'authorization',
  'cookie',
] as const;
const SECRET_NAMES = new Set(['auth', 'pass', 'pswd', 'sig']);

/** True for a key or variable name whose value is a secret (`DD_API_KEY`, `x-vault-token`, `SecretAccessKey`). */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  const n = lower.replace(/[-_.]/g, '');
  if (SECRET_NAMES.has(n)) return true;
  if (lower.startsWith('x-') && n.endsWith('auth')) return true;
  return SECRET_ENDINGS.some((e) => n.endsWith(e));
}

const isNameCode = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e;
const isQuote = (c: number) => c === 0x22 || c === 0x27 || c === 0x60;
const isHSpace = (c: number) => c === 0x20 || c === 0x09;
/** Ends an unquoted `name=value` (query strings, shell words, `;`-separated connection strings). */
const endsEqValue = (c: number) => isGoSpace(c) || isQuote(c) || c === 0x26 || c === 0x3b || c === 0x2c;
/** YAML block scalars and flow collections: the secret, if any, is on other lines. */
const NOT_A_VALUE = /^(?:[|>][-+]?\s*|[[{].*)$/;

export function scrubSecretKeyValues(line: string): string {
  const n = line.length;
  let out = '';
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c !== 0x3a && c !== 0x3d) {
      i++;
      continue;
    }
    const next = line.charCodeAt(i + 1);
    // `==`, `=>`, `::`, `:=`-style operators and URL schemes (`http://`) aren't assignments.
    if (next === c || next === 0x3e || next === 0x2f || (c === 0x3a && next === 0x3d)) {
      i += 2;
      continue;
    }
    let k = i;
    while (k > last && isHSpace(line.charCodeAt(k - 1))) k--;
    if (k > last && isQuote(line.charCodeAt(k - 1))) k--;
    const end = k;
    while (k > last && isNameCode(line.charCodeAt(k - 1))) k--;
    if (k === end || !isSecretName(line.slice(k, end))) {
      i++;
      continue;
    }
    let v = i + 1;
    while (v < n && isHSpace(line.charCodeAt(v))) v++;
    if (v >= n) break;
    let vs: number;
    let ve: number;
    const q = line.charCodeAt(v);
    if (isQuote(q)) {
      vs = v + 1;
      ve = line.indexOf(line[v] ?? '', vs);
      if (ve < 0) ve = n;
    } else if (c === 0x3a) {
      vs = v;
      ve = n;
      while (ve > vs && isGoSpace(line.charCodeAt(ve - 1))) ve--;
    } else {
      vs = v;
      ve = v;
      while (ve < n && !endsEqValue(line.charCodeAt(ve))) ve++;
    }
    const value = line.slice(vs, ve);
    if (value === '' || isMaskedOrHandle(value) || (c === 0x3a && !isQuote(q) && NOT_A_VALUE.test(value))) {
      i++;
      continue;
    }
    out += line.slice(last, vs) + REDACTED;
    last = i = ve;
  }
  return last === 0 ? line : out + line.slice(last);
}
