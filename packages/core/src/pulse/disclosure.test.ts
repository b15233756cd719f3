import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../stats';
import { decideDisclosure, hidingCost } from './disclosure';
import { exactAudit, failures, keyId, type Key, type PublishedSegment, type TruthCell } from './exact-audit.testkit';
import { computePulseResults, decidePulseVisibility, type PulseResults } from './results';
import { dimensionSubsets, rollUp, segmentId, SEGMENT_DIMENSIONS, type CellKey } from './segments';
import { suppressSegments } from './suppression';

// core compiles without Node or DOM types; the property prints its tally.
declare const console: { log(...args: unknown[]): void };

const QUESTIONS = [
  { id: 'q1', text: 'IT and Business are aligned on tech priorities' },
  { id: 'q2', text: 'Our roadmap includes IT from the start' },
];
const BREAKDOWNS = dimensionSubsets(SEGMENT_DIMENSIONS);

function inputOf(truth: readonly TruthCell[], k: number) {
  return {
    questions: QUESTIONS,
    invited: truth.map((c) => ({ key: c.key as CellKey, count: c.invited })),
    answers: truth.flatMap((c) => c.respondents.flatMap((r) => QUESTIONS.map((q, i) => ({ questionId: q.id, key: c.key as CellKey, value: r[i]!, count: 1 })))),
    comments: new Map(QUESTIONS.map((q) => [q.id, truth.flatMap((c) => c.respondents.map((r) => `said ${r[0]}`))])),
    minGroupSize: k,
    minCommentGroupSize: Math.max(10, k),
  };
}

/** A plain check: expect() is too slow for the hundreds of thousands of numbers the property reads. */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`published numbers: ${what}`);
}

/**
 * Every number a leader can read, from every breakdown and the live view, gathered as published
 * segments (count and tallies); the derived numbers (favourable, intervals, rates, gaps, headline,
 * comments, the suppression summary) are checked to be functions of those and of the invitations.
 */
function collect(truth: readonly TruthCell[], k: number, results: (by: (typeof SEGMENT_DIMENSIONS)[number][], live: boolean) => PulseResults): PublishedSegment[] {
  const published = new Map<string, PublishedSegment>();
  const invitedOf = (key: Key) => truth.filter((c) => SEGMENT_DIMENSIONS.every((d) => key[d] === undefined || key[d] === c.key[d])).reduce((s, c) => s + c.invited, 0);
  const latticeSize = rollUp(truth.map((c) => ({ key: c.key as CellKey, counts: [1] })), SEGMENT_DIMENSIONS).size;
  const live = results(['side', 'level', 'department', 'location'], true);
  check(live.respondents === null, 'live: no respondent count');
  check(live.questions.every((q) => q.segments.every((s) => s.suppressed)), 'live: every score suppressed');
  check(live.responseRates.every((r) => r.suppressed && r.invited === invitedOf(r.key)), 'live: rates show invitations only');
  check(live.gaps.length === 0, 'live: no gaps');
  check(live.headline === null, 'live: no headline');
  let visibleIds: Set<string> | null = null;
  const derived: { a: Key; b: Key; fa: number | null; fb: number | null; q: string }[] = [];
  for (const by of BREAKDOWNS) {
    const r = results(by, false);
    const here = new Map<string, PublishedSegment>();
    r.questions.forEach((q, qi) => {
      for (const s of q.segments) {
        if (s.suppressed) continue;
        const id = keyId(s.key);
        const p = here.get(id) ?? { key: s.key, n: s.n, tallies: QUESTIONS.map(() => [0, 0, 0, 0, 0]) };
        check(p.n === s.n, `${id}: one n for every question`);
        p.tallies[qi] = [...s.distribution];
        here.set(id, p);
        check(s.favourable === (s.distribution[3]! + s.distribution[4]!) / s.n, `${id}: favourable from the distribution`);
        check(JSON.stringify(s.ci) === JSON.stringify(wilsonInterval(s.distribution[3]! + s.distribution[4]!, s.n)), `${id}: Wilson interval`);
      }
      if (q.comments) {
        check(here.has('') && (r.respondents ?? 0) >= Math.max(10, k), 'comments only for a visible everyone at the comment threshold');
      }
    });
    for (const rr of r.responseRates) {
      check(rr.invited === invitedOf(rr.key), 'invited is the known invitation count');
      if (!rr.suppressed) check(here.get(keyId(rr.key))?.n === rr.responded && rr.rate === rr.responded / rr.invited, 'a rate only for a visible segment');
    }
    if (r.respondents !== null) check(here.get('')?.n === r.respondents, 'respondents only when everyone is visible');
    // Gaps and the headline may name segments outside this view; they are checked once all views are in.
    derived.push(...r.gaps.map((g) => ({ a: g.a, b: g.b, fa: g.favourableA, fb: g.favourableB, q: g.questionId })));
    if (r.headline !== null) derived.push({ a: { level: 'leader' }, b: { level: 'employee' }, fa: null, fb: null, q: 'q1' });
    for (const [id, p] of here) {
      const prev = published.get(id);
      // The same segment shows the same numbers in every view.
      if (prev) check(JSON.stringify(prev) === JSON.stringify(p), `${id}: the same numbers in every view`);
      published.set(id, p);
    }
    // The summary of the suppression is the size of the lattice (known from the invitations) and
    // the number of hidden segments, which the pattern of suppressed rows shows anyway.
    check(r.suppression.segments === latticeSize, 'the lattice size is known from the invitations');
    if (by.length === 4) visibleIds = new Set(r.questions[0]?.segments.filter((s) => !s.suppressed).map((s) => segmentId(s.key)));
    if (visibleIds) check(r.suppression.hidden === r.suppression.segments - visibleIds.size, 'hidden = lattice − visible');
  }
  for (const g of derived) {
    const qi = QUESTIONS.findIndex((q) => q.id === g.q);
    for (const [key, f] of [[g.a, g.fa], [g.b, g.fb]] as const) {
      const p = published.get(keyId(key));
      check(p !== undefined, `a gap or the headline names ${keyId(key)}, which no view shows`);
      if (f !== null) check(f === (p!.tallies[qi]![3]! + p!.tallies[qi]![4]!) / p!.n, 'a gap quotes the visible favourable');
    }
  }
  return [...published.values()];
}

/** As the server does: the pulse's visible set is decided once (and cached), every view reads it. */
const resultsOf = (truth: readonly TruthCell[], k: number) => {
  const input = inputOf(truth, k);
  const visible = new Set(decidePulseVisibility(input));
  return (by: (typeof SEGMENT_DIMENSIONS)[number][], live: boolean) => computePulseResults({ ...input, by, live, visible });
};

const cell = (side: string, level: string, invited: number, answers: number[][], department = 'Ops', location = 'Oslo'): TruthCell => ({
  key: { side, level, department, location },
  invited,
  respondents: answers,
});
const same = (n: number, v: number[]) => Array.from({ length: n }, () => [...v]);

/** Issue 18's worked example: k = 5, one department and location. */
const WORKED = [cell('it', 'leader', 7, same(5, [4, 4])), cell('it', 'employee', 8, same(5, [3, 2])), cell('business', 'leader', 10, same(8, [5, 4])), cell('business', 'employee', 4, [[1, 2], [2, 1]])];

describe('decideDisclosure', () => {
  it('the worked example: keeps everyone and the leaders/employees pair, hides what would isolate the 2 Business employees', () => {
    const d = decideDisclosure(WORKED.map((c) => ({ key: c.key as CellKey, n: c.respondents.length, upper: c.invited })), 5);
    const base = (id: string) => [...d.visible].some((x) => x === id);
    expect(base('')).toBe(true);
    expect(base('level=leader') && base('level=employee')).toBe(true);
    expect(base('side=it\u001flevel=leader') && base('side=business\u001flevel=leader')).toBe(true);
    expect(base('side=it') || base('side=business') || base('side=it\u001flevel=employee')).toBe(false);
    expect(failures(exactAudit(WORKED, collect(WORKED, 5, resultsOf(WORKED, 5)), 5, 2))).toEqual([]);
  });

  it('the independent audit catches the old rule on the worked example (employees − IT + IT leaders = 2)', () => {
    const lattice = rollUp(WORKED.map((c) => ({ key: c.key as CellKey, counts: [c.respondents.length] })), SEGMENT_DIMENSIONS);
    const { visible } = suppressSegments([...lattice.values()].map((s) => ({ id: s.id, key: s.key, n: s.counts[0]! })), 5);
    const old = (by: (typeof SEGMENT_DIMENSIONS)[number][], live: boolean) => computePulseResults({ ...inputOf(WORKED, 5), by, live, visible });
    const bad = failures(exactAudit(WORKED, collect(WORKED, 5, old), 5, 2));
    expect(bad.map((v) => v.group)).toContain('side=business|level=employee');
    expect(bad.find((v) => v.group === 'side=business|level=employee')).toMatchObject({ n: 2, count: 'disclosed', tallies: ['disclosed', 'disclosed'] });
  });

  it('hides fine segments before coarse ones and the headline pairs last', () => {
    expect(hidingCost({ side: 'it', level: 'leader', department: 'a', location: 'b' })).toBeLessThan(hidingCost({ side: 'it', level: 'leader' }));
    expect(hidingCost({ department: 'a' })).toBeLessThan(hidingCost({ side: 'it' }));
    expect(hidingCost({ side: 'it' })).toBeLessThan(hidingCost({ level: 'leader' }));
    expect(hidingCost({ level: 'leader' })).toBeLessThan(hidingCost({}));
  });

  it('reports classes where everyone answered (participation implied) and rejects bad input', () => {
    const full = [cell('it', 'leader', 5, same(5, [4, 4])), cell('business', 'employee', 2, same(2, [1, 1]))];
    const d = decideDisclosure(full.map((c) => ({ key: c.key as CellKey, n: c.respondents.length, upper: c.invited })), 5);
    expect(d.fullClasses.length).toBe(1);
    expect(() => decideDisclosure([{ key: full[0]!.key as CellKey, n: 3, upper: 2 }], 5)).toThrow(RangeError);
    expect(() => decideDisclosure([], 0)).toThrow(RangeError);
  });
});

const VALUES = ['it', 'business'] as const;
const arbCell = fc.record({
  side: fc.constantFrom(...VALUES),
  level: fc.constantFrom('leader', 'employee'),
  department: fc.constantFrom('Sales', 'Apps'),
  location: fc.constantFrom('Oslo', 'Lima'),
  invited: fc.integer({ min: 1, max: 9 }),
  answered: fc.integer({ min: 0, max: 9 }),
  // A small palette per cell makes identical answers (the homogeneity limit) common.
  palette: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 }),
  pick: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
});

type RawCell = typeof arbCell extends fc.Arbitrary<infer T> ? T : never;

function population(raw: RawCell[], roomEverywhere: boolean): TruthCell[] {
  const byId = new Map<string, TruthCell>();
  for (const r of raw) {
    const key = { side: r.side, level: r.level, department: r.department, location: r.location };
    if (byId.has(segmentId(key))) continue;
    const n = Math.min(r.answered, roomEverywhere ? r.invited - 1 : r.invited);
    byId.set(segmentId(key), { key, invited: r.invited, respondents: Array.from({ length: Math.max(0, n) }, (_, i) => [...r.palette[r.pick[i]! % r.palette.length]!]) });
  }
  return [...byId.values()];
}

let cases = 0;
let groupsAudited = 0;
let limits = 0;

describe('pulse disclosure (property, independent exact audit)', () => {
  it('no group of 1..k−1 respondents has a determined count or answer tally, over every view a leader can ask for', () => {
    fc.assert(
      fc.property(fc.array(arbCell, { minLength: 1, maxLength: 12 }), fc.constantFrom(3, 5), fc.boolean(), (raw, k, room) => {
        cases++;
        const truth = population(raw, room);
        const verdicts = exactAudit(truth, collect(truth, k, resultsOf(truth, k)), k, QUESTIONS.length);
        groupsAudited += verdicts.length;
        limits += verdicts.filter((v) => v.count === 'limit').length;
        expect(failures(verdicts)).toEqual([]);
      }),
      { numRuns: 5000, seed: 20261202 },
    );
    console.log(`pulse disclosure property: ${cases} populations × 17 views, ${groupsAudited} groups of 1..k−1 audited, ${limits} only under the full-participation limit, 0 determined`);
    expect(groupsAudited).toBeGreaterThan(5000);
  }, 600_000);
});
