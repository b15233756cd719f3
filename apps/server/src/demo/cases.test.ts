import { describe, expect, it } from 'vitest';
import { DEFAULT_ITERATIONS, securityAle, simulateBusinessCase } from '@tandem/core';
import { BUSINESS, SECURITY } from './cases';

/** The demo tells three stories; these checks keep the numbers telling them. */
describe('demo cases', () => {
  const run = (i: number) => {
    const { discountRate, years, lines, seed } = BUSINESS[i]!;
    return simulateBusinessCase({ discountRate, years, lines, seed: seed!, iterations: DEFAULT_ITERATIONS });
  };

  it('has one clearly good business case', () => {
    expect(run(0).probabilityPositive).toBeGreaterThan(0.95);
  });

  it('has one coin toss', () => {
    const r = run(1).probabilityPositive;
    expect(r).toBeGreaterThan(0.35);
    expect(r).toBeLessThan(0.65);
  });

  it('has one that pays only with its rosy assumption, which tops its tornado', () => {
    const r = run(2);
    expect(r.npv.deterministic).toBeLessThan(0);
    expect(r.probabilityPositive).toBeLessThan(0.35);
    const top = r.tornado[0]!;
    expect(top.label).toMatch(/rosy/);
    expect(top.high).toBeGreaterThan(0);
  });

  it('has six security scenarios with controls, the ransomware, supplier and generator ones among them', () => {
    expect(SECURITY).toHaveLength(6);
    for (const s of SECURITY) expect(s.controls.length).toBeGreaterThan(0);
    expect(SECURITY.map((s) => s.title).join(' ')).toMatch(/Ransomware.*Supplier.*generator/s);
    for (const s of SECURITY) expect(securityAle(s).aleAfter).toBeLessThan(securityAle(s).aleBefore);
  });
});
