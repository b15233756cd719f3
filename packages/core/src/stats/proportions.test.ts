import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { newcombeInterval, twoProportionZTest, wilsonInterval } from './proportions';

describe('wilsonInterval', () => {
  it.each([
    // statsmodels test_proportion (against R binom / prop.test): 100 of 200 -> [0.4313609, 0.5686391]. REFERENCES.md.
    [100, 200, 0.4313609, 0.5686391, 7],
    // Newcombe (1998), Stat. Med. 17:857, Table I, method 3 (Wilson score, no continuity correction).
    [81, 263, 0.2553, 0.3662, 4], // also REFERENCES.md (via propint tests)
    [15, 148, 0.0624, 0.1605, 4],
    [0, 20, 0, 0.1611, 4],
    [1, 29, 0.0061, 0.1718, 4],
  ])('%s of %s -> [%s, %s]', (s, n, lo, hi, digits) => {
    const [l, u] = wilsonInterval(s, n);
    expect(l).toBeCloseTo(lo, digits);
    expect(u).toBeCloseTo(hi, digits);
  });

  it('is exactly 0 / 1 at the ends and widens with confidence', () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    const [l90, u90] = wilsonInterval(30, 100, 0.9);
    const [l99, u99] = wilsonInterval(30, 100, 0.99);
    expect(l99).toBeLessThan(l90);
    expect(u99).toBeGreaterThan(u90);
  });

  it.each([
    ['n = 0', () => wilsonInterval(0, 0), /^n:/],
    ['successes > n', () => wilsonInterval(5, 4), /^successes:/],
    ['negative successes', () => wilsonInterval(-1, 4), /^successes:/],
    ['NaN successes', () => wilsonInterval(NaN, 4), /^successes:/],
    ['NaN n', () => wilsonInterval(1, NaN), /^n:/],
    ['confidence 1', () => wilsonInterval(1, 4, 1), /^confidence:/],
    ['confidence NaN', () => wilsonInterval(1, 4, NaN), /^confidence:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('lies in [0, 1] and contains the observed proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        ([s, n], conf) => {
          const [l, u] = wilsonInterval(s, n, conf);
          expect(l).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThanOrEqual(1);
          expect(l).toBeLessThanOrEqual(s / n);
          expect(u).toBeGreaterThanOrEqual(s / n);
        },
      ),
    );
  });
});

describe('newcombeInterval', () => {
  it.each([
    // Newcombe (1998), Stat. Med. 17:873, Table II, method 10 (hybrid score). The first row is REFERENCES.md.
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%s/%s - %s/%s -> [%s, %s]', (s1, n1, s2, n2, lo, hi) => {
    const [l, u] = newcombeInterval(s1, n1, s2, n2);
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it.each([
    ['n1 = 0', () => newcombeInterval(0, 0, 1, 2), /^n1:/],
    ['s2 > n2', () => newcombeInterval(0, 1, 3, 2), /^s2:/],
    ['bad confidence', () => newcombeInterval(0, 1, 1, 2, 0), /^confidence:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('lies in [-1, 1], contains p1 - p2 and flips sign when the groups swap', () => {
    const group = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([s1, n1], [s2, n2]) => {
        const [l, u] = newcombeInterval(s1, n1, s2, n2);
        const d = s1 / n1 - s2 / n2;
        expect(l).toBeGreaterThanOrEqual(-1);
        expect(u).toBeLessThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(d);
        expect(u).toBeGreaterThanOrEqual(d);
        const [l2, u2] = newcombeInterval(s2, n2, s1, n1);
        expect(l2).toBeCloseTo(-u, 12);
        expect(u2).toBeCloseTo(-l, 12);
      }),
    );
  });
});

describe('twoProportionZTest', () => {
  it.each([
    // z² equals Pearson's chi-square without continuity correction: scipy.stats.chi2_contingency(
    // [[56, 14], [48, 32]], correction=False) -> statistic 7.023411371237456, p 0.008045081368196585.
    [56, 70, 48, 80, Math.sqrt(7.023411371237456), 0.008045081368196585],
    [5, 10, 5, 10, 0, 1],
    [0, 10, 0, 20, 0, 1], // no variation: defined as z = 0, p = 1
    [10, 10, 10, 10, 0, 1],
  ])('%s/%s vs %s/%s -> z %s, p %s', (s1, n1, s2, n2, z, p) => {
    const r = twoProportionZTest(s1, n1, s2, n2);
    expect(r.z).toBeCloseTo(z, 10);
    expect(r.p).toBeCloseTo(p, 12);
  });

  it('is antisymmetric in the groups, p in [0, 1]', () => {
    const group = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(group, group, ([s1, n1], [s2, n2]) => {
        const a = twoProportionZTest(s1, n1, s2, n2);
        const b = twoProportionZTest(s2, n2, s1, n1);
        expect(a.z).toBeCloseTo(-b.z, 10);
        expect(a.p).toBeGreaterThanOrEqual(0);
        expect(a.p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rejects bad counts', () => {
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow(/^n1:/);
    expect(() => twoProportionZTest(1, 2, 3, 2)).toThrow(/^s2:/);
  });
});
