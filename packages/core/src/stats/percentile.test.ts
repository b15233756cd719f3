import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { percentile } from './percentile';

describe('percentile', () => {
  it.each([
    // numpy.percentile (method='linear') values.
    [[15, 20, 35, 40, 50], 40, 29],
    [[1, 2, 3, 4], 50, 2.5],
    [[10, 7, 4, 3, 2, 1], 25, 2.25],
    [[10, 7, 4, 3, 2, 1], 50, 3.5], // numpy docs style: median of an even sample
    [[10, 7, 4, 3, 2, 1], 0, 1],
    [[10, 7, 4, 3, 2, 1], 100, 10],
    [[42], 73, 42],
    [[-5, 5], 75, 2.5],
  ])('percentile(%j, %s) = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('does not modify its input', () => {
    const v = [3, 1, 2];
    percentile(v, 50);
    expect(v).toEqual([3, 1, 2]);
  });

  it.each([
    ['empty', () => percentile([], 50), /^values:/],
    ['NaN value', () => percentile([1, NaN], 50), /^values:/],
    ['p < 0', () => percentile([1], -1), /^p:/],
    ['p > 100', () => percentile([1], 101), /^p:/],
    ['p NaN', () => percentile([1], NaN), /^p:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('is monotone in p and stays within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          expect(percentile(values, lo)).toBeLessThanOrEqual(percentile(values, hi));
          expect(percentile(values, lo)).toBeGreaterThanOrEqual(Math.min(...values));
          expect(percentile(values, hi)).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});
