import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { discountedPayback, irr, mirr, npv } from './cashflow';

describe('npv', () => {
  it.each([
    // numpy-financial tests, test_npv_decimal: Decimal('122.894854950942692161628715'); REFERENCES.md.
    [0.05, [-15000, 1500, 2500, 3500, 4500, 6000], 122.894854951, 9],
    // numpy-financial npv docstring: np.round(npf.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), 5) = 3065.22267.
    [0.08, [-40000, 5000, 8000, 12000, 30000], 3065.22267, 5],
    // numpy-financial npv docstring, rates [0, 0.05, 0.10] x [-4000, 500, 800]: -2700, -2798.19, -2884.30.
    [0, [-4000, 500, 800], -2700, 10],
    [0.05, [-4000, 500, 800], -2798.19, 2],
    [0.1, [-5000, 600, 900], -3710.74, 2],
  ])('npv(%s, %j) = %s', (rate, flows, expected, digits) => {
    expect(npv(rate, flows)).toBeCloseTo(expected, digits);
  });

  it.each([
    ['empty flows', () => npv(0.1, []), /^flows:/],
    ['NaN flow', () => npv(0.1, [1, NaN]), /^flows:/],
    ['NaN rate', () => npv(NaN, [1]), /^rate:/],
    ['rate -1', () => npv(-1, [1, 2]), /^rate:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe('irr', () => {
  it.each([
    // numpy-financial tests (test_basic_values) and REFERENCES.md, to the digits published.
    [[-150000, 15000, 25000, 35000, 45000, 60000], 0.0524, 4],
    // numpy-financial irr doctests: round(npf.irr(v), 5).
    [[-100, 39, 59, 55, 20], 0.28095, 5],
    [[-100, 0, 0, 74], -0.0955, 4],
    [[-100, 100, 0, -7], -0.0833, 4], // two roots, -0.679 and -0.0833: both negative, closest to 0
    [[-100, 100, 0, 7], 0.06206, 5],
    [[-5, 10.5, 1, -8, 1], 0.0886, 4], // three roots, -0.870, 0.0886, 0.710
    // numpy-financial test_trailing_zeros.
    [[-5, 10.5, 1, -8, 1, 0, 0, 0], 0.0886, 4],
    // Microsoft Excel IRR documentation: -2.1% and 8.7% (REFERENCES.md).
    [[-70000, 12000, 15000, 18000, 21000], -0.021, 3],
    [[-70000, 12000, 15000, 18000, 21000, 26000], 0.087, 3],
  ])('irr(%j) ≈ %s', (flows, expected, digits) => {
    const r = irr(flows);
    expect(r).not.toBeNull();
    expect(r!).toBeCloseTo(expected, digits);
  });

  it('finds a root very close to -1 (numpy-financial test_gh_15)', () => {
    const v = [
      -3000.0, 2.3926932267015667e-7, 4.1672087103345505e-16, 5.3965110036378706e-25, 5.1962551071806174e-34,
      3.7202955645436402e-43, 1.9804961711632469e-52, 7.8393517651814181e-62, 2.3072565113911438e-71,
      5.0491839233308912e-81, 8.2159177668499263e-91, 9.9403244366963527e-101, 8.942410813633967e-111,
      5.9816122646481191e-121, 2.9750309031844241e-131, 1.1002067043497954e-141, 3.0252876563518021e-152,
      6.1854121948207909e-163, 9.4032980015353301e-174, 1.0629218520017728e-184, 8.9337141847171845e-196,
      5.5830607698467935e-207, 2.5943122036622652e-218, 8.9635842466507006e-230, 2.3027710094332358e-241,
      4.3987510596745562e-253, 6.2476630372575209e-265, 6.598046841695288e-277, 5.1811095266842017e-289,
      3.0250999925830644e-301, 1.3133070599585015e-313,
    ];
    // numpy-financial: assert_allclose(result, -0.9999999990596069, rtol=1e-9)
    expect(Math.abs(irr(v)! - -0.9999999990596069)).toBeLessThan(1e-9);
  });

  it.each([
    // numpy-financial test_numpy_gh_6744: no solution -> nan (here null).
    [[-1, -2, -3]],
    [[5]],
    [[0, 0]],
    [[1, -2, 2]], // 1 - 2v + 2v² has no real root
  ])('is null without a root: %j', (flows) => {
    expect(irr(flows)).toBeNull();
  });

  it.each([
    // Rule of numpy_financial.irr when roots straddle 0: keep the non-negative ones.
    // (1+r)² - 2.15 (1+r) + 1.14 = 0 has roots -0.05 and 0.2: numpy-financial returns 0.2.
    [[1, -2.15, 1.14], 0.2],
    [[-1, 1], 0],
    [[-1, 2, -1], 0], // double root at 0
  ])('picks as numpy-financial: %j -> %s', (flows, expected) => {
    expect(irr(flows)!).toBeCloseTo(expected, 12);
  });

  it('rejects empty and non-finite flows', () => {
    expect(() => irr([])).toThrow(/^flows:/);
    expect(() => irr([-1, Infinity])).toThrow(RangeError);
  });

  it('NPV at the IRR is zero (relative to the discounted flows)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 12 }), (flows) => {
        const r = irr(flows);
        if (r === null) return;
        const scale = flows.reduce((s, f, t) => s + Math.abs(f) / Math.pow(1 + r, t), 0);
        expect(Math.abs(npv(r, flows))).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });

  it('is the unique root for a conventional project (one outflow, then inflows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (outflow, inflows) => {
          const flows = [-outflow, ...inflows];
          const r = irr(flows);
          if (inflows.every((v) => v === 0)) {
            expect(r).toBeNull();
            return;
          }
          expect(r).not.toBeNull();
          // NPV is decreasing in r for such flows: positive below the IRR, negative above.
          expect(npv(r! - 1e-6 * (1 + r!), flows)).toBeGreaterThan(npv(r! + 1e-6 * (1 + r!), flows));
        },
      ),
    );
  });
});

describe('mirr', () => {
  it.each([
    // numpy-financial test_mirr (assert_almost_equal to the stated decimals) and test_mirr_decimal.
    [[-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000], 0.08, 0.055, 0.066597175031553548874239618, 12],
    [[-120000, 39000, 30000, 21000, 37000, 46000], 0.1, 0.12, 0.126094130365905145828421880, 12],
    [[100, 200, -50, 300, -200], 0.05, 0.06, 0.342823387842176663647819868, 12],
    // numpy-financial mirr doctest.
    [[-100, 50, -60, 70], 0.1, 0.12, -0.03909366594356467, 12],
  ])('mirr(%j, %s, %s) = %s', (flows, finance, reinvest, expected, digits) => {
    expect(mirr(flows, finance, reinvest)!).toBeCloseTo(expected, digits);
  });

  it.each([
    // numpy-financial: all flows positive -> nan (here null).
    [[39000, 30000, 21000, 37000, 46000]],
    [[-100, -50, -60, -70]],
    [[0, 0]],
  ])('is null without both signs: %j', (flows) => {
    expect(mirr(flows, 0.1, 0.12)).toBeNull();
  });

  it('rejects bad rates', () => {
    expect(() => mirr([-1, 2], NaN, 0.1)).toThrow(/^financeRate:/);
    expect(() => mirr([-1, 2], 0.1, -2)).toThrow(/^reinvestRate:/);
  });
});

describe('discountedPayback', () => {
  it.each([
    [0, [-100, 60, 60], 1 + 40 / 60],
    [0, [-100, 50, 50], 2],
    [0, [100, -50], 0],
    [0, [-100, 0, 100], 2],
    // Discounted at 10%: -1000, +500/1.1 = 454.545, +500/1.21 = 413.223, +500/1.331 = 375.657;
    // cumulative after year 2 = -132.231, so 2 + 132.231 / 375.657 = 2.352.
    [0.1, [-1000, 500, 500, 500], 2 + (1000 - 500 / 1.1 - 500 / 1.21) / (500 / 1.331)],
  ])('discountedPayback(%s, %j) = %s', (rate, flows, expected) => {
    expect(discountedPayback(rate, flows)!).toBeCloseTo(expected, 12);
  });

  it.each([
    [0, [-100, 50, 40]],
    [0.5, [-100, 60, 60]],
    [0, [-1]],
  ])('is null when never paid back: rate %s, %j', (rate, flows) => {
    expect(discountedPayback(rate, flows)).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => discountedPayback(0.1, [])).toThrow(/^flows:/);
    expect(() => discountedPayback(-1, [1])).toThrow(/^rate:/);
  });

  it('lies between 0 and n - 1 and is not earlier at a higher rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 15 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (flows, rate) => {
          const p = discountedPayback(rate, flows);
          if (p === null) return;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(flows.length - 1);
          const q = discountedPayback(rate + 0.1, flows);
          if (flows.slice(1).every((v) => v >= 0) && q !== null) expect(q).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });
});
