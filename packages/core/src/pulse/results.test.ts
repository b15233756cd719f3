import { describe, expect, it } from 'vitest';
import { computePulseResults, type PulseResultsInput } from './results';
import type { CellKey } from './segments';

const Q = [
  { id: 'q1', text: 'IT and Business are aligned on tech priorities' },
  { id: 'q2', text: 'IT and Business move at a similar pace' },
];
const key = (side: string, level: string): CellKey => ({ side, level, department: 'D', location: '' });

/** n people of a cell answering `fav` favourably (5) and the rest unfavourably (2) on both questions. */
function group(side: string, level: string, n: number, fav: number) {
  const k = key(side, level);
  return {
    invited: [{ key: k, count: n + 1 }],
    answers: Q.flatMap((q) => [
      { questionId: q.id, key: k, value: 5, count: fav },
      { questionId: q.id, key: k, value: 2, count: n - fav },
    ]),
  };
}

function input(groups: ReturnType<typeof group>[], extra: Partial<PulseResultsInput> = {}): PulseResultsInput {
  return {
    questions: Q,
    invited: groups.flatMap((g) => g.invited),
    answers: groups.flatMap((g) => g.answers),
    minGroupSize: 5,
    minCommentGroupSize: 10,
    by: ['side', 'level'],
    live: false,
    ...extra,
  };
}

describe('computePulseResults', () => {
  const base = [group('it', 'leader', 20, 17), group('it', 'employee', 30, 15), group('business', 'leader', 20, 15), group('business', 'employee', 30, 17)];

  it('returns every subset of the breakdown with n, favourable, Wilson interval and distribution', () => {
    const r = computePulseResults(input(base));
    const q1 = r.questions[0]!;
    expect(q1.segments.map((s) => s.key)).toEqual([
      {},
      { side: 'business' },
      { side: 'it' },
      { level: 'employee' },
      { level: 'leader' },
      { side: 'business', level: 'employee' },
      { side: 'business', level: 'leader' },
      { side: 'it', level: 'employee' },
      { side: 'it', level: 'leader' },
    ]);
    const all = q1.segments[0]!;
    expect(all.suppressed).toBeUndefined();
    if (!all.suppressed) {
      expect(all.n).toBe(100);
      expect(all.favourable).toBe(0.64);
      expect(all.distribution).toEqual([0, 36, 0, 0, 64]);
      expect(all.ci[0]).toBeLessThan(0.64);
    }
    expect(r.respondents).toBe(100);
    expect(r.invited).toBe(104);
    expect(r.responseRates[0]).toEqual({ key: {}, invited: 104, responded: 100, rate: 100 / 104 });
  });

  it('gives the gaps leaders vs employees, IT vs Business and the four cells, and the headline in the seed form', () => {
    const r = computePulseResults(input(base));
    const q1gaps = r.gaps.filter((g) => g.questionId === 'q1');
    expect(q1gaps).toHaveLength(6);
    const lvl = q1gaps[0]!;
    expect(lvl.a).toEqual({ level: 'leader' });
    expect(lvl.difference).toBeCloseTo(32 / 40 - 32 / 60, 10);
    expect(lvl.significant).toBe(true);
    expect(r.headline).toBe('80% of leaders say IT and Business are aligned, but only 53% of employees agree.');
  });

  it('suppresses small cells and their complements, and drops gaps and the headline that need them', () => {
    const r = computePulseResults(input([group('it', 'leader', 3, 3), group('it', 'employee', 30, 15), group('business', 'employee', 30, 17)]));
    const q1 = r.questions[0]!;
    const shown = q1.segments.filter((s) => !s.suppressed).map((s) => s.key);
    expect(shown).toContainEqual({});
    expect(shown).not.toContainEqual({ level: 'leader' });
    expect(shown).not.toContainEqual({ level: 'employee' }); // 63 − 60 would reveal the 3 leaders
    expect(r.headline).toBeNull();
    expect(r.gaps.some((g) => g.a.level === 'leader' || g.b.level === 'leader')).toBe(false);
    expect(r.responseRates.filter((x) => !x.suppressed).map((x) => x.key)).toEqual(shown);
  });

  it('shows no respondent count while live, only the invitations (decision 023)', () => {
    const few = computePulseResults(input([group('it', 'employee', 4, 2)], { live: true, by: [] }));
    expect(few.respondents).toBeNull();
    expect(few.responseRates).toEqual([{ key: {}, invited: 5, suppressed: true }]);
    const many = computePulseResults(input(base, { live: true }));
    expect(many.respondents).toBeNull();
    expect(many.responseRates.every((r) => r.suppressed)).toBe(true);
    expect(many.questions[0]!.segments.every((s) => s.suppressed)).toBe(true);
    expect(many.gaps).toEqual([]);
    expect(many.headline).toBeNull();
  });

  it('shows comments only for everyone, only at the comment threshold, sorted', () => {
    const comments = new Map([['q1', ['zebra', 'apple', ' ']]]);
    expect(computePulseResults(input(base, { comments })).questions[0]!.comments).toEqual(['apple', 'zebra']);
    expect(computePulseResults(input(base, { comments, minCommentGroupSize: 101 })).questions[0]!.comments).toBeUndefined();
  });
});
