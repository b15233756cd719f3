/**
 * Forecast benchmark: "when will 500 remaining requests be done" (exact, 50/85/95%) from a 365-day
 * window of daily throughput (about 2 a day, zero days included), medians of repeated runs after a
 * warm-up; also "how many in 90 days" from the same window. Baseline in the same run: the Monte
 * Carlo forecast of the same question with 10,000 trials (what Lighthouse-style tools do), so the
 * ratio says what exactness costs. Budget: 50 ms. Prints ONE JSON object.
 *
 * Run: npx tsx bench/requests/forecast.bench.ts
 */
import { createRng, dailyThroughput, forecastWhen, howManyCounts, whenDays } from '@tandem/core';

const RUNS = 21;
const WARMUP = 3;
const rng = createRng('requests-forecast-bench');
const done: string[] = [];
for (let d = 1; d <= 365; d++) {
  const n = rng.next() < 0.3 ? 0 : Math.floor(rng.next() * 5);
  for (let k = 0; k < n; k++) done.push(new Date(Date.UTC(2026, 10, 28) - d * 86_400_000).toISOString().slice(0, 10));
}
const history = dailyThroughput(done, '2026-11-28', 365);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const answer = whenDays(history, 500);
const again = whenDays(history, 500);
const whenMs = time(() => whenDays(history, 500));
const howManyMs = time(() => howManyCounts(history, 90));
const simMs = time(() => forecastWhen(history, 500, { method: 'simulate', rng: createRng(1), trials: 10_000 }));
const r = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    name: 'requests.forecast',
    windowDays: 365,
    remaining: 500,
    doneInWindow: done.length,
    answerDays: answer,
    identicalBetweenRuns: JSON.stringify(answer) === JSON.stringify(again),
    runs: RUNS,
    whenMedianMs: r(whenMs),
    howMany90DaysMedianMs: r(howManyMs),
    baseline: 'Monte Carlo forecastWhen, 10,000 trials, same history',
    baselineMedianMs: r(simMs),
    ratio: r(whenMs / simMs),
    budgetMs: 50,
    met: whenMs < 50,
  }),
);
