import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { kendallTauB, midRanks, spearmanRho } from './kendall';

/** Brute-force O(n²) τ_b, straight from the definition. */
function naiveTauB(x: number[], y: number[]): number {
  let s = 0;
  let tx = 0;
  let ty = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      total++;
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      s += dx * dy;
      if (dx === 0) tx++;
      if (dy === 0) ty++;
    }
  }
  return s / Math.sqrt((total - tx) * (total - ty));
}

const sample = fc
  .integer({ min: 2, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    ),
  )
  .filter(([x, y]) => new Set(x).size > 1 && new Set(y).size > 1);

describe('kendallTauB', () => {
  it.each([
    // scipy test_kendalltau (Kendall 1970, tau-b with ties); REFERENCES.md.
    [[1, 2, 2, 4, 4, 6, 6, 8, 9, 9], [1, 2, 4, 4, 4, 4, 8, 8, 8, 10], 0.85895569, 8],
    // Computed with scipy.stats.kendalltau 1.17.1 (not a published value; a cross-check with ties).
    [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8], 0.13041013273932525, 14],
    [[0.5, 0.25, 0.25, 1.5, 2.0, 2.0], [1, 1, 2, 2, 3, 3], 0.7205766921228922, 14],
    [[1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1], -1, 14],
    [[1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 3, 4, 5, 6, 7, 8], 0.9285714285714285, 14], // 1 discordant of 28: 26/28
  ])('τ_b(%j, %j) = %s', (x, y, expected, digits) => {
    expect(kendallTauB(x, y)).toBeCloseTo(expected, digits);
  });

  it.each([
    ['length mismatch', () => kendallTauB([1, 2], [1, 2, 3]), /^y:/],
    ['too short', () => kendallTauB([1], [1]), /^x:/],
    ['empty', () => kendallTauB([], []), /^x:/],
    ['NaN', () => kendallTauB([1, NaN], [1, 2]), /^x:/],
    ['constant x', () => kendallTauB([1, 1, 1], [1, 2, 3]), /^x:/],
    ['constant y', () => kendallTauB([1, 2, 3], [4, 4, 4]), /^y:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('agrees with the O(n²) definition, lies in [-1, 1] and is symmetric', () => {
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const tau = kendallTauB(x, y);
        expect(tau).toBeCloseTo(naiveTauB(x, y), 12);
        expect(Math.abs(tau)).toBeLessThanOrEqual(1);
        expect(kendallTauB(y, x)).toBe(tau);
      }),
    );
  });
});

describe('midRanks', () => {
  it.each([
    [[10, 20, 20, 30], [1, 2.5, 2.5, 4]],
    [[3, 1, 2], [3, 1, 2]],
    [[5, 5, 5], [2, 2, 2]],
    [[], []],
  ])('midRanks(%j) = %j', (values, ranks) => {
    expect(midRanks(values)).toEqual(ranks);
  });
});

describe('spearmanRho', () => {
  it.each([
    // scipy test_spearmanr (against R); REFERENCES.md.
    [[1, 2, 3, 4, 5], [5, 6, 7, 8, 7], 0.82078268166812329, 14],
    // Computed with scipy.stats.spearmanr 1.17.1 (cross-checks with ties, not published values).
    [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8], 0.13471506281091267, 14],
    [[0.5, 0.25, 0.25, 1.5, 2.0, 2.0], [1, 1, 2, 2, 3, 3], 0.8000946913656628, 14],
    [[1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1], -1, 14],
    [[1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 3, 4, 5, 6, 7, 8], 0.9761904761904763, 14], // 1 - 6·2/(8·63)
  ])('ρ(%j, %j) = %s', (x, y, expected, digits) => {
    expect(spearmanRho(x, y)).toBeCloseTo(expected, digits);
  });

  it.each([
    ['length mismatch', () => spearmanRho([1, 2], [1, 2, 3]), /^y:/],
    ['constant y', () => spearmanRho([1, 2, 3], [4, 4, 4]), /^y:/],
    ['Infinity', () => spearmanRho([1, Infinity], [1, 2]), /^x:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('lies in [-1, 1], is symmetric and invariant under monotone transforms', () => {
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const rho = spearmanRho(x, y);
        expect(Math.abs(rho)).toBeLessThanOrEqual(1);
        expect(spearmanRho(y, x)).toBe(rho);
        expect(spearmanRho(x.map((v) => Math.exp(v)), y)).toBeCloseTo(rho, 12);
      }),
    );
  });
});
