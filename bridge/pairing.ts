// The one-time pairing code (KeePassXC's association step, made single-use). The person at
// the terminal reads the code; the extension proves it once and gets a token (tokens.ts).
// A code dies when used, when it expires, or after `maxAttempts` wrong tries across all
// connections; only the terminal (`issue()`, the Enter key in `apm-doctor bridge`) makes a
// new one, so a client that guesses can never ask for more codes to guess at.
import {randomInt, timingSafeEqual} from 'node:crypto';

// Crockford-style: no 0/O, 1/I/L, U, so a code read aloud or retyped survives. 30^8 ≈ 6.6e11.
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const CODE_LENGTH = 8;

export type PairingCheck =
  | {ok: true}
  | {ok: false; reason: 'wrong'; attemptsLeft: number}
  /** No code open: never issued, used, expired or locked. */
  | {ok: false; reason: 'closed'; why: 'none' | 'used' | 'expired' | 'locked'};

export interface PairingOptions {
  ttlMs: number;
  maxAttempts: number;
  now?: () => number;
}

export class PairingCode {
  private code: string | null = null;
  private expiresAt = 0;
  private attemptsLeft = 0;
  private closedBecause: 'none' | 'used' | 'expired' | 'locked' = 'none';
  private readonly now: () => number;

  constructor(private readonly options: PairingOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Opens a new code (closing any previous one) and returns it formatted for display, `ABCD-EFGH`. */
  issue(): string {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    this.code = code;
    this.expiresAt = this.now() + this.options.ttlMs;
    this.attemptsLeft = this.options.maxAttempts;
    return `${code.slice(0, 4)}-${code.slice(4)}`;
  }

  /** When the open code expires (ms since epoch), or null when none is open. */
  get expires(): number | null {
    return this.code === null ? null : this.expiresAt;
  }

  check(input: string): PairingCheck {
    if (this.code !== null && this.now() >= this.expiresAt) this.close('expired');
    if (this.code === null) return {ok: false, reason: 'closed', why: this.closedBecause};
    if (equal(normalize(input), this.code)) {
      this.close('used');
      return {ok: true};
    }
    this.attemptsLeft--;
    if (this.attemptsLeft <= 0) {
      this.close('locked');
      return {ok: false, reason: 'closed', why: 'locked'};
    }
    return {ok: false, reason: 'wrong', attemptsLeft: this.attemptsLeft};
  }

  private close(why: 'used' | 'expired' | 'locked'): void {
    this.code = null;
    this.closedBecause = why;
  }
}

/** What a person may type: any case, with the dash or spaces. */
function normalize(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
