import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  ageingPercentile,
  dailyThroughput,
  exposure,
  howManyCounts,
  percentileLines,
  referenceClassForecast,
  whenDays,
  wholeDays,
  yearsDeferred,
} from './index';

/**
 * The sum of every one of the n^d equally likely sequences of d draws from the history: the
 * definition, enumerated sequence by sequence (no convolution, no dynamic programming).
 */
const sumsCache = new Map<string, Int32Array>();
function sequenceSums(history: number[], d: number): Int32Array {
  const key = `${history.join(',')}|${d}`;
  const hit = sumsCache.get(key);
  if (hit) return hit;
  let sums = Int32Array.of(0);
  for (let i = 0; i < d; i++) {
    const next = new Int32Array(sums.length * history.length);
    let j = 0;
    for (const s of sums) for (const x of history) next[j++] = s + x;
    sums = next;
  }
  sumsCache.set(key, sums);
  return sums;
}

/** P(sum of d draws >= k), by counting sequences. */
function bruteAtLeast(history: number[], d: number, k: number): number {
  const sums = sequenceSums(history, d);
  let hit = 0;
  for (const s of sums) if (s >= k) hit++;
  return hit / sums.length;
}

const LEVELS = { p50: 0.5, p85: 0.85, p95: 0.95 } as const;

function bruteWhen(history: number[], k: number, maxD: number): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const [name, level] of Object.entries(LEVELS)) {
    for (let d = 1; d <= maxD; d++) {
      if (bruteAtLeast(history, d, k) >= level - 1e-12) {
        out[name] = d;
        break;
      }
    }
    if (out[name] === undefined) return null;
  }
  return out;
}

function bruteHowMany(history: number[], d: number) {
  const out: Record<string, number> = {};
  const max = Math.max(...history) * d;
  for (const [name, level] of Object.entries(LEVELS)) {
    let best = 0;
    for (let n = 0; n <= max; n++) if (bruteAtLeast(history, d, n) >= level - 1e-12) best = n;
    out[name] = best;
  }
  return out;
}

// LetPeopleWork Lighthouse ForecastServiceTest.cs history (REFERENCES.md).
const LIGHTHOUSE = [2, 0, 0, 5, 1, 3, 2, 4, 0, 0, 1, 1, 2, 4, 0, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0];

describe('forecasts match a brute-force enumeration on small cases', () => {
  const histories = [[0, 1], [0, 1, 2], [1, 2, 3], [0, 1, 1, 3], [0, 2, 5]];
  it.each(histories)('when, history %j, remaining 1..4', (...history) => {
    for (let k = 1; k <= 4; k++) {
      const brute = bruteWhen(history, k, history.length === 2 ? 14 : 9);
      expect(brute).not.toBeNull();
      expect(whenDays(history, k)).toEqual(brute);
    }
  });
  it.each(histories)('how many, history %j, days 1..5', (...history) => {
    for (let d = 1; d <= 5; d++) expect(howManyCounts(history, d)).toEqual(bruteHowMany(history, d));
  });
  it('random small histories agree with the enumeration (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }).filter((h) => h.some((x) => x > 0)), fc.integer({ min: 1, max: 4 }), (h, k) => {
        const brute = bruteWhen(h, k, 9);
        fc.pre(brute !== null);
        expect(whenDays(h, k)).toEqual(brute);
        expect(howManyCounts(h, k)).toEqual(bruteHowMany(h, k));
      }),
      { numRuns: 40 },
    );
  });
});

describe('forecasts: published Lighthouse windows and determinism', () => {
  it('how many in 10 and 30 days lie in the Lighthouse windows at 50/85/95%', () => {
    const ten = howManyCounts(LIGHTHOUSE, 10);
    expect(ten.p50).toBeGreaterThanOrEqual(9);
    expect(ten.p50).toBeLessThanOrEqual(11);
    expect(ten.p85).toBeGreaterThanOrEqual(5);
    expect(ten.p85).toBeLessThanOrEqual(7);
    expect(ten.p95).toBeGreaterThanOrEqual(3);
    expect(ten.p95).toBeLessThanOrEqual(5);
    expect(howManyCounts(LIGHTHOUSE, 30)).toEqual({ p50: 31, p85: 23, p95: 19 });
  });
  it('when 35 and 28 items lie in the Lighthouse windows', () => {
    const a = whenDays(LIGHTHOUSE, 35);
    expect([a.p50 >= 32 && a.p50 <= 34, a.p85 >= 40 && a.p85 <= 43, a.p95 >= 46 && a.p95 <= 49]).toEqual([true, true, true]);
    const b = whenDays(LIGHTHOUSE, 28);
    expect([b.p50 >= 26 && b.p50 <= 28, b.p85 >= 33 && b.p85 <= 36, b.p95 >= 38 && b.p95 <= 41]).toEqual([true, true, true]);
  });
  it('throughput always 1: N items take N days; d days give d items', () => {
    expect(whenDays([1], 20)).toEqual({ p50: 20, p85: 20, p95: 20 });
    expect(howManyCounts([1, 1], 7)).toEqual({ p50: 7, p85: 7, p95: 7 });
  });
  it('the same history gives the same answer every time', () => {
    const runs = Array.from({ length: 5 }, () => JSON.stringify([whenDays(LIGHTHOUSE, 20), howManyCounts(LIGHTHOUSE, 14)]));
    expect(new Set(runs).size).toBe(1);
  });
  it('refuses zero remaining items and an all-zero history', () => {
    expect(() => whenDays(LIGHTHOUSE, 0)).toThrow(RangeError);
    expect(() => whenDays([0, 0], 1)).toThrow(RangeError);
    expect(() => howManyCounts(LIGHTHOUSE, 0)).toThrow(RangeError);
  });
});

describe('daily throughput window', () => {
  it('counts the W calendar days before asOf, zero days included, asOf itself excluded', () => {
    const done = ['2026-01-01', '2026-01-03', '2026-01-03', '2026-01-05', '2025-12-31'];
    expect(dailyThroughput(done, '2026-01-05', 4)).toEqual([1, 0, 2, 0]);
    expect(dailyThroughput([], '2026-01-05', 3)).toEqual([0, 0, 0]);
    expect(() => dailyThroughput(done, '2026-01-05', 0)).toThrow(RangeError);
  });
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(wholeDays('2026-01-01', '2026-03-01')).toBe(59);
  });
});

describe('percentile lines and ageing', () => {
  it('uses numpy linear interpolation, rounded to whole days', () => {
    // numpy.percentile([1,2,3,4,10], [50,85,95]) = [3, 6.4, 8.8]
    expect(percentileLines([10, 1, 3, 2, 4])).toEqual({ p50: 3, p85: 6, p95: 9 });
    expect(percentileLines([])).toBeNull();
  });
  it('ranks an age among lead times as the share at or below it', () => {
    const lt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(ageingPercentile(lt, 0)).toBe(0);
    expect(ageingPercentile(lt, 5)).toBe(50);
    expect(ageingPercentile(lt, 10)).toBe(100);
    expect(ageingPercentile([], 5)).toBe(0);
  });
});

describe('deferred-needs exposure', () => {
  it('is (1 − (1 − p)^t) × impact with t = days / 365.25', () => {
    expect(exposure(0.2, 1, 100_000)).toBeCloseTo(20_000, 6);
    expect(exposure(0.2, 2, 100_000)).toBeCloseTo(36_000, 6);
    expect(exposure(0.2, 0, 100_000)).toBe(0);
    expect(exposure(1, 0.5, 10)).toBe(10);
    expect(yearsDeferred('2024-01-01', '2025-01-01')).toBeCloseTo(366 / 365.25, 12);
    expect(yearsDeferred('2026-01-01', '2025-01-01')).toBe(0);
  });
  it('refuses a probability outside 0–1 and a negative impact', () => {
    expect(() => exposure(1.2, 1, 1)).toThrow(/annualFailureProbability/);
    expect(() => exposure(-0.1, 1, 1)).toThrow(/annualFailureProbability/);
    expect(() => exposure(0.1, 1, -1)).toThrow(/impact/);
  });
  it('never decreases with time and never exceeds the impact (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (p, t1, dt) => {
        const a = exposure(p, t1, 1000);
        const b = exposure(p, t1 + dt, 1000);
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        expect(b).toBeLessThanOrEqual(1000 + 1e-9);
      }),
    );
  });
});

describe('reference class', () => {
  it('reads P50 and P80 of actual/estimate by linear interpolation (numpy default)', () => {
    // ratios 1.0, 1.2, 1.5, 2.0: numpy.percentile(.., 50) = 1.35, (.., 80) = 1.7
    const projects = [
      { estimateDays: 10, actualDays: 10 },
      { estimateDays: 10, actualDays: 12 },
      { estimateDays: 20, actualDays: 30 },
      { estimateDays: 5, actualDays: 10 },
    ];
    const r = referenceClassForecast(projects, 100);
    expect(r.uplift.p50).toBeCloseTo(0.35, 12);
    expect(r.uplift.p80).toBeCloseTo(0.7, 12);
    expect(r.forecastDays.p50).toBeCloseTo(135, 9);
    expect(r.forecastDays.p80).toBeCloseTo(170, 9);
    expect(() => referenceClassForecast([], 10)).toThrow(RangeError);
    expect(() => referenceClassForecast(projects, 0)).toThrow(RangeError);
  });
});
