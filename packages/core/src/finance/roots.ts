/**
 * Internal: all real roots of an exponential sum f(u) = Σ aᵢ·e^(−u·tᵢ) on an interval.
 *
 * NPV and XNPV are such sums with u = ln(1 + rate): NPV(rate) = Σ aᵢ (1 + rate)^(−tᵢ).
 * Roots are isolated without a starting guess, by the classical proof of Laguerre's rule of
 * signs: multiplying f by e^(u·t₀) and differentiating removes one term, the roots of f are
 * separated by the roots of that derivative, and a sum whose coefficients (ordered by t) change
 * sign at most once has at most one real root. So the recursion stops as soon as the
 * coefficients change sign at most once, which for conventional cash flows (one outflow phase,
 * then inflows) is immediately. Each isolated root is then bisected down to adjacent doubles.
 *
 * Every evaluation is scaled by the largest exponential, so nothing overflows for u in
 * [-36, 700] (1 + rate from 2e-16 to 1e304) whatever the spread of the times.
 */

/** f(u) / e^M where M = max −u·tᵢ: same sign as f(u), never overflows. */
function scaledValue(a: readonly number[], t: readonly number[], u: number): number {
  let m = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const e = -u * t[i]!;
    if (e > m) m = e;
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * Math.exp(-u * t[i]! - m);
  return s;
}

function signChanges(a: readonly number[]): number {
  let changes = 0;
  for (let i = 1; i < a.length; i++) if (a[i - 1]! < 0 !== a[i]! < 0) changes++;
  return changes;
}

/** Bisection between lo and hi (f(lo), f(hi) of opposite signs) down to adjacent doubles. */
function bisect(a: readonly number[], t: readonly number[], lo: number, hi: number, signLo: number): number {
  let l = lo;
  let h = hi;
  for (let iter = 0; iter < 4000; iter++) {
    const mid = l + (h - l) / 2;
    if (mid <= l || mid >= h) break;
    const v = scaledValue(a, t, mid);
    if (v === 0) return mid;
    if (Math.sign(v) === signLo) l = mid;
    else h = mid;
  }
  return l + (h - l) / 2;
}

function isolate(a: readonly number[], t: readonly number[], lo: number, hi: number): number[] {
  if (a.length < 2) return [];
  const changes = signChanges(a);
  if (changes === 0) return [];
  let critical: number[] = [];
  if (changes > 1) {
    // d/du [e^(u·t₀) f(u)] = Σ_{i≥1} −aᵢ (tᵢ − t₀) e^(−u (tᵢ − t₀)); normalised to avoid overflow.
    const t0 = t[0]!;
    const da: number[] = [];
    const dt: number[] = [];
    let max = 0;
    for (let i = 1; i < a.length; i++) {
      const c = -a[i]! * (t[i]! - t0);
      da.push(c);
      dt.push(t[i]! - t0);
      if (Math.abs(c) > max) max = Math.abs(c);
    }
    if (max > 0 && Number.isFinite(max)) for (let i = 0; i < da.length; i++) da[i] = da[i]! / max;
    critical = isolate(da, dt, lo, hi);
  }
  const points = [lo, hi, ...critical];
  if (lo < 0 && hi > 0) points.push(0); // so that a root at rate 0 is found exactly
  points.sort((p, q) => p - q);
  const pts: number[] = [];
  for (const p of points) if (pts.length === 0 || p > pts[pts.length - 1]!) pts.push(p);
  const vals = pts.map((u) => scaledValue(a, t, u));
  const roots: number[] = [];
  for (let i = 0; i < pts.length; i++) {
    if (vals[i] === 0) roots.push(pts[i]!);
    if (i + 1 < pts.length) {
      const v0 = vals[i]!;
      const v1 = vals[i + 1]!;
      if (v0 !== 0 && v1 !== 0 && Math.sign(v0) !== Math.sign(v1)) roots.push(bisect(a, t, pts[i]!, pts[i + 1]!, Math.sign(v0)));
    }
  }
  roots.sort((p, q) => p - q);
  return roots.filter((r, i) => i === 0 || r !== roots[i - 1]);
}

/** Smallest and largest u = ln(1 + rate) searched: rate from about -1 + 2.3e-16 to 1e304. */
export const U_MIN = -36;
export const U_MAX = 700;

/**
 * Real roots, as rates r = e^u − 1 (ascending, all > −1), of Σ amounts[i]·(1 + r)^(−times[i]).
 * Amounts at equal times are merged and zero amounts dropped.
 */
export function rateRoots(amounts: readonly number[], times: readonly number[]): number[] {
  const byTime = new Map<number, number>();
  for (let i = 0; i < amounts.length; i++) byTime.set(times[i]!, (byTime.get(times[i]!) ?? 0) + amounts[i]!);
  const ts = [...byTime.keys()].sort((p, q) => p - q);
  const a: number[] = [];
  const t: number[] = [];
  let max = 0;
  for (const time of ts) {
    const v = byTime.get(time)!;
    if (v !== 0) {
      a.push(v);
      t.push(time);
      max = Math.max(max, Math.abs(v));
    }
  }
  if (a.length < 2) return [];
  const t0 = t[0]!;
  const scaled = a.map((v) => v / max);
  const shifted = t.map((time) => time - t0);
  return isolate(scaled, shifted, U_MIN, U_MAX)
    .map(Math.expm1)
    .filter((r) => r > -1);
}

/**
 * numpy-financial's choice among several IRRs (numpy_financial.irr, v1.0+): with one root, that
 * root; if the roots have mixed signs keep those ≥ 0 (its filter `pos >= neg` compares the sum of
 * positive flows with the (negative) sum of negative flows, so it always keeps the non-negative
 * roots); then the one smallest in magnitude.
 * Net effect: the smallest non-negative root if any, else the negative root closest to zero.
 */
export function pickRate(roots: readonly number[]): number | null {
  if (roots.length === 0) return null;
  const nonNegative = roots.filter((r) => r >= 0);
  if (nonNegative.length > 0) return Math.min(...nonNegative);
  return Math.max(...roots);
}
