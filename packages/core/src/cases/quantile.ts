/**
 * The p-quantile (0 ≤ p ≤ 1) of an ascending array by linear interpolation between order
 * statistics (numpy.percentile's default, R type 7), as `stats/percentile` but without copying
 * or sorting: the Monte Carlo results sort once and read several quantiles.
 * Infinite entries are allowed; a quantile that touches one is that infinity.
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) === 2.5
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('sorted: must not be empty');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p: must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo >= n - 1) return sorted[n - 1]!;
  const b = sorted[lo + 1]!;
  const t = h - lo;
  if (t === 0) return a;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return b === Infinity ? Infinity : a;
  return Math.min(b, Math.max(a, a + (b - a) * t));
}
