import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import { annualizedLoss, lognormalFrom90CI, lossExceedanceCurve, simulateAnnualLoss, type LossScenario } from './index';

const relErr = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('lognormalFrom90CI', () => {
  it.each([
    [1, 10],
    [100_000, 1_000_000],
    [635_000, 19_000_000],
    [0.5, 0.51],
  ])('puts [%d, %d] at the 5th and 95th percentiles', (low, high) => {
    const d = lognormalFrom90CI(low, high);
    expect(d.mu).toBeCloseTo((Math.log(low) + Math.log(high)) / 2, 12);
    expect(d.sigma).toBeCloseTo((Math.log(high) - Math.log(low)) / (2 * 1.6448536269514722), 12);
    expect(relErr(d.mean, Math.exp(d.mu + d.sigma ** 2 / 2))).toBeLessThan(1e-15);
    expect(d.cdf(low)).toBeCloseTo(0.05, 12);
    expect(d.cdf(high)).toBeCloseTo(0.95, 12);
    expect(relErr(d.quantile(0.05), low)).toBeLessThan(1e-12);
    expect(relErr(d.quantile(0.95), high)).toBeLessThan(1e-12);
    expect(relErr(d.quantile(0.5), Math.sqrt(low * high))).toBeLessThan(1e-12);
  });

  it.each([
    [0, 0],
    [-1, 0],
    [Infinity, 1],
  ])('cdf(%d) = %d', (x, want) => {
    expect(lognormalFrom90CI(1, 10).cdf(x)).toBe(want);
  });

  it.each([
    [0, 0],
    [1, Infinity],
  ])('quantile(%d) = %d', (p, want) => {
    expect(lognormalFrom90CI(1, 10).quantile(p)).toBe(want);
  });

  it.each([
    [0, 10, /low/],
    [-1, 10, /low/],
    [10, 10, /high/],
    [10, 1, /high/],
    [NaN, 10, /low/],
    [1, Infinity, /high/],
  ])('rejects low=%d high=%d', (low, high, msg) => {
    expect(() => lognormalFrom90CI(low, high)).toThrow(RangeError);
    expect(() => lognormalFrom90CI(low, high)).toThrow(msg);
  });

  it.each([[-0.1], [1.1], [NaN]])('quantile rejects p=%d', (p) => {
    expect(() => lognormalFrom90CI(1, 10).quantile(p)).toThrow(RangeError);
  });
});

describe('annualizedLoss', () => {
  // Golden values from Netflix riskquant: tests/test_simpleloss.py (testAnnualized,
  // testHardParameters; riskquant asserts 7 decimal places) and the README example.
  it.each([
    [0.1, 1, 10, 0.4040012826945718, 'riskquant tests/test_simpleloss.py'],
    [0.1, 100_000, 1_000_000, 40400.128269457266, 'riskquant README'],
    [0.07, 635_000, 19_000_000, 414589.4783457917, 'riskquant tests/test_simpleloss.py (hard parameters)'],
  ])('rate %d, range [%d, %d] -> %d (%s)', (frequency, low, high, want) => {
    expect(relErr(annualizedLoss({ frequency, low, high }), want)).toBeLessThan(1e-13);
  });

  it.each([
    [0, 0],
    [3.5, 3.5 * lognormalFrom90CI(1, 10).mean],
  ])('is linear in the rate (rate %d; rates above 1 are valid)', (frequency, want) => {
    expect(annualizedLoss({ frequency, low: 1, high: 10 })).toBeCloseTo(want, 12);
  });

  it.each([[-0.1], [NaN], [Infinity]])('rejects frequency %d', (frequency) => {
    expect(() => annualizedLoss({ frequency, low: 1, high: 10 })).toThrow(/frequency/);
  });
});

const scenarioArb = fc.record({
  frequency: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 15, noNaN: true })),
  low: fc.double({ min: 1, max: 1e5, noNaN: true }),
  ratio: fc.double({ min: 1.5, max: 20, noNaN: true }),
});

describe('simulateAnnualLoss', () => {
  const register: LossScenario[] = [
    { frequency: 0.1, low: 100_000, high: 1_000_000 },
    { frequency: 2.5, low: 1_000, high: 20_000 },
    { frequency: 25, low: 10, high: 500 },
  ];

  it('same seed gives identical years; another seed does not', () => {
    const a = simulateAnnualLoss(register, 2_000, createRng('fair'));
    const b = simulateAnnualLoss(register, 2_000, createRng('fair'));
    const c = simulateAnnualLoss(register, 2_000, createRng('other'));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('property: same seed -> identical output', () => {
    fc.assert(
      fc.property(fc.array(scenarioArb, { maxLength: 4 }), fc.integer(), (xs, seed) => {
        const sc = xs.map((x) => ({ frequency: x.frequency, low: x.low, high: x.low * x.ratio }));
        const a = simulateAnnualLoss(sc, 200, createRng(seed));
        const b = simulateAnnualLoss(sc, 200, createRng(seed));
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
      { numRuns: 50 },
    );
  });

  it('property: the mean simulated year is the sum of the ALEs within 5 standard errors', () => {
    // Compound Poisson: Var(annual loss) = sum of rate x E[X^2], E[X^2] = exp(2 mu + 2 sigma^2).
    const years = 20_000;
    fc.assert(
      fc.property(fc.array(scenarioArb, { minLength: 1, maxLength: 5 }), fc.integer(), (xs, seed) => {
        const sc = xs.map((x) => ({ frequency: x.frequency, low: x.low, high: x.low * x.ratio }));
        const totals = simulateAnnualLoss(sc, years, createRng(seed));
        let sum = 0;
        for (const t of totals) sum += t;
        const mean = sum / years;
        const ale = sc.reduce((s, x) => s + annualizedLoss(x), 0);
        const variance = sc.reduce((s, x) => {
          const d = lognormalFrom90CI(x.low, x.high);
          return s + x.frequency * Math.exp(2 * d.mu + 2 * d.sigma ** 2);
        }, 0);
        const se = Math.sqrt(variance / years);
        expect(Math.abs(mean - ale)).toBeLessThanOrEqual(5 * se + 1e-9 * ale);
      }),
      { numRuns: 25 },
    );
  });

  it('a scenario with rate 0 never loses; no scenarios gives zero years', () => {
    expect(Array.from(simulateAnnualLoss([{ frequency: 0, low: 1, high: 2 }], 50, createRng(1)))).toEqual(new Array(50).fill(0));
    expect(Array.from(simulateAnnualLoss([], 3, createRng(1)))).toEqual([0, 0, 0]);
  });

  it('the fraction of loss-free years matches exp(-total rate)', () => {
    const years = 50_000;
    const totals = simulateAnnualLoss([{ frequency: 0.4, low: 1, high: 10 }, { frequency: 0.3, low: 5, high: 50 }], years, createRng(7));
    const zero = totals.filter((x) => x === 0).length / years;
    const p = Math.exp(-0.7);
    expect(Math.abs(zero - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / years));
  });

  it.each([
    [[{ frequency: -1, low: 1, high: 10 }], 10, /scenarios\[0\]\.frequency/],
    [[{ frequency: 1, low: 0, high: 10 }], 10, /scenarios\[0\]\.low/],
    [[{ frequency: 1, low: 1, high: 10 }, { frequency: 1, low: 5, high: 5 }], 10, /scenarios\[1\]\.high/],
    [[{ frequency: 1, low: 1, high: 10 }], 0, /years/],
    [[{ frequency: 1, low: 1, high: 10 }], 2.5, /years/],
    [[{ frequency: NaN, low: 1, high: 10 }], 10, /frequency/],
  ])('rejects bad input %#', (sc, years, msg) => {
    expect(() => simulateAnnualLoss(sc, years, createRng(1))).toThrow(RangeError);
    expect(() => simulateAnnualLoss(sc, years, createRng(1))).toThrow(msg);
  });
});

describe('lossExceedanceCurve', () => {
  const losses = Float64Array.from([0, 0, 10, 20, 30]);

  it.each([
    [0, 3 / 5],
    [5, 3 / 5],
    [10, 2 / 5],
    [25, 1 / 5],
    [30, 0],
    [-1, 1],
  ])('P(loss > %d) = %d', (x, p) => {
    expect(lossExceedanceCurve(losses, [x])).toEqual([{ loss: x, probability: p }]);
  });

  it('keeps the order of given points', () => {
    expect(lossExceedanceCurve(losses, [30, 0]).map((p) => p.probability)).toEqual([0, 3 / 5]);
  });

  it('default grid: 50 log-spaced points from the smallest positive to the largest loss', () => {
    const curve = lossExceedanceCurve(losses);
    expect(curve).toHaveLength(50);
    expect(curve[0]).toEqual({ loss: 10, probability: 2 / 5 });
    expect(curve[49]).toEqual({ loss: 30, probability: 0 });
    const ratios = curve.slice(1).map((p, i) => p.loss / curve[i]!.loss);
    for (const r of ratios) expect(r).toBeCloseTo(Math.pow(3, 1 / 49), 10);
  });

  it.each([
    [[0, 0, 0], [{ loss: 0, probability: 0 }]],
    [[0, 7, 7], [{ loss: 7, probability: 0 }]],
  ])('degenerate default grids: %j', (xs, want) => {
    expect(lossExceedanceCurve(Float64Array.from(xs))).toEqual(want);
  });

  it('property: non-increasing in the loss, within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1 }), (xs) => {
        const curve = lossExceedanceCurve(Float64Array.from(xs));
        for (let i = 0; i < curve.length; i++) {
          expect(curve[i]!.probability).toBeGreaterThanOrEqual(0);
          expect(curve[i]!.probability).toBeLessThanOrEqual(1);
          if (i > 0) {
            expect(curve[i]!.loss).toBeGreaterThanOrEqual(curve[i - 1]!.loss);
            expect(curve[i]!.probability).toBeLessThanOrEqual(curve[i - 1]!.probability);
          }
        }
      }),
    );
  });

  it.each([
    [new Float64Array(0), undefined, /annualLosses/],
    [Float64Array.from([1, NaN]), undefined, /annualLosses/],
    [Float64Array.from([1, Infinity]), undefined, /annualLosses/],
    [Float64Array.from([1, 2]), [1, NaN], /points\[1\]/],
  ])('rejects bad input %#', (xs, pts, msg) => {
    expect(() => lossExceedanceCurve(xs, pts)).toThrow(RangeError);
    expect(() => lossExceedanceCurve(xs, pts)).toThrow(msg);
  });
});
