import { describe, it, expect } from 'vitest';
import { npv, irr, mirr, discountedPayback } from '../finance/cashflow';
import fc from 'fast-check';
import { checkBusinessCase, irrOf, simulateBusinessCase, type BusinessCaseInput, type CaseLine } from './business';

/** Certain lines (low = likely = high) reproducing a signed cash flow, year 0 first. */
function certain(flows: number[]): CaseLine[] {
  return flows.map((f, year) => ({ label: `y${year}`, type: f < 0 ? ('cost' as const) : ('benefit' as const), year, low: Math.abs(f), likely: Math.abs(f), high: Math.abs(f) }));
}

const ranged: BusinessCaseInput = {
  discountRate: 0.08,
  years: 5,
  iterations: 5000,
  seed: 42,
  lines: [
    { label: 'Build', type: 'cost', year: 0, low: 80_000, likely: 100_000, high: 150_000 },
    { label: 'Licences', type: 'cost', year: 1, low: 10_000, likely: 12_000, high: 15_000 },
    { label: 'Licences', type: 'cost', year: 2, low: 10_000, likely: 12_000, high: 15_000 },
    { label: 'Hours saved', type: 'benefit', year: 1, low: 20_000, likely: 45_000, high: 60_000 },
    { label: 'Hours saved', type: 'benefit', year: 2, low: 20_000, likely: 45_000, high: 60_000 },
    { label: 'Hours saved', type: 'benefit', year: 3, low: 20_000, likely: 45_000, high: 60_000 },
    { label: 'Churn avoided', type: 'benefit', year: 3, low: 0, likely: 10_000, high: 90_000 },
  ],
};

describe('simulateBusinessCase: deterministic figures against numpy-financial (REFERENCES.md)', () => {
  it.each([
    // numpy-financial tests, test_npv_decimal: 122.894854950942692161628715.
    { rate: 0.05, flows: [-15000, 1500, 2500, 3500, 4500, 6000], npv: 122.894854951, npvDigits: 9, irr: null },
    // numpy-financial test_basic_values: irr = 0.0524 (4 d.p.).
    { rate: 0.05, flows: [-150000, 15000, 25000, 35000, 45000, 60000], npv: null, npvDigits: 0, irr: 0.0524 },
    // numpy-financial npv docstring: 3065.22267.
    { rate: 0.08, flows: [-40000, 5000, 8000, 12000, 30000], npv: 3065.22267, npvDigits: 5, irr: null },
    // numpy-financial irr doctest: 0.28095.
    { rate: 0.1, flows: [-100, 39, 59, 55, 20], npv: null, npvDigits: 0, irr: 0.28095 },
  ])('flows $flows at $rate', ({ rate, flows, npv: wantNpv, npvDigits, irr: wantIrr }) => {
    const r = simulateBusinessCase({ discountRate: rate, years: flows.length - 1, lines: certain(flows), iterations: 10, seed: 1 });
    if (wantNpv !== null) expect(r.npv.deterministic).toBeCloseTo(wantNpv, npvDigits);
    if (wantIrr !== null) expect(r.irr.deterministic!).toBeCloseTo(wantIrr, wantIrr === 0.0524 ? 4 : 5);
    expect(r.npv.deterministic).toBe(npv(rate, flows));
    expect(r.irr.deterministic).toBe(irr(flows));
    expect(r.mirr.deterministic).toBe(mirr(flows, rate, rate));
    expect(r.payback.deterministic).toBe(discountedPayback(rate, flows));
    // Certain lines: every draw equals the deterministic figures.
    expect(r.npv.p10).toBeCloseTo(r.npv.deterministic, 6);
    expect(r.npv.p90).toBeCloseTo(r.npv.deterministic, 6);
    expect(r.probabilityPositive).toBe(r.npv.deterministic > 0 ? 1 : 0);
  });

  it('discounts year n by (1 + rate)^n and leaves year 0 alone; costs count negative', () => {
    const r = simulateBusinessCase({
      discountRate: 0.1, years: 2, iterations: 1, seed: 0,
      lines: [
        { label: 'Now', type: 'cost', year: 0, low: 100, likely: 100, high: 100 },
        { label: 'Later', type: 'benefit', year: 2, low: 121, likely: 121, high: 121 },
      ],
    });
    expect(r.npv.deterministic).toBeCloseTo(0, 10);
    expect(r.cashFlow).toEqual([-100, 0, 121]);
  });
});

describe('simulateBusinessCase: Monte Carlo', () => {
  it('gives identical results for the same seed, different ones for another seed', () => {
    const a = simulateBusinessCase(ranged);
    const b = simulateBusinessCase(ranged);
    expect(b).toEqual(a);
    const c = simulateBusinessCase({ ...ranged, seed: 43 });
    expect(c.npv.p50).not.toBe(a.npv.p50);
  });

  it('pins the seeded figures so a change of sampler or order shows up', () => {
    const r = simulateBusinessCase(ranged);
    // PERT means: mean NPV is close to NPV at the PERT means (law of large numbers, 5,000 draws).
    const meanOf = (l: CaseLine) => (l.low + 4 * l.likely + l.high) / 6;
    const expectedMean = ranged.lines.reduce((s, l) => s + (l.type === 'cost' ? -1 : 1) * meanOf(l) / 1.08 ** l.year, 0);
    expect(Math.abs(r.npv.mean - expectedMean)).toBeLessThan(1500);
    expect(r.npv.p10).toBeLessThan(r.npv.p50);
    expect(r.npv.p50).toBeLessThan(r.npv.p90);
    expect(r.probabilityPositive).toBeGreaterThan(0);
    expect(r.probabilityPositive).toBeLessThan(1);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(ranged.iterations);
    expect(r.irr.probabilityDefined).toBeGreaterThan(0.99);
  });

  it('orders the tornado by swing and groups a label across years', () => {
    const r = simulateBusinessCase(ranged);
    expect(r.tornado.map((b) => b.label)).toEqual(['Hours saved', 'Churn avoided', 'Build', 'Licences']);
    const hours = r.tornado[0]!;
    const f = [1, 2, 3].reduce((s, t) => s + 1 / 1.08 ** t, 0);
    expect(hours.low).toBeCloseTo(r.npv.deterministic - 25_000 * f, 6);
    expect(hours.high).toBeCloseTo(r.npv.deterministic + 15_000 * f, 6);
    const build = r.tornado.find((b) => b.label === 'Build')!;
    // A cost at its low value raises NPV.
    expect(build.low).toBeCloseTo(r.npv.deterministic + 20_000, 6);
    expect(build.high).toBeCloseTo(r.npv.deterministic - 50_000, 6);
  });

  it('computes a case without benefits (NPV just negative) and says so', () => {
    const r = simulateBusinessCase({ ...ranged, lines: ranged.lines.filter((l) => l.type === 'cost') });
    expect(r.hasBenefits).toBe(false);
    expect(r.npv.p90).toBeLessThan(0);
    expect(r.probabilityPositive).toBe(0);
    expect(r.irr.p50).toBeNull();
    expect(r.irr.probabilityDefined).toBe(0);
    expect(r.payback.p10).toBeNull();
    expect(r.payback.probabilityNotWithinHorizon).toBe(1);
  });

  it('reports payback percentiles beyond the horizon as null with their probability', () => {
    const r = simulateBusinessCase({
      discountRate: 0, years: 2, iterations: 4000, seed: 7,
      lines: [
        { label: 'Build', type: 'cost', year: 0, low: 100, likely: 100, high: 100 },
        { label: 'Gain', type: 'benefit', year: 1, low: 0, likely: 40, high: 100 },
        { label: 'Gain', type: 'benefit', year: 2, low: 0, likely: 40, high: 100 },
      ],
    });
    expect(r.payback.probabilityNotWithinHorizon).toBeGreaterThan(0.1);
    expect(r.payback.probabilityNotWithinHorizon).toBeLessThan(0.9);
    expect(r.payback.p10).not.toBeNull();
    expect(r.payback.p90).toBeNull();
  });
});

describe('checkBusinessCase', () => {
  const line = ranged.lines[0]!;
  it.each([
    ['low > likely', { lines: [{ ...line, low: 120_000 }] }, /^lines\[0\]\.low/],
    ['likely > high', { lines: [{ ...line, likely: 200_000 }] }, /^lines\[0\]\.high/],
    ['negative amount', { lines: [{ ...line, low: -1 }] }, /^lines\[0\]\.low/],
    ['year past horizon', { lines: [{ ...line, year: 6 }] }, /^lines\[0\]\.year/],
    ['rate below -100%', { discountRate: -1 }, /^discountRate/],
    ['rate above 100%', { discountRate: 1.01 }, /^discountRate/],
    ['horizon 0', { years: 0 }, /^years/],
    ['horizon 16', { years: 16 }, /^years/],
    ['iterations 0', { iterations: 0 }, /^iterations/],
  ])('rejects %s', (_name, patch, message) => {
    expect(() => checkBusinessCase({ ...ranged, ...patch })).toThrow(message);
  });
});

describe('irrOf (the simulation fast path)', () => {
  it('agrees with irr to 1e-10 on random cash flows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 2, maxLength: 16 }), (flows) => {
        const a = irr(flows);
        const b = irrOf(flows);
        if (a === null) return b === null;
        return b !== null && Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(a));
      }),
      { numRuns: 2000 },
    );
  });
});
