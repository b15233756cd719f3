import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computePulseResults, type PulseResults } from './results';
import { dimensionSubsets, keyDimensions, segmentId, SEGMENT_DIMENSIONS, type CellKey, type SegmentKey } from './segments';

/**
 * The anonymity invariant as a property: for random populations, answers and every breakdown a
 * leader can ask for, gather every visible count (n of a score, responded of a response rate) and
 * show that no two visible aggregates, one nested in the other, differ by 1..k−1 people, and that
 * no visible total minus its visible children along one dimension leaves 1..k−1 people.
 */
const person = fc.record({
  side: fc.constantFrom('it', 'business'),
  level: fc.constantFrom('leader', 'employee'),
  department: fc.constantFrom('Sales', 'Sales', 'Sales', 'Finance', 'Apps', 'Infra'),
  location: fc.constantFrom('Oslo', 'Oslo', 'Lima', ''),
  answered: fc.integer({ min: 0, max: 3 }).map((x) => x > 0),
  values: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;
// core compiles without Node or DOM types; the test only needs to print its tally.
declare const console: { log(...args: unknown[]): void };

const QUESTIONS = [
  { id: 'q1', text: 'IT and Business are aligned on tech priorities' },
  { id: 'q2', text: 'Our roadmap includes IT from the start' },
];

function resultsFor(people: Person[], k: number, by: (typeof SEGMENT_DIMENSIONS)[number][]): PulseResults {
  const key = (p: Person): CellKey => ({ side: p.side, level: p.level, department: p.department, location: p.location });
  return computePulseResults({
    questions: QUESTIONS,
    invited: people.map((p) => ({ key: key(p), count: 1 })),
    answers: people.filter((p) => p.answered).flatMap((p) => QUESTIONS.map((q, i) => ({ questionId: q.id, key: key(p), value: p.values[i]!, count: 1 }))),
    comments: new Map(QUESTIONS.map((q) => [q.id, people.filter((p) => p.answered).map((p) => `comment ${p.values[0]}`)])),
    minGroupSize: k,
    minCommentGroupSize: Math.max(10, k),
    by,
    live: false,
  });
}

const contains = (outer: SegmentKey, inner: SegmentKey) => keyDimensions(outer).every((d) => inner[d] === outer[d]);

let pairsTried = 0;
let viewsTried = 0;
let runs = 0;

describe('pulse anonymity (property)', () => {
  it('no pair of visible aggregates isolates 1..k−1 respondents, across every breakdown', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 0, maxLength: 200, size: 'max' }), fc.integer({ min: 3, max: 7 }), (people, k) => {
        runs++;
        const truth = new Map<string, number>();
        const visibleN = new Map<string, { key: SegmentKey; n: number }>();
        for (const by of dimensionSubsets(SEGMENT_DIMENSIONS)) {
          viewsTried++;
          const r = resultsFor(people, k, by);
          const record = (key: SegmentKey, n: number) => {
            const id = segmentId(key);
            const prev = visibleN.get(id);
            // The same segment shows the same number in every view.
            if (prev) expect(prev.n).toBe(n);
            visibleN.set(id, { key, n });
          };
          for (const q of r.questions) {
            for (const s of q.segments) {
              if (s.suppressed) continue;
              expect(s.n).toBeGreaterThanOrEqual(k);
              expect(s.distribution.reduce((a, b) => a + b, 0)).toBe(s.n);
              record(s.key, s.n);
            }
            if (q.comments) expect(r.respondents).toBeGreaterThanOrEqual(Math.max(10, k));
          }
          for (const rr of r.responseRates) if (!rr.suppressed) record(rr.key, rr.responded);
          if (r.respondents !== null) record({}, r.respondents);
        }
        // Every visible n is the true count of its segment.
        for (const { key, n } of visibleN.values()) {
          const id = segmentId(key);
          if (!truth.has(id)) truth.set(id, people.filter((p) => p.answered && contains(key, p as unknown as SegmentKey)).length);
          expect(n).toBe(truth.get(id));
        }
        const vis = [...visibleN.values()];
        for (const a of vis) {
          for (const b of vis) {
            if (a === b) continue;
            pairsTried++;
            if (contains(b.key, a.key)) {
              // a is nested in b (b's key is a subset of a's): b − a is a real group of people.
              const diff = b.n - a.n;
              expect(diff === 0 || diff >= k, `${segmentId(b.key)} (${b.n}) − ${segmentId(a.key)} (${a.n}) isolates ${diff} < k=${k}`).toBe(true);
            }
          }
        }
        // A visible total minus its visible children along one dimension.
        for (const t of vis) {
          for (const d of SEGMENT_DIMENSIONS) {
            if (t.key[d] !== undefined) continue;
            const kids = vis.filter((c) => keyDimensions(c.key).length === keyDimensions(t.key).length + 1 && c.key[d] !== undefined && contains(t.key, c.key));
            if (kids.length === 0) continue;
            const rest = t.n - kids.reduce((s, c) => s + c.n, 0);
            expect(rest === 0 || rest >= k, `${segmentId(t.key)} minus its visible ${d} children leaves ${rest}`).toBe(true);
          }
        }
      }),
      { numRuns: 60, seed: 20261128 },
    );
    console.log(`pulse anonymity property: ${runs} populations, ${viewsTried} breakdown views, ${pairsTried} visible aggregate pairs tried, 0 isolating fewer than k`);
    expect(pairsTried).toBeGreaterThan(1000);
  }, 30_000);
});
