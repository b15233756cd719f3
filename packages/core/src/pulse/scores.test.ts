import { describe, expect, it } from 'vitest';
import { alignmentHeadline, perceptionGap, summariseScores } from './scores';
import { findPulseTemplate } from './templates';

describe('summariseScores', () => {
  it.each([
    // Top two boxes over valid answers (REFERENCES.md); Wilson 100 of 200 = [0.4313609, 0.5686391] (statsmodels).
    [[50, 25, 25, 50, 50], 200, 100, 0.5, [0.4313609, 0.5686391]],
    [[0, 0, 0, 0, 5], 5, 5, 1, [0.5655, 1]],
    [[5, 0, 0, 0, 0], 5, 0, 0, [0, 0.4345]],
  ] as const)('%j → n %s, favourable %s/%s', (dist, n, fav, p, [lo, hi]) => {
    const s = summariseScores(dist);
    expect(s.n).toBe(n);
    expect(s.favourableCount).toBe(fav);
    expect(s.favourable).toBe(p);
    expect(s.ci[0]).toBeCloseTo(lo, 4);
    expect(s.ci[1]).toBeCloseTo(hi, 4);
    expect(s.distribution).toEqual(dist);
  });

  it.each([
    ['four points', [1, 2, 3, 4]],
    ['no answers', [0, 0, 0, 0, 0]],
    ['a fraction', [1, 0.5, 0, 0, 0]],
  ])('rejects %s', (_label, dist) => {
    expect(() => summariseScores(dist)).toThrow(RangeError);
  });
});

describe('perceptionGap', () => {
  it('uses Newcombe method 10: 56/70 − 48/80 → [0.0524, 0.3339] (Newcombe 1998, Table II)', () => {
    const g = perceptionGap({ key: { level: 'leader' }, favourableCount: 56, n: 70 }, { key: { level: 'employee' }, favourableCount: 48, n: 80 });
    expect(g.difference).toBeCloseTo(0.2, 10);
    expect(g.ci[0]).toBeCloseTo(0.0524, 4);
    expect(g.ci[1]).toBeCloseTo(0.3339, 4);
    expect(g.significant).toBe(true);
    expect(g.a).toEqual({ level: 'leader' });
  });

  it('is not significant when the interval contains 0', () => {
    expect(perceptionGap({ key: {}, favourableCount: 5, n: 10 }, { key: {}, favourableCount: 4, n: 10 }).significant).toBe(false);
  });
});

describe('alignmentHeadline', () => {
  it.each([
    ['IT and Business are aligned on tech priorities', 0.81, 0.54, '81% of leaders say IT and Business are aligned, but only 54% of employees agree.'],
    ['Our roadmap includes IT from the start', 0.6, 0.4, '60% of leaders agree that "Our roadmap includes IT from the start", but only 40% of employees agree.'],
    ['IT and Business are aligned on tech priorities', 0.5, 0.6, '50% of leaders say IT and Business are aligned, and 60% of employees agree.'],
  ])('%s %s vs %s', (statement, l, e, expected) => {
    expect(alignmentHeadline(statement, l, e)).toBe(expected);
  });
});

describe('templates', () => {
  it('tech-priorities-alignment opens with the seed statement and has the assessment statements', () => {
    const t = findPulseTemplate('tech-priorities-alignment')!;
    expect(t.statements[0]).toBe('IT and Business are aligned on tech priorities');
    expect(t.statements).toContain('Our roadmap is specific: owners, dates, measures');
    expect(t.statements.length).toBeGreaterThanOrEqual(9);
    expect(findPulseTemplate('nope')).toBeNull();
  });
});
