import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import { forecastHowMany, forecastWhen, type Forecast } from './index';

// LetPeopleWork Lighthouse, Lighthouse.Backend/Lighthouse.Backend.Tests/Services/Implementation/
// Forecast/ForecastServiceTest.cs: the 31-day history and the accepted windows of its tests
// (HowMany_FixedThroughputAndSimulatedDays, HowMany_RealData_RunRealForecast,
// When_FixedThroughputAndRemainingDays, When_RealData_RunRealForecast).
const LIGHTHOUSE = [2, 0, 0, 5, 1, 3, 2, 4, 0, 0, 1, 1, 2, 4, 0, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0];

type Window = [number, number];
const percentiles = (f: Forecast): number[] => [f.p50, f.p70, f.p85, f.p95];
function expectWithin(f: Forecast, windows: Window[]): void {
  percentiles(f).forEach((p, i) => {
    expect(p).toBeGreaterThanOrEqual(windows[i]![0]);
    expect(p).toBeLessThanOrEqual(windows[i]![1]);
  });
}

describe('forecastHowMany: Lighthouse golden windows', () => {
  const cases: [number, Window[]][] = [
    [10, [[9, 11], [7, 9], [5, 7], [3, 5]]],
    [30, [[30, 33], [27, 29], [23, 25], [19, 21]]],
  ];

  it.each(cases)('exact, %d days', (days, windows) => {
    const f = forecastHowMany(LIGHTHOUSE, days);
    expectWithin(f, windows);
  });

  it('exact values (regression): 10 days 10/8/6/4, 30 days 31/27/23/19', () => {
    expect(percentiles(forecastHowMany(LIGHTHOUSE, 10))).toEqual([10, 8, 6, 4]);
    expect(percentiles(forecastHowMany(LIGHTHOUSE, 30))).toEqual([31, 27, 23, 19]);
  });

  it.each(cases.flatMap(([d, w]) => [1, 2, 3, 4, 5].map((seed) => [d, w, seed] as const)))(
    'simulate, %d days, seed %d',
    (days, windows, seed) => {
      expectWithin(forecastHowMany(LIGHTHOUSE, days, { method: 'simulate', rng: createRng(seed) }), windows);
    },
  );

  it.each([1, 7, 14, 30, 90])('throughput always 1: %d days at every percentile, both methods', (d) => {
    expect(percentiles(forecastHowMany([1], d))).toEqual([d, d, d, d]);
    expect(percentiles(forecastHowMany([1, 1, 1], d, { method: 'simulate', rng: createRng(d) }))).toEqual([d, d, d, d]);
  });
});

describe('forecastWhen: Lighthouse golden windows', () => {
  const cases: [number, Window[]][] = [
    [35, [[32, 34], [36, 39], [40, 43], [46, 49]]],
    [28, [[26, 28], [29, 31], [33, 36], [38, 41]]],
  ];

  it.each(cases)('exact, %d items', (items, windows) => {
    expectWithin(forecastWhen(LIGHTHOUSE, items), windows);
  });

  it.each(cases.flatMap(([n, w]) => [1, 2, 3, 4, 5].map((seed) => [n, w, seed] as const)))(
    'simulate, %d items, seed %d',
    (items, windows, seed) => {
      expectWithin(forecastWhen(LIGHTHOUSE, items, { method: 'simulate', rng: createRng(seed) }), windows);
    },
  );

  it('28 items: likelihood of day 30 lies in [65%, 73%] (exact and simulated)', () => {
    const exact = forecastWhen(LIGHTHOUSE, 28).likelihood(30);
    const sim = forecastWhen(LIGHTHOUSE, 28, { method: 'simulate', rng: createRng(30) }).likelihood(30);
    for (const p of [exact, sim]) {
      expect(p).toBeGreaterThanOrEqual(0.65);
      expect(p).toBeLessThanOrEqual(0.73);
    }
  });

  it.each([7, 14, 30, 90])('throughput always 1: %d items done on day N at every percentile, both methods', (n) => {
    expect(percentiles(forecastWhen([1], n))).toEqual([n, n, n, n]);
    expect(percentiles(forecastWhen([1, 1], n, { method: 'simulate', rng: createRng(n) }))).toEqual([n, n, n, n]);
  });
});

describe('forecastHowMany: exact distribution', () => {
  // history [0, 1]: two days give 0, 1, 2 items with probability 1/4, 1/2, 1/4.
  const f = forecastHowMany([0, 1], 2);

  it('percentiles read "at least k with probability p"', () => {
    expect(percentiles(f)).toEqual([1, 1, 0, 0]);
  });

  it.each([
    [-1, 1],
    [0, 1],
    [0.5, 0.75],
    [1, 0.75],
    [2, 0.25],
    [3, 0],
  ])('likelihood(%d) = P(total >= x) = %d', (x, p) => {
    expect(f.likelihood(x)).toBeCloseTo(p, 14);
  });

  it('0 days: nothing is done', () => {
    const z = forecastHowMany([3, 4], 0);
    expect(percentiles(z)).toEqual([0, 0, 0, 0]);
    expect(z.likelihood(0)).toBe(1);
    expect(z.likelihood(1)).toBe(0);
  });

  it('an all-zero history forecasts zero items', () => {
    expect(percentiles(forecastHowMany([0, 0, 0], 10))).toEqual([0, 0, 0, 0]);
  });
});

describe('forecastWhen: exact distribution', () => {
  it('history [0, 1], 1 item: geometric, P(done by t) = 1 - 2^-t', () => {
    const f = forecastWhen([0, 1], 1);
    expect(percentiles(f)).toEqual([1, 2, 3, 5]);
    for (const t of [0, 1, 2, 3, 10]) expect(f.likelihood(t)).toBeCloseTo(1 - 2 ** -t, 14);
    expect(f.likelihood(2.9)).toBeCloseTo(0.75, 14);
    expect(f.likelihood(-1)).toBe(0);
  });

  it('history [0, 2], 3 items: two successes needed, P(done by t) = 1 - (t + 1) / 2^t', () => {
    const f = forecastWhen([0, 2], 3);
    expect(percentiles(f)).toEqual([3, 5, 6, 8]);
    for (const t of [1, 2, 3, 4, 5, 6, 7, 8, 20]) expect(f.likelihood(t)).toBeCloseTo(1 - (t + 1) / 2 ** t, 13);
  });

  it('0 items are done today', () => {
    const f = forecastWhen([0, 3], 0);
    expect(percentiles(f)).toEqual([0, 0, 0, 0]);
    expect(f.likelihood(0)).toBe(1);
  });

  it('far beyond the horizon the likelihood is 1 within 1e-12', () => {
    expect(forecastWhen(LIGHTHOUSE, 50).likelihood(1e6)).toBeGreaterThanOrEqual(1 - 1e-12);
  });
});

const historyArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 });

describe('properties', () => {
  it('exact and simulated (10,000 trials) agree within the DKW bound (alpha = 1e-6)', () => {
    // Dvoretzky-Kiefer-Wolfowitz (Massart): P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2).
    const trials = 10_000;
    const eps = Math.sqrt(Math.log(2 / 1e-6) / (2 * trials));
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 30 }), fc.integer(), (history, days, seed) => {
        const exact = forecastHowMany(history, days);
        const sim = forecastHowMany(history, days, { method: 'simulate', trials, rng: createRng(seed) });
        const top = days * Math.max(...history);
        for (let k = 0; k <= top + 1; k++) expect(Math.abs(exact.likelihood(k) - sim.likelihood(k))).toBeLessThanOrEqual(eps);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(
        historyArb.filter((h) => h.some((x) => x > 0)),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (history, items, seed) => {
          const exact = forecastWhen(history, items, { maxDays: 100_000 });
          const sim = forecastWhen(history, items, { method: 'simulate', trials, rng: createRng(seed), maxDays: 100_000 });
          for (let t = 0; t <= exact.p95 * 2 + 2; t++) expect(Math.abs(exact.likelihood(t) - sim.likelihood(t))).toBeLessThanOrEqual(eps);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('percentiles are ordered and likelihoods monotone', () => {
    fc.assert(
      fc.property(historyArb.filter((h) => h.some((x) => x > 0)), fc.integer({ min: 0, max: 40 }), (history, n) => {
        const hm = forecastHowMany(history, n);
        expect(hm.p50).toBeGreaterThanOrEqual(hm.p70);
        expect(hm.p70).toBeGreaterThanOrEqual(hm.p85);
        expect(hm.p85).toBeGreaterThanOrEqual(hm.p95);
        expect(hm.likelihood(hm.p85)).toBeGreaterThanOrEqual(0.85 - 1e-9);
        expect(hm.likelihood(hm.p85 + 1)).toBeLessThan(0.85);
        const w = forecastWhen(history, n);
        expect(w.p50).toBeLessThanOrEqual(w.p70);
        expect(w.p70).toBeLessThanOrEqual(w.p85);
        expect(w.p85).toBeLessThanOrEqual(w.p95);
        expect(w.likelihood(w.p85)).toBeGreaterThanOrEqual(0.85 - 1e-9);
        if (w.p85 > 0) expect(w.likelihood(w.p85 - 1)).toBeLessThan(0.85);
        for (let t = 1; t < 50; t++) expect(w.likelihood(t)).toBeGreaterThanOrEqual(w.likelihood(t - 1));
      }),
      { numRuns: 50 },
    );
  });

  it('exact never moves; simulate: same seed -> identical forecast', () => {
    fc.assert(
      fc.property(historyArb.filter((h) => h.some((x) => x > 0)), fc.integer({ min: 1, max: 30 }), fc.integer(), (history, n, seed) => {
        expect(percentiles(forecastHowMany(history, n))).toEqual(percentiles(forecastHowMany(history, n)));
        const a = forecastWhen(history, n, { method: 'simulate', trials: 500, rng: createRng(seed) });
        const b = forecastWhen(history, n, { method: 'simulate', trials: 500, rng: createRng(seed) });
        expect(percentiles(a)).toEqual(percentiles(b));
        expect(a.likelihood(n)).toBe(b.likelihood(n));
      }),
      { numRuns: 30 },
    );
  });
});

describe('bad input', () => {
  it.each([
    [() => forecastHowMany([], 10), /history/],
    [() => forecastHowMany([1, -1], 10), /history\[1\]/],
    [() => forecastHowMany([1, 1.5], 10), /history\[1\]/],
    [() => forecastHowMany([1, NaN], 10), /history\[1\]/],
    [() => forecastHowMany([1, Infinity], 10), /history\[1\]/],
    [() => forecastHowMany([1], -1), /days/],
    [() => forecastHowMany([1], 2.5), /days/],
    [() => forecastHowMany([1], 10, { method: 'simulate' }), /options\.rng/],
    [() => forecastHowMany([1], 10, { method: 'simulate', rng: createRng(1), trials: 0 }), /options\.trials/],
    [() => forecastHowMany([1], 10, { method: 'bogus' as 'exact' }), /options\.method/],
    [() => forecastHowMany([1], 10).likelihood(NaN), /x/],
    [() => forecastWhen([], 10), /history/],
    [() => forecastWhen([0, 0, 0], 10), /history: every day has zero throughput/],
    [() => forecastWhen([0, 0], 10, { method: 'simulate', rng: createRng(1) }), /zero throughput/],
    [() => forecastWhen([1], -1), /items/],
    [() => forecastWhen([1], 1.5), /items/],
    [() => forecastWhen([1], 10, { method: 'simulate' }), /options\.rng/],
    [() => forecastWhen([0, 0, 0, 1], 100, { maxDays: 50 }), /maxDays/],
    [() => forecastWhen([0, 0, 0, 1], 100, { maxDays: 50, method: 'simulate', rng: createRng(1) }), /maxDays/],
    [() => forecastWhen([1], 10, { maxDays: 0 }), /maxDays/],
  ])('RangeError %#', (f, msg) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(msg);
  });
});
