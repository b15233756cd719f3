import { spearmanRho } from '../agreement/kendall';

/**
 * Natural log of the gamma function (Lanczos, g = 7, n = 9), good to ~15 digits for x > 0.
 */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta (modified Lentz), as in Numerical Recipes §6.4. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularized incomplete beta I_x(a, b), 0 ≤ x ≤ 1, a, b > 0.
 * @example regularizedBeta(0.5, 2, 2) → 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x: must be in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * Two-sided p-value of Student's t with `df` degrees of freedom: P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
 * @example studentTTwoSided(0, 5) → 1
 */
export function studentTTwoSided(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`df: must be positive, got ${df}`);
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, Math.max(0, regularizedBeta(df / (df + t * t), df / 2, 0.5)));
}

export interface SpearmanResult {
  /** Spearman's ρ on mid-ranks (ties share the average rank), −1 to 1. */
  rho: number;
  /** Two-sided p-value of H0: ρ = 0 from t = ρ √((n − 2) / (1 − ρ²)) with n − 2 degrees of freedom. */
  pValue: number;
  n: number;
}

/**
 * Spearman's rank correlation with ties (average ranks) and its two-sided p-value, as
 * scipy.stats.spearmanr(x, y) (alternative='two-sided'): the t approximation with n − 2 degrees of
 * freedom; |ρ| = 1 gives p = 0. Requires n ≥ 3 (so df ≥ 1) and neither sample constant, else RangeError.
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → { rho ≈ 0.8208, pValue ≈ 0.0886, n: 5 }
 */
export function spearman(x: number[], y: number[]): SpearmanResult {
  const rho = spearmanRho(x, y);
  const n = x.length;
  if (n < 3) throw new RangeError(`x: needs at least 3 paired observations for a p-value, got ${n}`);
  const df = n - 2;
  if (Math.abs(rho) >= 1) return { rho, pValue: 0, n };
  const t = rho * Math.sqrt(df / ((1 - rho) * (1 + rho)));
  return { rho, pValue: studentTTwoSided(t, df), n };
}
