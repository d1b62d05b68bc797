// Which 4 bytes of a hint the WebAssembly search looks for. Any 4 consecutive bytes of a hint
// find every occurrence of it; what differs is how often they occur in ordinary log text, where
// each occurrence costs a verification. "rror" is in every error line; "DDAg" in almost none.

// The costs are tables built once: this runs at every CLI start, on both scan threads, while
// V8 still interprets, so per-character regexes and string searches would cost milliseconds.
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
  'received receive timeout update query user session cache order orders queue worker job config default message',
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

/**
 * The offset of the rarest 4-byte window of each hint (ASCII, at least 4 characters). A window
 * that other hints contain too (`ONNR` of ECONNREFUSED and ECONNRESET) fires on theirs as well.
 */
export function fingerprintOffsets(hints: readonly string[]): number[] {
  const holders = new Map<string, number>();
  for (const h of new Set(hints)) {
    const grams = new Set<string>();
    for (let o = 0; o + 4 <= h.length; o++) grams.add(h.slice(o, o + 4));
    for (const g of grams) holders.set(g, (holders.get(g) ?? 0) + 1);
  }
  return hints.map((h) => {
    const costs = gramCosts(h);
    let best = 0;
    let bestCost = Infinity;
    costs.forEach((c, o) => {
      const cost = c + 10 * ((holders.get(h.slice(o, o + 4)) ?? 1) - 1);
      if (cost < bestCost) {
        bestCost = cost;
        best = o;
      }
    });
    return best;
  });
}

/**
 * Spreads fingerprints over Teddy's buckets. A bucket admits every 4-byte value whose nibbles are
 * in its sets (the sets of all its fingerprints, position by position), and each admitted value
 * in the text costs a table probe: each fingerprint goes where that product grows least.
 */
export function assignBuckets(grams: readonly string[], buckets: number): number[] {
  // Per bucket: for the low and high nibble of each of the 4 bytes, the admitted values as bits.
  const sets = Array.from({length: buckets}, () => new Array<number>(8).fill(0));
  const size = (bits: number) => {
    let n = 0;
    for (let b = bits; b; b &= b - 1) n++;
    return Math.max(1, n);
  };
  const admits = (s: readonly number[]) => s.reduce((a, bits) => a * size(bits), 1);
  return grams.map((g) => {
    const add = [0, 1, 2, 3].flatMap((k) => [1 << (g.charCodeAt(k) & 15), 1 << (g.charCodeAt(k) >> 4)]);
    let best = 0;
    let bestGrowth = Infinity;
    sets.forEach((s, b) => {
      const growth = admits(s.map((bits, i) => bits | (add[i] ?? 0))) - admits(s);
      if (growth < bestGrowth) {
        bestGrowth = growth;
        best = b;
      }
    });
    const chosen = sets[best] ?? [];
    chosen.forEach((bits, i) => (chosen[i] = bits | (add[i] ?? 0)));
    return best;
  });
}
