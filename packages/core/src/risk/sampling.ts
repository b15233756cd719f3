/**
 * Random variate generators used by the risk simulations. Every draw comes from `rng.next()`,
 * so a seeded {@link Rng} reproduces every simulation exactly.
 *
 * Internal module: the public API is in `./fair` and `./pert`.
 */
import type { Rng } from '../rng';

// Ziggurat tables for the standard normal: 128 layers, R and V from Marsaglia & Tsang (2000),
// layout of Doornik's ZIGNOR (2005). X[i] is the right edge of layer i (X[1] = R, X[128] = 0;
// X[0] = V / f(R) is the pseudo-width of the base layer that includes the tail); RATIO[i] =
// X[i+1] / X[i] is the fraction of layer i lying wholly under the density.
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
const ZIG_RATIO = new Float64Array(ZIG_LAYERS);
{
  let f = Math.exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[ZIG_LAYERS] = 0;
  for (let i = 2; i < ZIG_LAYERS; i++) {
    const x = Math.sqrt(-2 * Math.log(ZIG_V / ZIG_X[i - 1]! + f));
    ZIG_X[i] = x;
    f = Math.exp(-0.5 * x * x);
  }
  for (let i = 0; i < ZIG_LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1]! / ZIG_X[i]!;
}

/**
 * One standard normal draw by the ziggurat method of G. Marsaglia & W. W. Tsang, "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Software 5(8) (2000), in the ZIGNOR form of
 * J. A. Doornik (2005), which draws the layer index and the abscissa from disjoint bits.
 *
 * One `rng.next()` gives both: t = 128 u, layer = floor(t), abscissa from the fractional part
 * (so with a 32-bit generator the abscissa has 25 bits, 2^-24 of the layer width). About 98.8%
 * of draws return after that single uniform and one multiplication; wedges and the tail
 * (|z| > 3.44, Marsaglia's exponential method) use fresh uniforms. Stateless: no cached spare.
 */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const t = rng.next() * ZIG_LAYERS;
    const i = t | 0;
    const u = 2 * (t - i) - 1;
    if (Math.abs(u) < ZIG_RATIO[i]!) return u * ZIG_X[i]!;
    if (i === 0) {
      // Tail beyond R: Marsaglia (1964), x = -ln(U1)/R accepted when -2 ln(U2) >= x².
      let x: number;
      let y: number;
      do {
        x = Math.log(1 - rng.next()) / ZIG_R;
        y = Math.log(1 - rng.next());
      } while (-2 * y < x * x);
      return u < 0 ? x - ZIG_R : ZIG_R - x;
    }
    const xi = ZIG_X[i]!;
    const xi1 = ZIG_X[i + 1]!;
    const x = u * xi;
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
    if (f1 + rng.next() * (f0 - f1) < 1) return x;
  }
}

const LOG_2PI_HALF = 0.9189385332046728; // 0.5 * ln(2π)
// Stirling-series coefficients for ln Γ(x) (as numpy's random_loggam).
const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
] as const;

/** ln Γ(x) for x > 0 by the Stirling series after shifting x up to at least 7 (numpy's `random_loggam`). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM_A[k]!;
  let gl = gl0 / x0 + LOG_2PI_HALF + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    x0 -= 1;
    gl -= Math.log(x0);
  }
  return gl;
}

/** Rates up to this use table inversion; above it, PTRS. */
export const POISSON_TABLE_LIMIT = 1000;

/**
 * Poisson(lambda) variates, built once per rate and drawn many times.
 *
 * - lambda <= 1000: inversion with an indexed ("guide table") search, C. Chen & K. Asau, "On
 *   generating random variates from an empirical distribution", AIIE Trans. 6 (1974) 163-166.
 *   The pmf is tabulated over [lambda - 12√lambda - 24, lambda + 12√lambda + 24] (the mass
 *   outside is below 1e-30), built outward from the mode by the ratio recurrence and
 *   normalised, the last cdf entry set to exactly 1. One uniform per draw, about one
 *   comparison.
 * - lambda > 1000: PTRS, the transformed rejection with squeeze of W. Hörmann, "The
 *   transformed rejection method for generating Poisson random variables", Insurance:
 *   Mathematics and Economics 12 (1993) 39-45, constants as in the paper (and numpy).
 */
export class PoissonSampler {
  readonly lambda: number;
  /** Smallest value in the table. */
  readonly offset: number;
  /** cdf[i] = P(N <= offset + i); the last entry is 1. Empty when PTRS is used. */
  readonly cdf: Float64Array;
  /** guide[j] = the first i with cdf[i] > j / cdf.length (plus one spare entry). */
  readonly guide: Int32Array;
  private readonly logLambda: number;
  private readonly a: number;
  private readonly b: number;
  private readonly vr: number;
  private readonly logInvAlpha: number;

  /** @param lambda a finite rate >= 0 (validated by callers). */
  constructor(lambda: number) {
    this.lambda = lambda;
    const slam = Math.sqrt(lambda);
    this.logLambda = Math.log(lambda);
    this.b = 0.931 + 2.53 * slam;
    this.a = -0.059 + 0.02483 * this.b;
    this.logInvAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
    if (lambda > POISSON_TABLE_LIMIT) {
      this.offset = 0;
      this.cdf = new Float64Array(0);
      this.guide = new Int32Array(0);
      return;
    }
    const lo = Math.max(0, Math.floor(lambda - 12 * slam - 24));
    const hi = Math.ceil(lambda + 12 * slam + 24);
    const mode = Math.floor(lambda);
    const pmf = new Float64Array(hi - lo + 1);
    pmf[mode - lo] = 1;
    for (let k = mode; k < hi; k++) pmf[k + 1 - lo] = (pmf[k - lo]! * lambda) / (k + 1);
    for (let k = mode; k > lo; k--) pmf[k - 1 - lo] = (pmf[k - lo]! * k) / lambda;
    let total = 0;
    for (const x of pmf) total += x;
    const cdf = new Float64Array(pmf.length);
    let acc = 0;
    for (let i = 0; i < pmf.length; i++) {
      acc += pmf[i]!;
      cdf[i] = acc / total;
    }
    cdf[cdf.length - 1] = 1;
    const g = cdf.length;
    // One spare entry: u × g can round up to g when u is within 2^-53 of 1.
    const guide = new Int32Array(g + 1);
    let i = 0;
    for (let j = 0; j < g; j++) {
      while (cdf[i]! <= j / g) i++;
      guide[j] = i;
    }
    guide[g] = g - 1;
    this.offset = lo;
    this.cdf = cdf;
    this.guide = guide;
  }

  /** One draw. */
  sample(rng: Rng): number {
    if (this.lambda === 0) return 0;
    const cdf = this.cdf;
    if (cdf.length > 0) {
      const u = rng.next();
      let i = this.guide[(u * cdf.length) | 0]!;
      while (cdf[i]! <= u) i++;
      return this.offset + i;
    }
    return this.ptrs(rng);
  }

  private ptrs(rng: Rng): number {
    const { lambda, a, b, vr, logInvAlpha, logLambda } = this;
    for (;;) {
      const u = rng.next() - 0.5;
      const v = rng.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logGamma(k + 1)) {
        return k;
      }
    }
  }
}

/**
 * One Gamma(shape, 1) variate by G. Marsaglia & W. W. Tsang, "A simple method for generating
 * gamma variables", ACM TOMS 26 (2000) 363-372. For shape < 1 it uses their boost:
 * Gamma(shape) = Gamma(shape + 1) * U^(1/shape).
 */
export function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) {
    const g = sampleGamma(shape + 1, rng);
    let u = rng.next();
    while (u === 0) u = rng.next();
    return g * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Beta(alpha, beta) variate as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, rng: Rng): number {
  const x = sampleGamma(alpha, rng);
  const y = sampleGamma(beta, rng);
  const s = x + y;
  return s === 0 ? (alpha >= beta ? 1 : 0) : x / s;
}
