/**
 * Percentile of a sample with linear interpolation between order statistics (numpy.percentile's
 * default `method='linear'`, R type 7, Excel PERCENTILE.INC).
 *
 * With v sorted ascending and h = (n − 1)·p/100: v[⌊h⌋] + (h − ⌊h⌋)·(v[⌊h⌋+1] − v[⌊h⌋]).
 * p = 0 gives the minimum, p = 100 the maximum; monotone non-decreasing in p (the interpolated
 * value is clamped into its segment so rounding cannot break monotonicity).
 * Requires a non-empty array of finite numbers and 0 ≤ p ≤ 100, else RangeError. Does not
 * modify `values`.
 * Source: numpy.percentile; Hyndman & Fan, Am. Stat. 50 (1996) 361-365, definition 7.
 * @example percentile([1, 2, 3, 4], 50) === 2.5; percentile([15, 20, 35, 40, 50], 40) === 29
 */
export function percentile(values: number[], p: number): number {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError('values: must be a non-empty array');
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`values: element ${i} must be a finite number, got ${String(v)}`);
  }
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) throw new RangeError(`p: must be between 0 and 100, got ${String(p)}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo >= sorted.length - 1) return sorted[sorted.length - 1]!;
  const b = sorted[lo + 1]!;
  const t = h - lo;
  if (t === 0) return a;
  return Math.min(b, Math.max(a, a + (b - a) * t));
}
