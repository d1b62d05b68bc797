// Linear-time checks that hold on a shared, noisy machine: the same work at size N and 4N,
// best of several runs each, must not grow more than ~8× (quadratic would be ~16×).
import {expect} from 'vitest';

function best(fn: () => unknown, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/**
 * `make(n)` builds an input of about n characters; `run(input)` processes it. The small size
 * is raised (up to 256 KB) until one run takes a measurable time, so timer resolution can't fake a ratio.
 */
export function expectLinear<T>(make: (n: number) => T, run: (input: T) => unknown, start = 64 * 1024): void {
  let n = start;
  let small = make(n);
  run(small); // warm up the JIT
  let tSmall = best(() => run(small), 5);
  // Past ~1 MB, cache and memory effects (a plain regex scan already grows ~7× from 1 to 4 MB
  // here) swamp the algorithm we mean to measure: the big input stays at or under 1 MB.
  while (tSmall < 2 && n < 256 * 1024) {
    n *= 2;
    small = make(n);
    tSmall = best(() => run(small), 5);
  }
  const big = make(4 * n);
  // Another process can steal the CPU during any one measurement: a true super-linear cost
  // fails every attempt, a noisy neighbour doesn't.
  let ratio = Infinity;
  let detail = '';
  for (let attempt = 0; attempt < 3 && ratio >= 8; attempt++) {
    const tS = attempt === 0 ? tSmall : best(() => run(small), 5);
    const tB = best(() => run(big), 3);
    ratio = tB / Math.max(tS, 0.5);
    detail = `size ${n}: ${tS.toFixed(2)} ms → size ${4 * n}: ${tB.toFixed(2)} ms`;
  }
  expect(ratio, detail).toBeLessThan(8);
}
