import { describe, it, expect } from 'vitest';
import { checkSecurityScenario, securityAle, simulatePortfolio, simulateSecurityCase, type SecurityCaseInput } from './security';

const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

const ransomware: SecurityCaseInput = {
  frequency: { low: 0.1, likely: 0.3, high: 0.8 },
  magnitude: { low: 50_000, high: 2_000_000 },
  controls: [
    { label: 'Immutable backups', costPerYear: 20_000, frequencyReduction: 0, magnitudeReduction: 0.6 },
    { label: 'EDR', costPerYear: 30_000, frequencyReduction: 0.5, magnitudeReduction: 0 },
  ],
  iterations: 20_000,
  seed: 11,
};

describe('securityAle against riskquant (REFERENCES.md)', () => {
  it.each([
    // Netflix riskquant tests: rate 0.1, range [1, 10] → 0.4040012826945718.
    [0.1, 1, 10, 0.4040012826945718],
    // riskquant README: rate 0.10, [100000, 1000000] → 40400.128269457266.
    [0.1, 100_000, 1_000_000, 40400.128269457266],
  ])('rate %s, [%s, %s] → %s', (rate, low, high, want) => {
    const r = securityAle({ frequency: { low: rate, likely: rate, high: rate }, magnitude: { low, high }, controls: [] });
    expect(relErr(r.aleBefore, want)).toBeLessThan(1e-14);
    expect(r.aleAfter).toBe(r.aleBefore);
  });

  it('uses the PERT mean of a frequency range and the control factors', () => {
    const r = securityAle(ransomware);
    const meanRate = (0.1 + 4 * 0.3 + 0.8) / 6;
    expect(relErr(r.aleBefore / meanRate, securityAle({ ...ransomware, frequency: { low: 1, likely: 1, high: 1 }, controls: [] }).aleBefore)).toBeLessThan(1e-14);
    expect(relErr(r.aleAfter, r.aleBefore * 0.5 * 0.4)).toBeLessThan(1e-14);
    expect(r.controlCost).toBe(50_000);
  });
});

describe('simulateSecurityCase', () => {
  it('is identical for the same seed', () => {
    expect(simulateSecurityCase(ransomware)).toEqual(simulateSecurityCase(ransomware));
  });

  it('agrees with the closed form within Monte Carlo error and computes ROSI', () => {
    const r = simulateSecurityCase(ransomware);
    expect(relErr(r.simulated.aleBefore, r.aleBefore)).toBeLessThan(0.08);
    expect(relErr(r.simulated.aleAfter, r.aleAfter)).toBeLessThan(0.12);
    expect(r.rosi).toBeCloseTo((r.aleBefore - r.aleAfter - 50_000) / 50_000, 12);
    expect(r.probabilityControlsPay).toBeGreaterThan(0);
    expect(r.probabilityControlsPay).toBeLessThan(1);
  });

  it('draws both curves on one grid, after never above before', () => {
    const r = simulateSecurityCase(ransomware);
    expect(r.exceedance.after.map((p) => p.loss)).toEqual(r.exceedance.before.map((p) => p.loss));
    r.exceedance.before.forEach((p, i) => expect(r.exceedance.after[i]!.probability).toBeLessThanOrEqual(p.probability));
  });

  it('has no ROSI and no pay probability without controls', () => {
    const r = simulateSecurityCase({ ...ransomware, controls: [] });
    expect(r.rosi).toBeNull();
    expect(r.probabilityControlsPay).toBeNull();
    expect(r.aleAfter).toBe(r.aleBefore);
  });
});

describe('simulatePortfolio', () => {
  it('adds the ALEs exactly', () => {
    const other = { ...ransomware, frequency: { low: 2, likely: 2, high: 2 }, magnitude: { low: 1000, high: 10_000 }, controls: [] };
    const p = simulatePortfolio([ransomware, other], 5000, 3);
    expect(p.aleBefore).toBeCloseTo(securityAle(ransomware).aleBefore + securityAle(other).aleBefore, 6);
    expect(p).toEqual(simulatePortfolio([ransomware, other], 5000, 3));
  });
});

describe('checkSecurityScenario', () => {
  it.each([
    ['negative frequency', { frequency: { low: -0.1, likely: 0.3, high: 0.8 } }, /^frequency\.low/],
    ['frequency low > likely', { frequency: { low: 0.5, likely: 0.3, high: 0.8 } }, /^frequency\.low/],
    ['magnitude low = high', { magnitude: { low: 10, high: 10 } }, /^magnitude\.high/],
    ['magnitude low 0', { magnitude: { low: 0, high: 10 } }, /^magnitude\.low/],
    ['reduction above 100%', { controls: [{ label: 'x', costPerYear: 1, frequencyReduction: 1.2, magnitudeReduction: 0 }] }, /^controls\[0\]\.frequencyReduction/],
  ])('rejects %s', (_n, patch, message) => {
    expect(() => checkSecurityScenario({ ...ransomware, ...patch })).toThrow(message);
  });
});
