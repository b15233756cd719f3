import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { casePlanByQuarter, itEnabledShare, parsePeriod, quarterOf, summariseValue, type BenefitSum } from './summary';

describe('periods', () => {
  it.each([
    ['2026-Q1', { year: 2026, quarter: 1 }],
    ['2026-Q4', { year: 2026, quarter: 4 }],
    ['2026-Q5', null],
    ['2026Q1', null],
  ])('parsePeriod(%s)', (p, want) => expect(parsePeriod(p)).toEqual(want));
  it('quarterOf takes the UTC month', () => {
    expect(quarterOf(new Date('2026-12-02T10:00:00Z'))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toEqual({ year: 2026, quarter: 2 });
  });
});

describe('summariseValue', () => {
  const initiatives = [
    { id: 'a', title: 'Alpha' },
    { id: 'b', title: 'Beta' },
    { id: 'c', title: 'Case-backed' },
  ];
  const sums: BenefitSum[] = [
    { initiativeId: 'a', kind: 'revenue', quarter: 1, planned: 100, realised: 20 },
    { initiativeId: 'a', kind: 'revenue', quarter: 3, planned: 100, realised: null },
    { initiativeId: 'b', kind: 'cost_saved', quarter: 1, planned: 50, realised: 80 },
    { initiativeId: 'b', kind: 'hours_saved', quarter: 2, planned: 10, realised: 4 },
    // Entered planned values of a case-backed initiative are replaced by the case.
    { initiativeId: 'c', kind: 'revenue', quarter: 2, planned: 999, realised: 30 },
  ];
  const caseLines = [
    { initiativeId: 'c', startYear: 2025, year: 1, likely: 400 },
    { initiativeId: 'c', startYear: 2025, year: 2, likely: 800 },
  ];
  const s = summariseValue({ year: 2026, current: { year: 2026, quarter: 2 }, sums, caseLines, initiatives, itEnabled: new Set(['b']) });

  it('takes the plan from the business case when there is one, spread over the quarters', () => {
    const c = s.byInitiative.find((i) => i.initiativeId === 'c')!;
    expect(c).toMatchObject({ planned: 400, realised: 30, plannedToDate: 200, lag: -170, plannedFrom: 'case' });
    expect(c.quarters.map((q) => q.planned)).toEqual([100, 100, 100, 100]);
  });
  it('puts the most lagging initiative first and keeps hours apart from money', () => {
    expect(s.byInitiative.map((i) => [i.initiativeId, i.lag])).toEqual([
      ['c', -170],
      ['a', -80],
      ['b', 30],
    ]);
    expect(s).toMatchObject({ planned: 650, realised: 130, plannedToDate: 350, hours: { planned: 10, realised: 4 } });
    expect(s.byQuarter).toEqual([
      { period: '2026-Q1', planned: 250, realised: 100 },
      { period: '2026-Q2', planned: 100, realised: 30 },
      { period: '2026-Q3', planned: 200, realised: 0 },
      { period: '2026-Q4', planned: 100, realised: 0 },
    ]);
  });
  it('gives the IT-enabled share of realised money', () => {
    expect(s.itEnabledShare).toBeCloseTo(80 / 130, 12);
    expect(itEnabledShare([])).toBeNull();
  });
  it('counts the whole year as due for a past year and none for a future one', () => {
    const past = summariseValue({ year: 2026, current: { year: 2027, quarter: 1 }, sums, caseLines: [], initiatives, itEnabled: new Set() });
    expect(past.plannedToDate).toBe(past.planned);
    const future = summariseValue({ year: 2026, current: { year: 2025, quarter: 4 }, sums, caseLines: [], initiatives, itEnabled: new Set() });
    expect(future.plannedToDate).toBe(0);
  });
  it('casePlanByQuarter ignores other years', () => {
    expect(casePlanByQuarter(caseLines, 2030)).toEqual([0, 0, 0, 0]);
  });
  it('totals equal the sum of the quarters (property)', () => {
    const arb = fc.array(
      fc.record({
        initiativeId: fc.constantFrom('a', 'b', 'c'),
        kind: fc.constantFrom('revenue' as const, 'cost_saved' as const, 'risk_reduced' as const),
        quarter: fc.integer({ min: 1, max: 4 }),
        planned: fc.option(fc.integer({ min: 0, max: 10_000 })),
        realised: fc.option(fc.integer({ min: -1000, max: 10_000 })),
      }),
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const r = summariseValue({ year: 2026, current: { year: 2026, quarter: 4 }, sums: rows, caseLines: [], initiatives, itEnabled: new Set(['a']) });
        expect(r.planned).toBeCloseTo(r.byQuarter.reduce((x, q) => x + q.planned, 0), 6);
        expect(r.realised).toBeCloseTo(r.byQuarter.reduce((x, q) => x + q.realised, 0), 6);
        for (let i = 1; i < r.byInitiative.length; i++) expect(r.byInitiative[i - 1]!.lag).toBeLessThanOrEqual(r.byInitiative[i]!.lag);
      }),
    );
  });
});
