import { assertNotConstant, assertPairedSample } from './validate';

const hyperbolic = (r: number): number => 1 / (1 + r);

/** Indices sorted by (a, then b), stable on the index: numpy.lexsort((b, a)). */
function lexOrder(a: readonly number[], b: readonly number[]): number[] {
  return a.map((_, i) => i).sort((i, j) => a[i]! - a[j]! || b[i]! - b[j]! || i - j);
}

/**
 * One direction of Vigna's weighted τ, with the rank of each element taken from the ordering of
 * (x, then y) in decreasing order (rank 0 = largest). A line-by-line port of scipy's
 * `_weightedrankedtau` (scipy/stats/_stats.pyx) with rank=None, additive=True and the
 * hyperbolic weigher, so that sums are accumulated in the same order.
 */
function weightedRankedTau(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const perm = lexOrder(x, y);
  const rank = new Array<number>(n);
  for (let i = 0; i < n; i++) rank[perm[n - 1 - i]!] = i;
  const weight = (element: number): number => hyperbolic(rank[element]!);

  // Joint ties.
  let first = 0;
  let t = 0;
  let s = weight(perm[0]!);
  for (let i = 1; i < n; i++) {
    if (x[perm[first]!] !== x[perm[i]!] || y[perm[first]!] !== y[perm[i]!]) {
      t += s * (i - first - 1);
      first = i;
      s = 0;
    }
    s += weight(perm[i]!);
  }
  t += s * (n - first - 1);

  // Ties in x.
  first = 0;
  let u = 0;
  s = weight(perm[0]!);
  for (let i = 1; i < n; i++) {
    if (x[perm[first]!] !== x[perm[i]!]) {
      u += s * (i - first - 1);
      first = i;
      s = 0;
    }
    s += weight(perm[i]!);
  }
  u += s * (n - first - 1);

  // Discordances: recursive merge sort of perm on y, weighing each exchange.
  let exchanges = 0;
  const temp = new Array<number>(n);
  const weigh = (offset: number, length: number): number => {
    if (length === 1) return weight(perm[offset]!);
    const length0 = Math.floor(length / 2);
    const length1 = length - length0;
    const middle = offset + length0;
    let residual = weigh(offset, length0);
    const total = weigh(middle, length1) + residual;
    if (y[perm[middle - 1]!]! < y[perm[middle]!]!) return total;
    let i = 0;
    let j = 0;
    let k = 0;
    while (j < length0 && k < length1) {
      if (y[perm[offset + j]!]! <= y[perm[middle + k]!]!) {
        temp[i] = perm[offset + j]!;
        residual -= weight(temp[i]!);
        j++;
      } else {
        temp[i] = perm[middle + k]!;
        exchanges += weight(temp[i]!) * (length0 - j) + residual;
        k++;
      }
      i++;
    }
    // perm[offset+i : offset+i+length0-j] = perm[offset+j : offset+length0]
    const rest = perm.slice(offset + j, offset + length0);
    for (let q = 0; q < rest.length; q++) perm[offset + i + q] = rest[q]!;
    for (let q = 0; q < i; q++) perm[offset + q] = temp[q]!;
    return total;
  };
  weigh(0, n);

  // Ties in y (perm is now sorted by y).
  first = 0;
  let v = 0;
  s = weight(perm[0]!);
  for (let i = 1; i < n; i++) {
    if (y[perm[first]!] !== y[perm[i]!]) {
      v += s * (i - first - 1);
      first = i;
      s = 0;
    }
    s += weight(perm[i]!);
  }
  v += s * (n - first - 1);

  // All pairs.
  s = 0;
  for (let i = 0; i < n; i++) s += weight(perm[i]!);
  const tot = s * (n - 1);

  const tau = (tot - (v + u - t) - 2 * exchanges) / Math.sqrt(tot - u) / Math.sqrt(tot - v);
  return Math.min(1, Math.max(-1, tau));
}

/**
 * Vigna's weighted Kendall τ with scipy.stats.weightedtau's defaults: hyperbolic weigher
 * w(r) = 1/(r + 1), additive weights (a pair at ranks r, s weighs w(r) + w(s)), and rank=True:
 * the average of the τ computed with elements ranked by decreasing (x, y) and by decreasing (y, x),
 * so exchanges among the top items count most. Ties are handled as in τ_b (pairs tied in x or y
 * are removed from the corresponding normaliser; elements tied in both x and y are ranked by
 * their index, later first, exactly as scipy's stable sort does).
 *
 * Invariants: −1 ≤ τ_w ≤ 1; τ_w(x, y) = τ_w(y, x); with a constant weigher it would be τ_b.
 * Requires equal lengths ≥ 2 of finite numbers, neither sample constant (scipy: NaN), else
 * RangeError. scipy's NaN-as-smallest rule is not supported: NaN is a RangeError.
 * Source: S. Vigna, "A weighted correlation index for rankings with ties", WWW 2015;
 * scipy.stats.weightedtau (scipy/stats/_stats.pyx `_weightedrankedtau`).
 * @example weightedTau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) ≈ -0.56694968153682723
 */
export function weightedTau(x: number[], y: number[]): number {
  assertPairedSample(x, y);
  assertNotConstant(x, 'x');
  assertNotConstant(y, 'y');
  return (weightedRankedTau(x, y) + weightedRankedTau(y, x)) / 2;
}
