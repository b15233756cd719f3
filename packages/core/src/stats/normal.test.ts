import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { erfc, normalCdf, normalQuantile } from './normal';

/** Relative closeness, for tail values that are tiny. */
function expectRel(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normalQuantile', () => {
  // Expected values: scipy.special.ndtri (Cephes), double precision.
  it.each([
    [0.95, 1.6448536269514722], // REFERENCES.md (risk section) and scipy
    [0.975, 1.959963984540054],
    [0.05, -1.6448536269514729],
    [0.025, -1.9599639845400545],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080409],
    [0.001, -3.090232306167813],
    [0.01, -2.3263478740408408],
    [1e-10, -6.361340902404056],
    [1e-20, -9.262340089798409],
    [1e-300, -37.0470962993612],
    [1 - 1e-12, 7.0344869100478356],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expectRel(normalQuantile(p), z, 1e-15);
  });

  it('is 0 at 0.5 and infinite at the ends', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it.each([[-0.1], [1.1], [NaN]])('rejects p = %s', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
    expect(() => normalQuantile(p)).toThrow(/^p:/);
  });

  it('is antisymmetric: Φ⁻¹(1 - p) = -Φ⁻¹(p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(Math.abs(normalQuantile(p) + normalQuantile(1 - p))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('normalCdf', () => {
  // Expected values: scipy.special.ndtr.
  it.each([
    [-30, 4.906713927147908e-198],
    [-20, 2.7536241186061556e-89],
    [-10, 7.61985302416047e-24],
    [-5, 2.866515718791933e-7],
    [-3, 0.0013498980316300933],
    [-1.96, 0.024997895148220435],
    [-1, 0.15865525393145707],
    [-0.3, 0.3820885778110474],
    [0, 0.5],
    [0.3, 0.6179114221889526],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [2, 0.9772498680518208],
    [3, 0.9986501019683699],
    [5, 0.9999997133484281],
    [8, 0.9999999999999993],
  ])('Φ(%s) = %s', (x, p) => {
    // Rounding of x/√2 costs about x²/2 ulps in the far tail: 1e-12 relative covers |x| ≤ 30.
    expectRel(normalCdf(x), p, 1e-12);
  });

  it('saturates at the ends', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it('rejects NaN', () => {
    expect(() => normalCdf(NaN)).toThrow(/^x:/);
  });

  it('inverts normalQuantile', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expectRel(normalCdf(normalQuantile(p)), p, 1e-12);
      }),
    );
  });

  it('is monotone and symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
        expect(Math.abs(normalCdf(a) + normalCdf(-a) - 1)).toBeLessThan(1e-15);
      }),
    );
  });
});

describe('erfc', () => {
  // Expected values: scipy.special.erfc.
  it.each([
    [-3.8, 1.9999999229960725],
    [-1, 1.8427007929497148],
    [-0.03, 1.0338412223417355],
    [0, 1],
    [0.05, 0.9436280222029834],
    [0.3, 0.6713732405408726],
    [1, 0.15729920705028516],
    [5, 1.5374597944280347e-12],
    [10, 2.0884875837625446e-45],
  ])('erfc(%s) = %s', (x, v) => {
    expectRel(erfc(x), v, 1e-14);
  });
});
