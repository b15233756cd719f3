import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { kanoCategory, kanoCoefficients, type KanoAnswer, type KanoCategory } from './index';

describe('kanoCategory', () => {
  // The standard evaluation table (Berger et al. 1993), row = functional, column = dysfunctional.
  const answers: KanoAnswer[] = ['like', 'must-be', 'neutral', 'live-with', 'dislike'];
  const table: KanoCategory[][] = [
    ['Q', 'A', 'A', 'A', 'O'],
    ['R', 'I', 'I', 'I', 'M'],
    ['R', 'I', 'I', 'I', 'M'],
    ['R', 'I', 'I', 'I', 'M'],
    ['R', 'R', 'R', 'R', 'Q'],
  ];
  const cells = answers.flatMap((f, i) => answers.map((d, j) => [f, d, table[i]![j]!] as const));

  it.each(cells)('functional %s, dysfunctional %s -> %s', (f, d, want) => {
    expect(kanoCategory(f, d)).toBe(want);
  });

  it.each([
    ['love' as KanoAnswer, 'dislike' as KanoAnswer, /functional/],
    ['like' as KanoAnswer, 'hate' as KanoAnswer, /dysfunctional/],
  ])('rejects %s / %s', (f, d, msg) => {
    expect(() => kanoCategory(f, d)).toThrow(RangeError);
    expect(() => kanoCategory(f, d)).toThrow(msg);
  });
});

describe('kanoCoefficients', () => {
  const zero = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };

  it.each([
    // better = (A+O)/(A+O+M+I), worse = -(O+M)/(A+O+M+I); R and Q excluded.
    [{ ...zero, A: 10, O: 20, M: 5, I: 5 }, 0.75, -0.625],
    [{ ...zero, A: 1, O: 0, M: 0, I: 3, R: 7, Q: 2 }, 0.25, 0],
    [{ ...zero, M: 4 }, 0, -1],
    [{ ...zero, O: 2 }, 1, -1],
  ])('%j -> better %d, worse %d', (counts, better, worse) => {
    const c = kanoCoefficients(counts);
    expect(c.better).toBeCloseTo(better, 12);
    expect(c.worse).toBeCloseTo(worse, 12);
  });

  it('worse is +0, not -0, when there are no O or M answers', () => {
    expect(Object.is(kanoCoefficients({ ...zero, A: 1 }).worse, 0)).toBe(true);
  });

  it('property: better in [0, 1], worse in [-1, 0]', () => {
    const count = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(fc.record({ A: count, O: count, M: count, I: count, R: count, Q: count }), (c) => {
        fc.pre(c.A + c.O + c.M + c.I > 0);
        const { better, worse } = kanoCoefficients(c);
        expect(better).toBeGreaterThanOrEqual(0);
        expect(better).toBeLessThanOrEqual(1);
        expect(worse).toBeGreaterThanOrEqual(-1);
        expect(worse).toBeLessThanOrEqual(0);
      }),
    );
  });

  it.each([
    [{ ...zero, R: 3, Q: 1 }, /A \+ O \+ M \+ I/],
    [{ ...zero, A: -1, O: 2 }, /counts\.A/],
    [{ ...zero, A: 1, Q: NaN }, /counts\.Q/],
  ])('rejects %j', (c, msg) => {
    expect(() => kanoCoefficients(c)).toThrow(RangeError);
    expect(() => kanoCoefficients(c)).toThrow(msg);
  });
});
