import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { referenceClassUplift } from './index';

describe('referenceClassUplift', () => {
  // Expected values computed with numpy.percentile (default 'linear', Hyndman & Fan type 7) minus 1.
  it.each([
    [[1.1, 1.2, 1.5, 2.0, 3.0], 0, 0.1],
    [[1.1, 1.2, 1.5, 2.0, 3.0], 0.5, 0.5],
    [[1.1, 1.2, 1.5, 2.0, 3.0], 0.8, 1.2],
    [[1.1, 1.2, 1.5, 2.0, 3.0], 0.85, 1.4],
    [[1.1, 1.2, 1.5, 2.0, 3.0], 1, 2.0],
    [[1.45, 0.92, 1.3, 2.7, 1.05, 1.8, 1.12, 0.98, 1.6, 2.2], 0.1, -0.026],
    [[1.45, 0.92, 1.3, 2.7, 1.05, 1.8, 1.12, 0.98, 1.6, 2.2], 0.5, 0.375],
    [[1.45, 0.92, 1.3, 2.7, 1.05, 1.8, 1.12, 0.98, 1.6, 2.2], 0.8, 0.88],
    [[1.45, 0.92, 1.3, 2.7, 1.05, 1.8, 1.12, 0.98, 1.6, 2.2], 0.9, 1.25],
    [[1.3], 0.7, 0.3],
  ])('ratios %j at certainty %d -> %d', (ratios, certainty, want) => {
    expect(referenceClassUplift(ratios, certainty)).toBeCloseTo(want, 12);
  });

  it('returns the raw (negative) quantile when projects came in under estimate', () => {
    expect(referenceClassUplift([0.8, 0.9, 1.0], 0.5)).toBeCloseTo(-0.1, 12);
  });

  it('property: non-decreasing in certainty, within [min - 1, max - 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ratios, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(referenceClassUplift(ratios, lo)).toBeLessThanOrEqual(referenceClassUplift(ratios, hi) + 1e-12);
          const u = referenceClassUplift(ratios, lo);
          expect(u).toBeGreaterThanOrEqual(Math.min(...ratios) - 1 - 1e-12);
          expect(u).toBeLessThanOrEqual(Math.max(...ratios) - 1 + 1e-12);
        },
      ),
    );
  });

  it.each([
    [[], 0.5, /ratios/],
    [[1, 0], 0.5, /ratios\[1\]/],
    [[1, -2], 0.5, /ratios\[1\]/],
    [[1, NaN], 0.5, /ratios\[1\]/],
    [[1, 2], -0.1, /certainty/],
    [[1, 2], 1.5, /certainty/],
    [[1, 2], NaN, /certainty/],
  ])('rejects ratios %j, certainty %d', (ratios, certainty, msg) => {
    expect(() => referenceClassUplift(ratios, certainty)).toThrow(RangeError);
    expect(() => referenceClassUplift(ratios, certainty)).toThrow(msg);
  });
});
