// Paired browsers. The bridge keeps only a SHA-256 of each token (a token is 32 random bytes,
// so a plain hash can't be reversed or guessed), in a file only the user can read:
// $APM_DOCTOR_CONFIG_DIR, else $XDG_CONFIG_HOME/apm-doctor, else ~/.config/apm-doctor.
// The file is the source of truth and is read on every `hello` (once per connection, async),
// so `apm-doctor bridge --forget` in another terminal revokes tokens for the next connection
// of a bridge that is already running.
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import {mkdir, open, readFile, rename, rm} from 'node:fs/promises';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';

const FILE = 'tokens.json';

interface StoredToken {
  /** hex SHA-256 of the token's UTF-8 text. */
  sha256: string;
  /** The Origin that paired; the token works only from there. */
  origin: string;
  pairedAt: string;
}

export interface TokenStore {
  /** Where the tokens live (shown by `--forget`). */
  readonly path: string;
  /** Makes, stores and returns a new token for `origin`. */
  add(origin: string): Promise<string>;
  /** true when `token` was issued to `origin` and not forgotten. */
  verify(token: string, origin: string): Promise<boolean>;
  /** Revokes every token; returns how many there were. */
  forget(): Promise<number>;
}

export function configDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.APM_DOCTOR_CONFIG_DIR) return env.APM_DOCTOR_CONFIG_DIR;
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'apm-doctor');
  return join(env.HOME || homedir(), '.config', 'apm-doctor');
}

export function fileTokenStore(dir: string, options: {maxTokens: number}): TokenStore {
  const path = join(dir, FILE);
  // Writes are read-modify-write of one file: run them one at a time.
  let writing: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = writing.then(job, job);
    writing = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<StoredToken[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    return parseStore(text);
  }

  async function save(tokens: StoredToken[]): Promise<void> {
    await mkdir(dir, {recursive: true, mode: 0o700});
    // Write a private temp file, then rename over the old one: readers see old or new, never half.
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({v: 1, tokens}, null, 2)}\n`);
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  }

  return {
    path,
    add: (origin) =>
      serial(async () => {
        const token = randomBytes(32).toString('base64url');
        const tokens = [...(await load()), {sha256: hash(token), origin, pairedAt: new Date().toISOString()}];
        await save(tokens.slice(-options.maxTokens));
        return token;
      }),
    verify: async (token, origin) => {
      const presented = Buffer.from(hash(token), 'hex');
      let match = false;
      // No early exit: the time taken doesn't say which entry, if any, was close.
      for (const stored of await load()) {
        const candidate = Buffer.from(stored.sha256, 'hex');
        const same = candidate.length === presented.length && timingSafeEqual(candidate, presented);
        match = (same && stored.origin === origin) || match;
      }
      return match;
    },
    forget: () =>
      serial(async () => {
        const count = (await load().catch(() => [])).length;
        await rm(path, {force: true});
        return count;
      }),
  };
}

function hash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A damaged file pairs nobody (the user pairs again) rather than crashing the bridge. */
function parseStore(text: string): StoredToken[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof raw !== 'object' || raw === null || !('tokens' in raw) || !Array.isArray(raw.tokens)) return [];
  return (raw.tokens as unknown[]).filter(
    (t): t is StoredToken =>
      typeof t === 'object' &&
      t !== null &&
      'sha256' in t &&
      typeof t.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(t.sha256) &&
      'origin' in t &&
      typeof t.origin === 'string' &&
      'pairedAt' in t &&
      typeof t.pairedAt === 'string',
  );
}
