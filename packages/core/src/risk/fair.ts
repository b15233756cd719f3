/**
 * FAIR-style quantitative risk: loss magnitude as a lognormal fitted to a 90% range, loss
 * event frequency as a Poisson rate per year, annualised loss expectancy, Monte Carlo years
 * and the loss exceedance curve.
 */
import type { Rng } from '../rng';
import { normalCdf, normalQuantile } from '../stats/normal';
import { PoissonSampler, sampleNormal } from './sampling';

/** z for the 95th percentile of the standard normal: Φ⁻¹(0.95). */
export const Z95 = 1.6448536269514722;

/** A lognormal loss-magnitude distribution fitted to a 90% range. */
export interface Lognormal {
  /** Mean of ln X. */
  mu: number;
  /** Standard deviation of ln X. */
  sigma: number;
  /** E[X] = exp(mu + sigma² / 2). */
  mean: number;
  /** P(X <= x); 0 for x <= 0. */
  cdf(x: number): number;
  /** The p-quantile, exp(mu + sigma Φ⁻¹(p)); 0 at p = 0 and Infinity at p = 1. */
  quantile(p: number): number;
}

/** One loss scenario: Poisson event rate per year and the 90% range of the loss per event. */
export interface LossScenario {
  /** Expected loss events per year (a Poisson rate, not a probability: above 1 is valid). */
  frequency: number;
  /** 5th percentile of the loss per event (> 0). */
  low: number;
  /** 95th percentile of the loss per event (> low). */
  high: number;
}

function checkRange(low: number, high: number, where = ''): void {
  if (!Number.isFinite(low) || low <= 0) throw new RangeError(`${where}low: must be a finite number > 0, got ${low}`);
  if (!Number.isFinite(high) || high <= low) {
    throw new RangeError(`${where}high: must be a finite number > low (${low}), got ${high}`);
  }
}

function checkFrequency(frequency: number, where = ''): void {
  if (!Number.isFinite(frequency) || frequency < 0) {
    throw new RangeError(`${where}frequency: must be a finite rate >= 0 (events per year), got ${frequency}`);
  }
}

/**
 * Lognormal whose 5th and 95th percentiles are `low` and `high` (the FAIR / riskquant
 * "90% confidence interval" convention): mu = (ln low + ln high) / 2,
 * sigma = (ln high - ln low) / (2 × 1.6448536269514722), mean = exp(mu + sigma² / 2).
 *
 * Source: Netflix riskquant `SimpleLoss` (scipy lognorm with s = sigma, scale = exp(mu)).
 * @throws RangeError when low <= 0, high <= low or either is not finite.
 */
export function lognormalFrom90CI(low: number, high: number): Lognormal {
  checkRange(low, high);
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
  return {
    mu,
    sigma,
    mean: Math.exp(mu + (sigma * sigma) / 2),
    cdf(x: number): number {
      if (Number.isNaN(x)) throw new RangeError('x: must not be NaN');
      if (x <= 0) return 0;
      return normalCdf((Math.log(x) - mu) / sigma);
    },
    quantile(p: number): number {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`p: must be a probability in [0, 1], got ${p}`);
      if (p === 0) return 0;
      if (p === 1) return Infinity;
      return Math.exp(mu + sigma * normalQuantile(p));
    },
  };
}

/**
 * Annualised loss expectancy: frequency × E[loss per event] = rate × exp(mu + sigma² / 2),
 * with the lognormal of {@link lognormalFrom90CI}.
 *
 * Source: Netflix riskquant (rate 0.1, range [1, 10] gives 0.4040012826945718).
 * @throws RangeError on a negative or non-finite frequency or an invalid range.
 */
export function annualizedLoss(s: LossScenario): number {
  checkFrequency(s.frequency);
  return s.frequency * lognormalFrom90CI(s.low, s.high).mean;
}

/**
 * Monte Carlo of `years` independent years. For each year and scenario: N ~ Poisson(frequency)
 * events, each with an independent lognormal loss; the result holds each year's total over
 * all scenarios. Scenarios are simulated one after the other (all years of scenario 0, then
 * scenario 1, ...), so output depends only on the rng, the scenarios and their order.
 *
 * Samplers: Poisson by guide-table inversion (rate <= 1000) or Hörmann's PTRS; normals by the
 * Marsaglia–Tsang ziggurat; loss = exp(mu + sigma z).
 *
 * @throws RangeError on invalid scenarios or when `years` is not a positive integer.
 */
export function simulateAnnualLoss(scenarios: readonly LossScenario[], years: number, rng: Rng): Float64Array {
  if (!Number.isInteger(years) || years <= 0) throw new RangeError(`years: must be a positive integer, got ${years}`);
  if (!rng || typeof rng.next !== 'function') throw new RangeError('rng: an Rng is required');
  scenarios.forEach((s, i) => {
    checkFrequency(s.frequency, `scenarios[${i}].`);
    checkRange(s.low, s.high, `scenarios[${i}].`);
  });
  const totals = new Float64Array(years);
  for (const s of scenarios) {
    const lambda = s.frequency;
    if (lambda === 0) continue;
    const mu = (Math.log(s.low) + Math.log(s.high)) / 2;
    const sigma = (Math.log(s.high) - Math.log(s.low)) / (2 * Z95);
    const poisson = new PoissonSampler(lambda);
    const cdf = poisson.cdf;
    const guide = poisson.guide;
    const size = cdf.length;
    const offset = poisson.offset;
    for (let y = 0; y < years; y++) {
      let n: number;
      if (size > 0) {
        // Table inversion inlined (see PoissonSampler): one uniform, about one comparison.
        const u = rng.next();
        let i = guide[(u * size) | 0]!;
        while (cdf[i]! <= u) i++;
        n = offset + i;
        if (n === 0) continue;
      } else {
        n = poisson.sample(rng);
      }
      let sum = 0;
      for (let k = 0; k < n; k++) sum += Math.exp(mu + sigma * sampleNormal(rng));
      totals[y]! += sum;
    }
  }
  return totals;
}

/** One point of a loss exceedance curve. */
export interface ExceedancePoint {
  loss: number;
  /** P(annual loss > loss), the fraction of simulated years strictly above `loss`. */
  probability: number;
}

/** Number of points in the default loss exceedance grid. */
export const LEC_DEFAULT_POINTS = 50;

/**
 * Loss exceedance curve: for each loss x, P(annual loss > x) estimated as the fraction of
 * simulated years with a total strictly greater than x (FAIR / Hubbard convention).
 *
 * `points` defaults to 50 log-spaced losses from the smallest positive to the largest
 * simulated annual loss (a single point when they coincide, and [0] when no year had a loss).
 * Given points are returned in the given order.
 *
 * @throws RangeError on an empty or non-finite `annualLosses` or a non-finite point.
 */
export function lossExceedanceCurve(annualLosses: Float64Array, points?: readonly number[]): ExceedancePoint[] {
  const n = annualLosses.length;
  if (n === 0) throw new RangeError('annualLosses: must not be empty');
  const sorted = Float64Array.from(annualLosses).sort();
  if (!Number.isFinite(sorted[0]!) || !Number.isFinite(sorted[n - 1]!)) {
    throw new RangeError('annualLosses: every value must be finite');
  }
  // sort() puts NaN last, so checking the last value also catches NaN.
  let grid: readonly number[];
  if (points) {
    points.forEach((x, i) => {
      if (!Number.isFinite(x)) throw new RangeError(`points[${i}]: must be finite, got ${x}`);
    });
    grid = points;
  } else {
    const max = sorted[n - 1]!;
    const first = upperBound(sorted, 0);
    if (first === n || max <= 0) {
      grid = [0];
    } else {
      const min = sorted[first]!;
      if (min === max) {
        grid = [min];
      } else {
        const lmin = Math.log(min);
        const step = (Math.log(max) - lmin) / (LEC_DEFAULT_POINTS - 1);
        const g: number[] = [min];
        for (let i = 1; i < LEC_DEFAULT_POINTS - 1; i++) {
          // Clamped so rounding can never make the grid step backwards or pass the maximum.
          g.push(Math.min(max, Math.max(g[i - 1]!, Math.exp(lmin + i * step))));
        }
        g.push(max);
        grid = g;
      }
    }
  }
  return grid.map((loss) => ({ loss, probability: (n - upperBound(sorted, loss)) / n }));
}

/** Index of the first element > x in an ascending array (n when none). */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
