/**
 * Flow analytics of requests and the deferred-needs ledger: whole-day arithmetic on ISO dates,
 * daily throughput over a window, percentile lines, ageing ranks, and the exposure of a deferred
 * IT need. Pure: the caller passes `asOf`; nothing reads a clock.
 */
import { forecastHowMany, forecastWhen } from '../forecasting';
import { referenceClassUplift } from '../forecasting';
import { percentile } from '../stats';
import { dayNumber, isoDate } from '../strategy/dates';

/** Signed whole days from `from` to `to` (ISO dates or date-times; the date part counts). */
export function wholeDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The confidence levels every forecast in Tandem answers at. */
export const FORECAST_LEVELS = [0.5, 0.85, 0.95] as const;

/** ISO date `iso` plus `days` whole days. */
export function addDays(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}

/**
 * Daily throughput over the `windowDays` calendar days before `asOf` (asOf − W … asOf − 1):
 * out[i] is how many of `doneDates` fall on day asOf − W + i. Days with nothing done are 0;
 * dates outside the window are ignored.
 */
export function dailyThroughput(doneDates: readonly string[], asOf: string, windowDays: number): number[] {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays: must be a whole number >= 1, got ${windowDays}`);
  const start = dayNumber(asOf) - windowDays;
  const out = new Array<number>(windowDays).fill(0);
  for (const d of doneDates) {
    const i = dayNumber(d) - start;
    if (i >= 0 && i < windowDays) out[i]!++;
  }
  return out;
}

export interface LevelAnswer {
  p50: number;
  p85: number;
  p95: number;
}

/**
 * "When will `remaining` items be done": for each level, the smallest d >= 1 with
 * P(at least `remaining` done within d days) >= level, daily throughput drawn independently
 * from `history` (exact dynamic programming, no sampling: the same history always gives the
 * same days). Throws RangeError when the history has no completions or remaining < 1.
 */
export function whenDays(history: readonly number[], remaining: number): LevelAnswer {
  if (!Number.isInteger(remaining) || remaining < 1) throw new RangeError(`remaining: must be a whole number >= 1, got ${remaining}`);
  const f = forecastWhen(history, remaining, { method: 'exact' });
  return { p50: f.p50, p85: f.p85, p95: f.p95 };
}

/**
 * "How many items by day `days`": for each level, the largest n with P(done >= n) >= level
 * (exact convolution of `days` independent daily draws from `history`).
 */
export function howManyCounts(history: readonly number[], days: number): LevelAnswer {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days: must be a whole number >= 1, got ${days}`);
  const f = forecastHowMany(history, days, { method: 'exact' });
  return { p50: f.p50, p85: f.p85, p95: f.p95 };
}

/** The 50th/85th/95th percentiles (numpy linear) of whole-day durations, rounded to whole days; null when empty. */
export function percentileLines(days: readonly number[]): LevelAnswer | null {
  if (days.length === 0) return null;
  const v = [...days];
  return { p50: Math.round(percentile(v, 50)), p85: Math.round(percentile(v, 85)), p95: Math.round(percentile(v, 95)) };
}

/**
 * Where an open request's age stands among the historical lead times: the percentage (0–100,
 * whole) of completed lead times that are <= `ageDays`. 0 when there is no history.
 * 85 or more means the request is already older than 85% of everything ever delivered.
 */
export function ageingPercentile(sortedLeadTimes: ArrayLike<number>, ageDays: number): number {
  const n = sortedLeadTimes.length;
  if (n === 0) return 0;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedLeadTimes[mid]! <= ageDays) lo = mid + 1;
    else hi = mid;
  }
  return Math.round((100 * lo) / n);
}

/** Years an IT need has been deferred: calendar days / 365.25 (0 before the deferral date). */
export function yearsDeferred(deferredAt: string, asOf: string): number {
  return Math.max(0, dayNumber(asOf) - dayNumber(deferredAt)) / 365.25;
}

/**
 * Exposure of a deferred need after `years` deferred: the probability it has failed at least
 * once, 1 − (1 − p)^t, times the impact of a failure. Throws RangeError on p outside [0, 1],
 * a negative impact or negative years.
 * @example exposure(0.2, 1, 100_000) === 20_000; exposure(0.2, 2, 100_000) === 36_000
 */
export function exposure(annualFailureProbability: number, years: number, impact: number): number {
  const p = annualFailureProbability;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`annualFailureProbability: must be in [0, 1], got ${p}`);
  if (!(years >= 0) || !Number.isFinite(years)) throw new RangeError(`years: must be >= 0, got ${years}`);
  if (!(impact >= 0) || !Number.isFinite(impact)) throw new RangeError(`impact: must be >= 0, got ${impact}`);
  return (1 - Math.pow(1 - p, years)) * impact;
}

/**
 * Reference-class forecast (Flyvbjerg): quantiles P50 and P80 of the actual/estimate ratios
 * (numpy linear interpolation), expressed as uplifts (ratio − 1) and as forecast days for an
 * estimate of `estimateDays`.
 */
export function referenceClassForecast(
  projects: readonly { estimateDays: number; actualDays: number }[],
  estimateDays: number,
): { uplift: { p50: number; p80: number }; forecastDays: { p50: number; p80: number } } {
  if (!(estimateDays > 0) || !Number.isFinite(estimateDays)) throw new RangeError(`estimateDays: must be > 0, got ${estimateDays}`);
  const ratios = projects.map((p) => p.actualDays / p.estimateDays);
  const u50 = referenceClassUplift(ratios, 0.5);
  const u80 = referenceClassUplift(ratios, 0.8);
  return { uplift: { p50: u50, p80: u80 }, forecastDays: { p50: estimateDays * (1 + u50), p80: estimateDays * (1 + u80) } };
}
