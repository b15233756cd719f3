/**
 * Throughput forecasting ("how many items by a date", "when will N items be done") from a
 * history of daily completed-item counts, zero days included, resampled with replacement.
 *
 * Two methods give the same distribution:
 * - 'exact' (default): the distribution of the sum of d i.i.d. draws from the empirical
 *   throughput distribution, by repeated convolution; for "when", dynamic programming over the
 *   running sum capped at N. Exact results never move between two runs.
 * - 'simulate': Monte Carlo trials driven by an explicit {@link Rng} (10,000 by default).
 */
import type { Rng } from '../rng';

/** A forecast: four percentiles and the full distribution behind them. */
export interface Forecast {
  p50: number;
  p70: number;
  p85: number;
  p95: number;
  /**
   * forecastHowMany: P(total >= x), the chance of at least x items.
   * forecastWhen: P(done on or before day x).
   */
  likelihood(x: number): number;
}

/** Options shared by both forecasts. */
export interface ForecastOptions {
  /** 'exact' (default) or 'simulate'. */
  method?: 'exact' | 'simulate';
  /** Monte Carlo trials for 'simulate' (default 10,000). */
  trials?: number;
  /** Required for 'simulate'; ignored by 'exact'. */
  rng?: Rng;
}

/** Options for {@link forecastWhen}. */
export interface WhenOptions extends ForecastOptions {
  /** Hard cap on the days forecast (default 36,500, a century of working days). */
  maxDays?: number;
}

/** Default Monte Carlo trials. */
export const FORECAST_DEFAULT_TRIALS = 10_000;
/** Default cap on forecast days for {@link forecastWhen}. */
export const FORECAST_DEFAULT_MAX_DAYS = 36_500;
/** forecastWhen (exact) stops once P(done) reaches 1 - this. */
export const COMPLETION_TOLERANCE = 1e-12;
/**
 * Probabilities within this of a percentile's threshold count as reaching it, so that
 * floating-point rounding in the convolution (about 1e-15) cannot move a percentile.
 */
export const PERCENTILE_TOLERANCE = 1e-9;

const LEVELS = [0.5, 0.7, 0.85, 0.95] as const;

/** The empirical throughput distribution: distinct daily values and their frequencies. */
interface Empirical {
  values: Int32Array;
  probs: Float64Array;
  max: number;
  history: Int32Array;
}

function empirical(history: readonly number[]): Empirical {
  if (!Array.isArray(history) || history.length === 0) {
    throw new RangeError('history: must be a non-empty array of daily throughput counts');
  }
  const counts = new Map<number, number>();
  let max = 0;
  history.forEach((x, i) => {
    if (!Number.isInteger(x) || x < 0 || x > 0x7fffffff) {
      throw new RangeError(`history[${i}]: must be a whole number of items >= 0, got ${x}`);
    }
    counts.set(x, (counts.get(x) ?? 0) + 1);
    if (x > max) max = x;
  });
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const values = Int32Array.from(keys);
  const probs = Float64Array.from(keys, (k) => counts.get(k)! / history.length);
  return { values, probs, max, history: Int32Array.from(history) };
}

function checkOptions(options: ForecastOptions | undefined): { simulate: boolean; trials: number; rng: Rng | undefined } {
  const method = options?.method ?? 'exact';
  if (method !== 'exact' && method !== 'simulate') {
    throw new RangeError(`options.method: must be 'exact' or 'simulate', got ${String(method)}`);
  }
  const trials = options?.trials ?? FORECAST_DEFAULT_TRIALS;
  if (!Number.isInteger(trials) || trials <= 0) throw new RangeError(`options.trials: must be a positive integer, got ${trials}`);
  const rng = options?.rng;
  if (method === 'simulate' && (!rng || typeof rng.next !== 'function')) {
    throw new RangeError("options.rng: an Rng is required with method 'simulate'");
  }
  return { simulate: method === 'simulate', trials, rng };
}

function checkQuery(x: number): void {
  if (Number.isNaN(x)) throw new RangeError('x: must not be NaN');
}

/** tail[k] = P(total >= k) from a pmf over 0..len-1, summed from the top for accuracy. */
function tailFromPmf(pmf: Float64Array): Float64Array {
  const tail = new Float64Array(pmf.length);
  let acc = 0;
  for (let k = pmf.length - 1; k >= 0; k--) {
    acc += pmf[k]!;
    tail[k] = acc;
  }
  return tail;
}

function howManyForecast(tail: Float64Array): Forecast {
  // pXX = the largest k with P(total >= k) >= XX%.
  const at = (q: number): number => {
    for (let k = tail.length - 1; k > 0; k--) if (tail[k]! >= q - PERCENTILE_TOLERANCE) return k;
    return 0;
  };
  const [p50, p70, p85, p95] = LEVELS.map(at) as [number, number, number, number];
  return {
    p50,
    p70,
    p85,
    p95,
    likelihood(x: number): number {
      checkQuery(x);
      const k = Math.ceil(x);
      if (k <= 0) return 1;
      if (k >= tail.length) return 0;
      return Math.min(1, tail[k]!);
    },
  };
}

/**
 * How many items will be done in the next `days` days: the distribution of the sum of `days`
 * independent draws (with replacement) from the daily throughput history, zero days included.
 *
 * Percentiles read from the top, "with probability p, at least k items": pXX is the largest k
 * with P(total >= k) >= XX%. `likelihood(x)` = P(total >= x).
 *
 * Exact (default) convolves the empirical distribution `days` times (O(days² × max × distinct
 * values)); 'simulate' sums `days` draws in each of `trials` trials using `options.rng`.
 * Source: LetPeopleWork Lighthouse / Vacanti's throughput Monte Carlo; the exact form is the
 * same distribution without sampling error.
 *
 * @throws RangeError on an empty history, a negative or fractional count, a negative or
 *   fractional `days`, or 'simulate' without an rng.
 */
export function forecastHowMany(history: readonly number[], days: number, options?: ForecastOptions): Forecast {
  const emp = empirical(history);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days: must be a whole number >= 0, got ${days}`);
  const opts = checkOptions(options);
  const maxSum = days * emp.max;
  if (!Number.isSafeInteger(maxSum) || maxSum > 1e8) throw new RangeError(`days: days × max throughput (${maxSum}) is too large`);

  if (opts.simulate) {
    const rng = opts.rng!;
    const h = emp.history;
    const n = h.length;
    const counts = new Float64Array(maxSum + 1);
    for (let t = 0; t < opts.trials; t++) {
      let total = 0;
      for (let d = 0; d < days; d++) total += h[(rng.next() * n) | 0]!;
      counts[total]!++;
    }
    for (let k = 0; k <= maxSum; k++) counts[k]! /= opts.trials;
    return howManyForecast(tailFromPmf(counts));
  }

  const { values, probs } = emp;
  const m = values.length;
  let dist = new Float64Array(maxSum + 1);
  let next = new Float64Array(maxSum + 1);
  dist[0] = 1;
  let top = 0; // highest reachable sum so far
  for (let d = 0; d < days; d++) {
    next.fill(0, 0, top + emp.max + 1);
    for (let s = 0; s <= top; s++) {
      const mass = dist[s]!;
      if (mass === 0) continue;
      for (let j = 0; j < m; j++) next[s + values[j]!]! += mass * probs[j]!;
    }
    top += emp.max;
    const swap = dist;
    dist = next;
    next = swap;
  }
  return howManyForecast(tailFromPmf(dist));
}

function whenForecast(cdf: Float64Array): Forecast {
  // cdf[t] = P(done on or before day t), t = 0..len-1. pXX = the smallest t with cdf[t] >= XX%.
  const at = (q: number): number => {
    for (let t = 0; t < cdf.length; t++) if (cdf[t]! >= q - PERCENTILE_TOLERANCE) return t;
    return Infinity;
  };
  const [p50, p70, p85, p95] = LEVELS.map(at) as [number, number, number, number];
  return {
    p50,
    p70,
    p85,
    p95,
    likelihood(x: number): number {
      checkQuery(x);
      const t = Math.floor(x);
      if (t < 0) return 0;
      return Math.min(1, cdf[Math.min(t, cdf.length - 1)]!);
    },
  };
}

/**
 * When will `items` items be done: the number of days until the running sum of daily draws
 * (with replacement from the history, zero days included) reaches `items`.
 *
 * Percentiles read "with probability p, on or before day t": pXX is the smallest day t with
 * P(done by day t) >= XX%. `likelihood(x)` = P(done on or before day x). Day 0 is today
 * (only `items` = 0 is done by then).
 *
 * Exact (default): dynamic programming over the running sum capped at `items`, one day at a
 * time (O(items × distinct values) per day), until P(done) >= 1 - 1e-12 or `maxDays`.
 * 'simulate': `trials` trials using `options.rng`, each stopped at `maxDays`.
 * Beyond the last computed day `likelihood` returns the last value (within 1e-12 of 1).
 *
 * @throws RangeError on an empty or all-zero history (nothing would ever be done), a bad
 *   count, a negative or fractional `items`, 'simulate' without an rng, or when even the
 *   95th percentile lies beyond `maxDays`.
 */
export function forecastWhen(history: readonly number[], items: number, options?: WhenOptions): Forecast {
  const emp = empirical(history);
  if (!Number.isInteger(items) || items < 0) throw new RangeError(`items: must be a whole number >= 0, got ${items}`);
  const opts = checkOptions(options);
  const maxDays = options?.maxDays ?? FORECAST_DEFAULT_MAX_DAYS;
  if (!Number.isInteger(maxDays) || maxDays <= 0 || maxDays > 10_000_000) {
    throw new RangeError(`options.maxDays: must be an integer in [1, 10,000,000], got ${maxDays}`);
  }
  if (emp.max === 0) {
    throw new RangeError('history: every day has zero throughput, so no number of days completes any item');
  }
  if (items === 0) return whenForecast(Float64Array.of(1));

  let cdf: Float64Array;
  if (opts.simulate) {
    const rng = opts.rng!;
    const h = emp.history;
    const n = h.length;
    const byDay = new Float64Array(maxDays + 1);
    let longest = 0;
    for (let t = 0; t < opts.trials; t++) {
      let sum = 0;
      let day = 0;
      while (sum < items && day < maxDays) {
        sum += h[(rng.next() * n) | 0]!;
        day++;
      }
      if (sum >= items) {
        byDay[day]!++;
        if (day > longest) longest = day;
      }
    }
    cdf = new Float64Array(longest + 1);
    let acc = 0;
    for (let d = 0; d <= longest; d++) {
      acc += byDay[d]!;
      cdf[d] = acc / opts.trials;
    }
  } else {
    cdf = exactWhenCdf(emp, items, maxDays);
  }
  if (cdf[cdf.length - 1]! < LEVELS[3] - PERCENTILE_TOLERANCE) {
    throw new RangeError(`options.maxDays: ${items} items are less than 95% likely within ${maxDays} days`);
  }
  return whenForecast(cdf);
}

/** cdf[t] = P(running sum >= items by day t), t = 0, 1, ... until 1 - 1e-12 or maxDays. */
function exactWhenCdf(emp: Empirical, items: number, maxDays: number): Float64Array {
  const { values, probs } = emp;
  const m = values.length;
  let state = new Float64Array(items);
  let next = new Float64Array(items);
  state[0] = 1;
  const out: number[] = [0];
  let done = 0;
  let lo = 0; // no mass below lo
  let hi = 0; // no mass above hi
  for (let day = 1; day <= maxDays; day++) {
    const newHi = Math.min(items - 1, hi + emp.max);
    next.fill(0, lo, newHi + 1);
    for (let s = lo; s <= hi; s++) {
      const mass = state[s]!;
      if (mass === 0) continue;
      for (let j = 0; j < m; j++) {
        const to = s + values[j]!;
        if (to >= items) done += mass * probs[j]!;
        else next[to]! += mass * probs[j]!;
      }
    }
    const swap = state;
    state = next;
    next = swap;
    hi = newHi;
    // Masses that have fallen below 1e-300 are flushed to zero (avoids denormal arithmetic).
    while (lo <= hi && state[lo]! < 1e-300) state[lo++] = 0;
    out.push(done);
    if (done >= 1 - COMPLETION_TOLERANCE || lo > hi) break;
  }
  return Float64Array.from(out);
}
