import { describe, expect, it } from 'vitest';
import { rollUp, segmentId, type CellKey, type SegmentKey } from './segments';
import { suppressSegments } from './suppression';

const seg = (key: SegmentKey, n: number) => ({ id: segmentId(key), key, n });
const cell = (side: string, level: string, n: number, department = 'D', location = 'L') => ({
  key: { side, level, department, location } as CellKey,
  counts: [n],
});
const lattice = (cells: ReturnType<typeof cell>[]) => [...rollUp(cells).values()].map((s) => ({ id: s.id, key: s.key, n: s.counts[0]! }));

describe('suppressSegments', () => {
  it.each([
    // [label, segments, k, visible ids]
    ['everything at or above k stays visible', [seg({}, 20), seg({ side: 'it' }, 10), seg({ side: 'business' }, 10)], 5, ['', 'side=business', 'side=it']],
    ['a small cell takes its only sibling with it (12 − 10 would reveal 2)', [seg({}, 12), seg({ side: 'it' }, 10), seg({ side: 'business' }, 2)], 5, ['']],
    ['zero respondents is a count below k but reveals nobody', [seg({}, 10), seg({ side: 'it' }, 10), seg({ side: 'business' }, 0)], 5, ['', 'side=it']],
    ['the whole population below k hides everything', [seg({}, 4), seg({ side: 'it' }, 4)], 5, []],
    [
      'two hidden siblings summing below k take the smallest visible sibling too',
      [seg({}, 22), seg({ department: 'a' }, 10), seg({ department: 'b' }, 8), seg({ department: 'c' }, 2), seg({ department: 'd' }, 2)],
      5,
      ['', 'department=a'],
    ],
    [
      'two hidden siblings summing to k or more are safe',
      [seg({}, 26), seg({ department: 'a' }, 10), seg({ department: 'b' }, 10), seg({ department: 'c' }, 3), seg({ department: 'd' }, 3)],
      5,
      ['', 'department=a', 'department=b'],
    ],
    ['k = 3 floor', [seg({}, 6), seg({ level: 'leader' }, 3), seg({ level: 'employee' }, 3)], 3, ['', 'level=employee', 'level=leader']],
  ] as const)('%s', (_label, segments, k, expected) => {
    expect([...suppressSegments(segments, k).visible].sort()).toEqual([...expected].sort());
  });

  it('hides a fine cell whose difference to a visible grandparent is below k (19 − 15 = 4)', () => {
    // IT leaders 15, IT employees 2, Business employees 2: every marginal but "everyone" is hidden,
    // yet everyone (19) − IT leaders (15) would isolate the 4 others.
    const segs = lattice([cell('it', 'leader', 15), cell('it', 'employee', 2), cell('business', 'employee', 2)]);
    const r = suppressSegments(segs, 5);
    expect(r.visible.has('')).toBe(true);
    expect(r.visible.has(segmentId({ side: 'it', level: 'leader' }))).toBe(false);
    expect(r.complementary.has(segmentId({ side: 'it', level: 'leader' }))).toBe(true);
  });

  it('applies row and column suppression in a two-way table until nothing changes', () => {
    const segs = lattice([cell('it', 'leader', 6), cell('it', 'employee', 20), cell('business', 'leader', 2), cell('business', 'employee', 30)]);
    const r = suppressSegments(segs, 5);
    const vis = (k: SegmentKey) => r.visible.has(segmentId(k));
    // Business leaders (2) is primary; its row (business) and column (leader) each need a second hidden cell.
    expect(vis({ side: 'business', level: 'leader' })).toBe(false);
    expect(vis({ level: 'leader' })).toBe(true); // 8
    expect(vis({ side: 'it', level: 'leader' })).toBe(false); // 8 − 6 would reveal 2
    expect(vis({ side: 'business', level: 'employee' })).toBe(false); // 32 − 30 would reveal 2
    expect(vis({})).toBe(true);
  });

  it('is deterministic whatever order the segments come in', () => {
    const segs = lattice([cell('it', 'leader', 6), cell('it', 'employee', 20), cell('business', 'leader', 2), cell('business', 'employee', 30, 'X')]);
    const a = [...suppressSegments(segs, 5).visible].sort();
    const b = [...suppressSegments([...segs].reverse(), 5).visible].sort();
    expect(b).toEqual(a);
  });

  it.each([
    ['k = 0', () => suppressSegments([seg({}, 1)], 0), /^k:/],
    ['k = 2.5', () => suppressSegments([seg({}, 1)], 2.5), /^k:/],
    ['negative n', () => suppressSegments([seg({}, -1)], 5), /^n of segment/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
