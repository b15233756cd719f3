import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { weightedTau } from './weightedTau';

describe('weightedTau', () => {
  it.each([
    // scipy.stats.weightedtau documentation example (defaults).
    [[12, 2, 1, 12, 2], [1, 4, 7, 1, 0], -0.56694968153682723],
    // Computed with scipy.stats.weightedtau 1.17.1 (not published values; cross-checks of the port,
    // which matched scipy bit for bit on 298 random tie-heavy samples).
    [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8], 0.384341856760804],
    [[0.5, 0.25, 0.25, 1.5, 2.0, 2.0], [1, 1, 2, 2, 3, 3], 0.8444733053504443],
    [[1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1], -1],
    // One swap at the bottom of the ranking costs less than one swap at the top:
    [[1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 3, 4, 5, 6, 7, 8], 0.9718415618547024],
    [[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 8, 7], 0.8423127463863337],
  ])('τ_w(%j, %j) = %s', (x, y, expected) => {
    expect(weightedTau(x, y)).toBeCloseTo(expected, 14);
  });

  it.each([
    ['length mismatch', () => weightedTau([1, 2], [1]), /^y:/],
    ['too short', () => weightedTau([1], [2]), /^x:/],
    ['NaN (scipy would rank it lowest)', () => weightedTau([1, 2, 3], [1, NaN, 2]), /^y:/],
    ['constant x', () => weightedTau([2, 2, 2], [1, 2, 3]), /^x:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('lies in [-1, 1], is symmetric, and is 1 for identical rankings', () => {
    const sample = fc
      .integer({ min: 2, max: 40 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
        ),
      )
      .filter(([x, y]) => new Set(x).size > 1 && new Set(y).size > 1);
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const tau = weightedTau(x, y);
        expect(Math.abs(tau)).toBeLessThanOrEqual(1);
        expect(weightedTau(y, x)).toBe(tau);
        expect(weightedTau(x, x)).toBeCloseTo(1, 12);
      }),
    );
  });
});
