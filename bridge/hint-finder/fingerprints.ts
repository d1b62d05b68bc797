// Which 4 bytes of a hint the WebAssembly search looks for. Any 4 consecutive bytes of a hint
// find every occurrence of it; what differs is how often they occur in ordinary log text, where
// each occurrence costs a verification. "rror" is in every error line; "DDAg" in almost none.

// The plan for the recognisers' own hints is computed by `npm run wasm` (plan.ts); at run time
// only for another list of hints (tests). The costs are tables built once.
const CHAR_COST = new Float32Array(128).fill(2);
/** How common a character is in log text: spaces, digits (timestamps, ids), common letters. */
for (const [chars, cost] of [
  ['0123456789', 5],
  ['etaoinsrhl.:-/",=_', 4],
  ['dcumfpgwyb[](){}', 3],
  // Capitals of log levels, ISO timestamps and hex ids.
  ['EROINFWADBUGTZC', 3],
  ['vkxjqz', 1.5],
  [' ', 6],
] as const) for (const c of chars) CHAR_COST[c.charCodeAt(0)] = cost;

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isLower = (c: number) => c >= 97 && c <= 122;
const pairKey = (a: number, b: number) => lower(a) * 128 + lower(b);

// English's commonest letter pairs: a gram made of them is part of many words.
const COMMON_PAIRS = new Set(
  'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns ge pe no pr rt ac us di ss ol ct ue ee ai nc ly em ie ep ut ow ad ag ig'
    .split(' ')
    .map((p) => pairKey(p.charCodeAt(0), p.charCodeAt(1))),
);
const WORD_EDGE_COMMON = new Set([...'etaoinsrhldgy'].map((c) => c.charCodeAt(0)));
const WORD_EDGE_RARE = new Set([...'qzxjkv'].map((c) => c.charCodeAt(0)));

function pairCost(a: number, b: number): number {
  if (a === 32 || b === 32) {
    // A word edge: common unless the letter beside the space is rare.
    const letter = a === 32 ? b : a;
    return WORD_EDGE_COMMON.has(letter) ? 4 : isLower(letter) && !WORD_EDGE_RARE.has(letter) ? 3 : 1;
  }
  if (COMMON_PAIRS.has(pairKey(a, b))) return 3;
  return isLower(a) && isLower(b) ? 1.5 : 0;
}

// Words that fill application and tracer logs; a gram inside one of them (`http`, `trac`, `data`)
// would be verified on most lines, whatever its letters. Kept as their 4-grams, word edges included.
const COMMON_GRAMS = new Set<string>();
for (const w of [
  'http https trace traces tracer tracing span spans data database service services server request requests',
  'response responses connect connection connected connecting internal external retry retrying entry',
  'error errors failed failure from code status datadog agent send sending sent process payload network',
  'received receive timeout update query user session cache order orders queue worker job config configure configured configuration default message',
  'info debug warn warning started start running stopped complete completed available support supported memory',
  'report reporting upload download host port path method body header headers client event events metric metrics',
  'duration latency true false null undefined with that this have will could would should not none',
  'the and for to of in on at is it',
]
  .join(' ')
  .split(' ')
  .concat(['failed to', 'unable to', 'trying to', 'to the', 'of the', 'in the', 'on the', 'for the', 'at the', 'from the', 'with the', 'sent to', 'connect to'])) {
  const padded = ` ${w} `;
  for (let o = 0; o + 4 <= padded.length; o++) COMMON_GRAMS.add(padded.slice(o, o + 4));
}

/** The cost of each 4-byte window of `hint` (lower = rarer in logs), by start offset. */
export function gramCosts(hint: string): number[] {
  const costs: number[] = [];
  for (let o = 0; o + 4 <= hint.length; o++) {
    let s = 0;
    for (let k = 0; k < 4; k++) s += CHAR_COST[hint.charCodeAt(o + k) & 127] ?? 2;
    for (let k = 0; k < 3; k++) s += 2 * pairCost(hint.charCodeAt(o + k), hint.charCodeAt(o + k + 1));
    if (COMMON_GRAMS.has(hint.slice(o, o + 4).toLowerCase())) s += 20;
    costs.push(s);
  }
  return costs;
}

/** `s to`, `t re`: the end of one common word and the start of the next, all over prose. */
function commonWordEdge(g: string): boolean {
  const space = g.indexOf(' ', 1);
  return space > 0 && space < 3 && WORD_EDGE_COMMON.has(g.charCodeAt(space - 1)) && WORD_EDGE_COMMON.has(g.charCodeAt(space + 1));
}

/**
 * Fingerprints shared between hints where a rare one serves several (`ECON` for four error
 * codes): fewer distinct fingerprints keep Teddy's buckets tight. Greedy set cover, each step
 * taking the gram that covers the most hints not yet covered for its rarity.
 */
function sharedFingerprintOffsets(hints: readonly string[]): number[] {
  // How much covering more hints with one gram is worth against its rarity: tuned by counting
  // Teddy candidates and verifications per MB in a generated application log, Debian's package
  // logs and dd-trace debug output (shared fewer grams: ~12–19k candidates/MB; one gram per hint: 40–85k).
  const weight = 16;
  const gramCost = new Map<string, number>();
  const holders = new Map<string, Set<number>>();
  hints.forEach((h, i) => {
    gramCosts(h).forEach((c, o) => {
      const g = h.slice(o, o + 4);
      // A gram of a common word would be verified, for every hint that shares it, on most lines
      // of a log: never worth the sharing.
      gramCost.set(g, c + (COMMON_GRAMS.has(g.toLowerCase()) || commonWordEdge(g) ? 200 : 0));
      let set = holders.get(g);
      if (!set) holders.set(g, (set = new Set()));
      set.add(i);
    });
  });
  const chosen = new Array<string>(hints.length).fill('');
  let left = hints.length;
  while (left > 0) {
    let best = '';
    let bestScore = -Infinity;
    for (const [g, set] of holders) {
      let n = 0;
      for (const i of set) if (chosen[i] === '') n++;
      if (n === 0) continue;
      const score = weight * Math.log2(1 + n) - (gramCost.get(g) ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = g;
      }
    }
    for (const i of holders.get(best) ?? []) {
      if (chosen[i] === '') {
        chosen[i] = best;
        left--;
      }
    }
  }
  return hints.map((h, i) => h.indexOf(chosen[i] ?? ''));
}

// A rough share of each byte in log text (English letter frequencies for words, plus the spaces,
// digits and punctuation of log lines), to estimate how often a bucket of fingerprints fires.
const BYTE_SHARE = new Float64Array(256).fill(0.0003);
{
  const letters = 'etaoinshrdlcumwfgypbvkjxqz';
  const freq = [12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3, 4.0, 2.8, 2.8, 2.4, 2.4, 2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.15, 0.15, 0.1, 0.07];
  [...letters].forEach((c, i) => {
    BYTE_SHARE[c.charCodeAt(0)] = 0.0045 * (freq[i] ?? 0);
    BYTE_SHARE[c.toUpperCase().charCodeAt(0)] = 0.0004 * (freq[i] ?? 0);
  });
  for (const c of 'EROINFWADBUGTZ') BYTE_SHARE[c.charCodeAt(0)] = (BYTE_SHARE[c.charCodeAt(0)] ?? 0) + 0.003;
  for (let d = 48; d <= 57; d++) BYTE_SHARE[d] = 0.015;
  for (const [c, share] of [[' ', 0.14], ['.', 0.02], [':', 0.02], ['"', 0.02], ['-', 0.015], ['/', 0.01], [',', 0.01], ['=', 0.008], ['_', 0.006], ['\n', 0.01]] as const) BYTE_SHARE[c.charCodeAt(0)] = share;
  for (const c of '[](){}') BYTE_SHARE[c.charCodeAt(0)] = 0.003;
}
/** Share of log bytes whose low nibble is in `lo` and high nibble in `hi` (16-bit sets). */
function admittedShare(lo: number, hi: number): number {
  let sum = 0;
  for (let h = 0; h < 16; h++) if (hi & (1 << h)) for (let l = 0; l < 16; l++) if (lo & (1 << l)) sum += BYTE_SHARE[h * 16 + l] ?? 0;
  return sum;
}
/**
 * Spreads fingerprints over Teddy's buckets. A bucket admits every 4-byte value whose nibbles are
 * in its sets (position by position, the union over its fingerprints), and each admitted value
 * in the text costs a table probe: the rarest fingerprints are placed first, each where the
 * bucket's estimated rate in log text grows least.
 */
function assignBuckets(grams: readonly string[], buckets: number): number[] {
  const lo = Array.from({length: buckets}, () => [0, 0, 0, 0]);
  const hi = Array.from({length: buckets}, () => [0, 0, 0, 0]);
  const rate = (l: readonly number[], h: readonly number[]) => l.reduce((r, bits, k) => r * admittedShare(bits, h[k] ?? 0), 1);
  const gl = (g: string) => [0, 1, 2, 3].map((k) => 1 << (g.charCodeAt(k) & 15));
  const gh = (g: string) => [0, 1, 2, 3].map((k) => 1 << (g.charCodeAt(k) >> 4));
  const order = grams.map((_, i) => i).sort((a, b) => rate(gl(grams[b] ?? ''), gh(grams[b] ?? '')) - rate(gl(grams[a] ?? ''), gh(grams[a] ?? '')));
  const out = new Array<number>(grams.length).fill(0);
  for (const i of order) {
    const g = grams[i] ?? '';
    const l1 = gl(g);
    const h1 = gh(g);
    let best = 0;
    let bestGrowth = Infinity;
    for (let b = 0; b < buckets; b++) {
      const l = lo[b] ?? [];
      const h = hi[b] ?? [];
      const before = l[0] ? rate(l, h) : 0;
      const growth = rate(l.map((x, k) => x | (l1[k] ?? 0)), h.map((x, k) => x | (h1[k] ?? 0))) - before;
      if (growth < bestGrowth) {
        bestGrowth = growth;
        best = b;
      }
    }
    lo[best] = (lo[best] ?? []).map((x, k) => x | (l1[k] ?? 0));
    hi[best] = (hi[best] ?? []).map((x, k) => x | (h1[k] ?? 0));
    out[i] = best;
  }
  return out;
}

/** Where each hint's fingerprint starts in it, and which Teddy bucket each distinct fingerprint takes (in first-use order). */
export interface FinderPlan {
  hints: readonly string[];
  offsets: readonly number[];
  buckets: readonly number[];
}

/**
 * The plan for a list of hints (ASCII, at least 4 characters each). It takes tens of
 * milliseconds while V8 still interprets, so the CLI ships the plan for its own hints
 * precomputed (plan.ts, `npm run wasm`) and computes one only for other lists.
 */
export function computePlan(hints: readonly string[], buckets: number): FinderPlan {
  const offsets = sharedFingerprintOffsets(hints);
  const grams = [...new Set(hints.map((h, i) => h.slice(offsets[i] ?? 0, (offsets[i] ?? 0) + 4)))];
  return {hints: [...hints], offsets, buckets: assignBuckets(grams, buckets)};
}
