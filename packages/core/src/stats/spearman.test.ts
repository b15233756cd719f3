import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { regularizedBeta, spearman, studentTTwoSided } from './spearman';

/**
 * Reference values computed once with scipy 1.17.0:
 *   from scipy.stats import spearmanr; r = spearmanr(x, y); (float(r.statistic), float(r.pvalue))
 * (default alternative='two-sided', mid-ranks for ties).
 */
const SCIPY: { name: string; x: number[]; y: number[]; rho: number; p: number }[] = [
  { name: 'scipy/R case', x: [1, 2, 3, 4, 5], y: [5, 6, 7, 8, 7], rho: 0.8207826816681233, p: 0.08858700531354384 },
  { name: 'ties on both sides', x: [1, 2, 2, 4, 4, 6, 6, 8, 9, 9], y: [1, 2, 4, 4, 4, 4, 8, 8, 8, 10], rho: 0.917137868553807, p: 0.00018644496044000703 },
  {
    name: 'participation vs gap shape (negative)',
    x: [0.12, 0.35, 0.2, 0.5, 0.44, 0.61, 0.3, 0.05, 0.27],
    y: [0.3, 0.1, 0.25, 0.02, 0.12, 0.01, 0.08, 0.4, 0.05],
    rho: -0.8333333333333333,
    p: 0.005265691029161747,
  },
  { name: 'weak with ties', x: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], y: [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4], rho: 0.1384567651467695, p: 0.6847503048108998 },
  { name: 'n = 3', x: [1, 2, 3], y: [1, 3, 2], rho: 0.5, p: 0.6666666666666666 },
  { name: 'perfect', x: [1, 2, 3, 4, 5, 6], y: [2, 4, 6, 8, 10, 12], rho: 1, p: 0 },
];

describe('spearman against scipy.stats.spearmanr', () => {
  for (const c of SCIPY) {
    it(c.name, () => {
      const r = spearman(c.x, c.y);
      expect(r.rho).toBeCloseTo(c.rho, 12);
      expect(r.pValue).toBeCloseTo(c.p, 10);
      expect(r.n).toBe(c.x.length);
    });
  }

  it('refuses fewer than three pairs, unequal lengths and constant samples', () => {
    expect(() => spearman([1, 2], [2, 1])).toThrow(RangeError);
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow(/length/);
    expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow(/tied/);
  });
});

describe('the t distribution behind the p-value', () => {
  it('is 1 at t = 0 and the known Cauchy value at df = 1', () => {
    expect(studentTTwoSided(0, 4)).toBe(1);
    // df = 1 is Cauchy: P(|T| ≥ 1) = 0.5.
    expect(studentTTwoSided(1, 1)).toBeCloseTo(0.5, 12);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
  });
});

const sample = fc.integer({ min: 3, max: 30 }).chain((n) =>
  fc
    .tuple(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }))
    .filter(([x, y]) => new Set(x).size > 1 && new Set(y).size > 1),
);

describe('spearman properties', () => {
  it('ρ lies in [−1, 1] and p in [0, 1]', () => {
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const r = spearman(x, y);
        return r.rho >= -1 && r.rho <= 1 && r.pValue >= 0 && r.pValue <= 1;
      }),
    );
  });

  it('is symmetric in x and y', () => {
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const a = spearman(x, y);
        const b = spearman(y, x);
        return Math.abs(a.rho - b.rho) < 1e-12 && Math.abs(a.pValue - b.pValue) < 1e-12;
      }),
    );
  });

  it('does not change under strictly increasing transforms, and flips sign under decreasing ones', () => {
    fc.assert(
      fc.property(sample, ([x, y]) => {
        const a = spearman(x, y);
        const up = spearman(
          x.map((v) => Math.exp(v / 10)),
          y.map((v) => v * v * v + 7),
        );
        const down = spearman(
          x.map((v) => -v),
          y,
        );
        return Math.abs(a.rho - up.rho) < 1e-12 && Math.abs(a.pValue - up.pValue) < 1e-9 && Math.abs(a.rho + down.rho) < 1e-12 && Math.abs(a.pValue - down.pValue) < 1e-9;
      }),
    );
  });
});
