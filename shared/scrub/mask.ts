// How a secret is shown once scrubbed.
//
// Kept suffix: 5 characters. Every released agent from 7.33 (the scrubber's first version,
// DataDog/datadog-agent#9618) through ~7.78 keeps the last 5 characters of 32-hex API keys and
// 40-hex application keys, and the agent's own test table (test/fixtures/agent/scrubber-cases.jsonl)
// is written for that. The newest agent main (2026) keeps 4 (shared/facts/agent-side.md §4). We
// follow the released agents so a bundle and a flare from the same customer show the same
// tail; the 5-character tail still contains the 4 characters the newest agent shows.

export const REDACTED = '********';
export const KEPT_SUFFIX = 5;

export function stars(n: number): string {
  return '*'.repeat(n);
}

/** The agent's `HideKeyExceptLastFiveChars`. */
export function hideExceptLastFive(value: string): string {
  return stars(value.length - KEPT_SUFFIX) + value.slice(-KEPT_SUFFIX);
}

const HEX_KEY = /^(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40})$/;

/**
 * Our masking of a value found under a secret-looking name (`DD_API_KEY=…`, `"password": …`):
 * a Datadog API/application key (32/40 hex) keeps its last 5 characters so it can still be
 * recognised, exactly as the agent's 32/40-hex replacers would show it; anything else is
 * fully replaced.
 */
export function maskSecretValue(value: string): string {
  const v = value.trim();
  if (v === '' || isMaskedOrHandle(v)) return value;
  return HEX_KEY.test(v) ? hideExceptLastFive(v) : REDACTED;
}

/** Already masked by an earlier replacer, or a secrets-backend handle the agent keeps (`ENC[…]`). */
export function isMaskedOrHandle(value: string): boolean {
  return value.startsWith('*') || value.startsWith('ENC[');
}
