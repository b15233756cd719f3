/**
 * Throughput-forecast benchmark: forecastWhen for 200 items on a 90-day history, exact
 * (dynamic programming) and simulated (10,000 trials), medians of repeated runs after a
 * warm-up. Baseline measured in the same run: sorting a 10,000-element Float64Array of
 * uniform values (a fixed, well-known amount of work), so ratios travel between machines.
 * Prints ONE JSON object.
 *
 * Run: npx tsx bench/core/forecast.bench.ts
 */
import { createRng, forecastWhen } from '@tandem/core';

const ITEMS = 200;
const TRIALS = 10_000;
const RUNS = 31;
const WARMUP = 5;

// 90 days: the three 31-day team histories of the LetPeopleWork Lighthouse demo data, truncated.
const history = [
  2, 0, 0, 5, 1, 3, 2, 4, 0, 0, 1, 1, 2, 4, 0, 0, 0, 1, 0, 1, 2, 0, 0, 1, 0, 2, 0, 1, 2, 0, 0,
  1, 0, 0, 4, 2, 3, 1, 5, 0, 0, 2, 1, 3, 5, 0, 0, 0, 2, 0, 2, 3, 0, 1, 3, 0, 1, 0, 2, 3, 0, 0,
  2, 1, 0, 4, 3, 2, 2, 4, 0, 0, 1, 1, 3, 4, 0, 0, 0, 2, 0, 2, 3, 0, 1, 0, 1, 0, 0, 1,
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: (i: number) => unknown): { medianMs: number; firstMs: number } {
  const t0 = performance.now();
  fn(-1);
  const firstMs = performance.now() - t0;
  for (let i = 0; i < WARMUP; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return { medianMs: median(times), firstMs };
}

const baselineRng = createRng('baseline');
const baseline = time(() => {
  const a = new Float64Array(10_000);
  for (let i = 0; i < a.length; i++) a[i] = baselineRng.next();
  return a.sort();
});
const exact = time(() => forecastWhen(history, ITEMS));
const simulate = time((i) => forecastWhen(history, ITEMS, { method: 'simulate', trials: TRIALS, rng: createRng(i) }));

const e = forecastWhen(history, ITEMS);
const s = forecastWhen(history, ITEMS, { method: 'simulate', trials: TRIALS, rng: createRng(1) });
const r = (x: number): number => Math.round(x * 1000) / 1000;

console.log(
  JSON.stringify({
    name: 'core.forecast',
    items: ITEMS,
    historyDays: history.length,
    trials: TRIALS,
    runs: RUNS,
    exactMedianMs: r(exact.medianMs),
    simulateMedianMs: r(simulate.medianMs),
    exactFirstCallMs: r(exact.firstMs),
    simulateFirstCallMs: r(simulate.firstMs),
    baseline: 'fill + sort a 10,000-element Float64Array',
    baselineMedianMs: r(baseline.medianMs),
    exactVsBaseline: r(exact.medianMs / baseline.medianMs),
    simulateVsBaseline: r(simulate.medianMs / baseline.medianMs),
    budgetMs: 50,
    exactPercentiles: [e.p50, e.p70, e.p85, e.p95],
    simulatePercentiles: [s.p50, s.p70, s.p85, s.p95],
    node: process.version,
  }),
);
