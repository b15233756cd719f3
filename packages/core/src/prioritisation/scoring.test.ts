import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cd3, rice, totalDelayCost, wsjf, type DelayItem } from './index';

describe('wsjf', () => {
  it.each([
    // SAFe example (REFERENCES.md): 8 + 5 + 13 over 5 = 5.2.
    [8, 5, 13, 5, 5.2],
    [1, 1, 1, 1, 3],
    [20, 20, 20, 20, 3],
    [3, 0, 0, 2, 1.5],
    [5, 8, 2, 3, 5],
  ])('(%d + %d + %d) / %d = %d', (businessValue, timeCriticality, riskReduction, jobSize, want) => {
    expect(wsjf({ businessValue, timeCriticality, riskReduction, jobSize })).toBeCloseTo(want, 12);
  });

  it.each([
    [{ businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 0 }, /jobSize/],
    [{ businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: -2 }, /jobSize/],
    [{ businessValue: -1, timeCriticality: 1, riskReduction: 1, jobSize: 1 }, /businessValue/],
    [{ businessValue: 1, timeCriticality: NaN, riskReduction: 1, jobSize: 1 }, /timeCriticality/],
    [{ businessValue: 1, timeCriticality: 1, riskReduction: Infinity, jobSize: 1 }, /riskReduction/],
  ])('rejects %j', (x, msg) => {
    expect(() => wsjf(x)).toThrow(RangeError);
    expect(() => wsjf(x)).toThrow(msg);
  });
});

describe('rice', () => {
  it.each([
    // Intercom scales: impact 3 / 2 / 1 / 0.5 / 0.25, confidence 100% / 80% / 50%.
    [500, 2, 0.8, 2, 400],
    [1000, 3, 1, 5, 600],
    [250, 0.25, 0.5, 1, 31.25],
    [0, 3, 1, 1, 0],
  ])('%d x %d x %d / %d = %d', (reach, impact, confidence, effort, want) => {
    expect(rice({ reach, impact, confidence, effort })).toBeCloseTo(want, 10);
  });

  it.each([
    [{ reach: 100, impact: 1, confidence: 80, effort: 1 }, /confidence: must be a fraction/],
    [{ reach: 100, impact: 1, confidence: -0.1, effort: 1 }, /confidence/],
    [{ reach: 100, impact: 1, confidence: NaN, effort: 1 }, /confidence/],
    [{ reach: 100, impact: 1, confidence: 0.5, effort: 0 }, /effort/],
    [{ reach: -1, impact: 1, confidence: 0.5, effort: 1 }, /reach/],
    [{ reach: 1, impact: -1, confidence: 0.5, effort: 1 }, /impact/],
  ])('rejects %j', (x, msg) => {
    expect(() => rice(x)).toThrow(RangeError);
    expect(() => rice(x)).toThrow(msg);
  });
});

describe('cd3 and totalDelayCost', () => {
  // Black Swan Farming example: A 10/week for 2 weeks, B 30/week for 4 weeks.
  const A = { costOfDelayPerWeek: 10, durationWeeks: 2 };
  const B = { costOfDelayPerWeek: 30, durationWeeks: 4 };

  it.each([
    [10, 2, 5],
    [30, 4, 7.5],
    [0, 3, 0],
  ])('cd3(%d, %d) = %d', (c, d, want) => {
    expect(cd3(c, d)).toBe(want);
  });

  it.each([
    [[B, A], 180],
    [[A, B], 200],
    [[A], 20],
    [[], 0],
  ])('totalDelayCost %j = %d', (seq, want) => {
    expect(totalDelayCost(seq)).toBe(want);
  });

  it.each([
    [() => cd3(10, 0), /durationWeeks/],
    [() => cd3(-1, 2), /costOfDelayPerWeek/],
    [() => cd3(NaN, 2), /costOfDelayPerWeek/],
    [() => totalDelayCost([A, { costOfDelayPerWeek: -1, durationWeeks: 1 }]), /sequence\[1\]\.costOfDelayPerWeek/],
    [() => totalDelayCost([{ costOfDelayPerWeek: 1, durationWeeks: Infinity }]), /sequence\[0\]\.durationWeeks/],
  ])('rejects bad input %#', (f, msg) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(msg);
  });

  function permutations<T>(xs: T[]): T[][] {
    if (xs.length <= 1) return [xs];
    return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  }

  it('property: descending CD3 order minimises the total cost of delay (all permutations, up to 6 items)', () => {
    const item = fc.record({
      costOfDelayPerWeek: fc.integer({ min: 0, max: 100 }),
      durationWeeks: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items: DelayItem[]) => {
        const ordered = [...items].sort(
          (a, b) => cd3(b.costOfDelayPerWeek, b.durationWeeks) - cd3(a.costOfDelayPerWeek, a.durationWeeks),
        );
        const best = Math.min(...permutations(items).map(totalDelayCost));
        expect(totalDelayCost(ordered)).toBeCloseTo(best, 9);
      }),
      { numRuns: 60 },
    );
  });
});
