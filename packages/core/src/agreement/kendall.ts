import { assertNotConstant, assertPairedSample } from './validate';

/** Sum over groups of equal consecutive values (in `order`) of k(k−1)/2. */
function tiedPairs(order: readonly number[], same: (i: number, j: number) => boolean): number {
  let total = 0;
  let run = 1;
  for (let k = 1; k < order.length; k++) {
    if (same(order[k - 1]!, order[k]!)) run++;
    else {
      total += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return total + (run * (run - 1)) / 2;
}

/** Stable merge sort of `a` in place, returning the number of strict inversions (i < j, a[i] > a[j]). */
function countInversions(a: number[]): number {
  const n = a.length;
  let buf = new Array<number>(n);
  let src = a;
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (src[i]! <= src[j]!) buf[k++] = src[i++]!;
        else {
          swaps += mid - i;
          buf[k++] = src[j++]!;
        }
      }
      while (i < mid) buf[k++] = src[i++]!;
      while (j < hi) buf[k++] = src[j++]!;
    }
    [src, buf] = [buf, src];
  }
  if (src !== a) for (let k = 0; k < n; k++) a[k] = src[k]!;
  return swaps;
}

/**
 * Kendall's rank correlation τ_b, which corrects for ties:
 * τ_b = (C − D) / √((N₀ − N₁)(N₀ − N₂)), N₀ = n(n−1)/2, N₁ / N₂ = pairs tied in x / in y,
 * C / D = concordant / discordant pairs (pairs tied in either are neither).
 *
 * O(n log n) by Knight's algorithm: sort by (x, y), count discordant pairs as the inversions of
 * the y sequence in a merge sort. Invariants: −1 ≤ τ_b ≤ 1, τ_b(x, y) = τ_b(y, x).
 * Requires equal lengths ≥ 2 of finite numbers, and neither sample constant (τ_b is 0/0 then),
 * else RangeError.
 * Source: M. G. Kendall, Rank Correlation Methods (1970); W. R. Knight, JASA 61 (1966) 436-439;
 * as scipy.stats.kendalltau (variant 'b').
 * @example kendallTauB([1, 2, 2, 4, 4, 6, 6, 8, 9, 9], [1, 2, 4, 4, 4, 4, 8, 8, 8, 10]) ≈ 0.85895569
 */
export function kendallTauB(x: number[], y: number[]): number {
  assertPairedSample(x, y);
  assertNotConstant(x, 'x');
  assertNotConstant(y, 'y');
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i]! - x[j]! || y[i]! - y[j]!);
  const xTies = tiedPairs(order, (i, j) => x[i] === x[j]);
  const jointTies = tiedPairs(order, (i, j) => x[i] === x[j] && y[i] === y[j]);
  const ys = order.map((i) => y[i]!);
  const discordant = countInversions(ys); // ys is now sorted
  let yTies = 0;
  let run = 1;
  for (let k = 1; k < n; k++) {
    if (ys[k] === ys[k - 1]) run++;
    else {
      yTies += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  yTies += (run * (run - 1)) / 2;
  const total = (n * (n - 1)) / 2;
  const concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  const tau = concordantMinusDiscordant / Math.sqrt((total - xTies) * (total - yTies));
  return Math.min(1, Math.max(-1, tau));
}

/**
 * Mid-ranks (1-based; tied values share the average of the ranks they span), as
 * scipy.stats.rankdata(method='average').
 * @example midRanks([10, 20, 20, 30]) → [1, 2.5, 2.5, 4]
 */
export function midRanks(values: number[]): number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`values: element ${i} must be a finite number, got ${String(v)}`);
  }
  const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // average of start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the mid-ranks of x and y
 * (the usual tie-corrected form, not 1 − 6Σd²/(n(n²−1)), which is exact only without ties).
 *
 * Invariants: −1 ≤ ρ ≤ 1, ρ(x, y) = ρ(y, x). Requires equal lengths ≥ 2 of finite numbers and
 * neither sample constant, else RangeError.
 * Source: C. Spearman (1904); as scipy.stats.spearmanr.
 * @example spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) ≈ 0.82078268166812329
 */
export function spearmanRho(x: number[], y: number[]): number {
  assertPairedSample(x, y);
  assertNotConstant(x, 'x');
  assertNotConstant(y, 'y');
  const rx = midRanks(x);
  const ry = midRanks(y);
  const n = x.length;
  const mean = (n + 1) / 2; // mid-ranks always average (n + 1) / 2
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return Math.min(1, Math.max(-1, sxy / Math.sqrt(sxx * syy)));
}
