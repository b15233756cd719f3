import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gapCorrelation, participationRates } from './participation';

const people = [
  { id: 'a', side: 'it' as const, department: 'IT Ops' },
  { id: 'b', side: 'it' as const, department: 'IT Ops' },
  { id: 'c', side: 'business' as const, department: 'Sales' },
  { id: 'd', side: 'business' as const, department: 'Finance' },
];

describe('participationRates', () => {
  it('counts each person once, by side and by department, ignoring strangers', () => {
    const r = participationRates(people, ['a', 'a', 'c', 'zz']);
    expect(r.bySide).toEqual({ it: { people: 2, participants: 1, rate: 0.5 }, business: { people: 2, participants: 1, rate: 0.5 } });
    expect(r.byDepartment).toEqual([
      { department: 'Finance', people: 1, participants: 0, rate: 0 },
      { department: 'IT Ops', people: 2, participants: 1, rate: 0.5 },
      { department: 'Sales', people: 1, participants: 1, rate: 1 },
    ]);
  });

  it('keeps every rate in [0, 1] and participants ≤ people', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 })), (ids) => {
        const pop = Array.from({ length: 20 }, (_, i) => ({ id: String(i), side: (i % 2 ? 'it' : 'business') as 'it' | 'business', department: `D${i % 4}` }));
        const r = participationRates(pop, ids.map(String));
        return r.byDepartment.every((d) => d.rate >= 0 && d.rate <= 1 && d.participants <= d.people);
      }),
    );
  });
});

describe('gapCorrelation', () => {
  it('says a negative link is a smaller gap, and that correlation is not causation', () => {
    // Same figures as the scipy case in spearman.test.ts: ρ = −0.8333, p = 0.00527.
    const x = [0.12, 0.35, 0.2, 0.5, 0.44, 0.61, 0.3, 0.05, 0.27];
    const y = [0.3, 0.1, 0.25, 0.02, 0.12, 0.01, 0.08, 0.4, 0.05];
    const g = gapCorrelation(
      x.map((rate, i) => ({ rate, gap: y[i]! })),
      2,
    );
    expect(g.spearman).toBeCloseTo(-0.8333333333333333, 12);
    expect(g.pValue).toBeCloseTo(0.005265691029161747, 10);
    expect(g.verdict).toMatch(/smaller perception gap/);
    expect(g.verdict).toMatch(/not causation/);
    expect(g.verdict).toMatch(/2 departments were left out/);
  });

  it('gives no coefficient with fewer than three departments or no variation', () => {
    expect(gapCorrelation([{ rate: 0.1, gap: 0.2 }, { rate: 0.3, gap: 0.1 }], 0)).toMatchObject({ spearman: null, pValue: null });
    expect(gapCorrelation([{ rate: 0.1, gap: 0.2 }, { rate: 0.1, gap: 0.1 }, { rate: 0.1, gap: 0 }], 1).spearman).toBeNull();
  });

  it('calls a weak pattern chance', () => {
    const g = gapCorrelation([{ rate: 0.1, gap: 0.2 }, { rate: 0.2, gap: 0.1 }, { rate: 0.3, gap: 0.3 }, { rate: 0.4, gap: 0.15 }], 0);
    expect(g.verdict).toMatch(/No clear link/);
  });
});
