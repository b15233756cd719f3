import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';
import { addDays, quarterLabel, searchRoadmap, shiftDates, timelineRows } from './timeline-model';

const goal = (id: string, title: string) => ({ id, title }) as TGoal;
const initiative = (id: string, title: string, goalIds: string[], startDate: string | null = null) => ({ id, title, goalIds, startDate, endDate: null }) as unknown as TInitiative;
const enabler = (id: string, title: string, initiativeIds: string[], endDate: string | null = null) => ({ id, title, initiativeIds, startDate: null, endDate }) as unknown as TEnabler;

describe('shiftDates', () => {
  it('moves both ends of a bar by the same number of days, across a month and a year end', () => {
    expect(shiftDates({ startDate: '2026-12-28', endDate: '2027-01-31' }, 'move', 7)).toEqual({ startDate: '2027-01-04', endDate: '2027-02-07' });
    expect(shiftDates({ startDate: '2027-03-01', endDate: '2027-03-31' }, 'move', -1)).toEqual({ startDate: '2027-02-28', endDate: '2027-03-30' });
  });

  it('moves one end only, and never past the other end', () => {
    expect(shiftDates({ startDate: '2027-01-01', endDate: '2027-01-10' }, 'end', 5)).toEqual({ startDate: '2027-01-01', endDate: '2027-01-15' });
    expect(shiftDates({ startDate: '2027-01-01', endDate: '2027-01-10' }, 'end', -30)).toEqual({ startDate: '2027-01-01', endDate: '2027-01-01' });
    expect(shiftDates({ startDate: '2027-01-01', endDate: '2027-01-10' }, 'start', 30)).toEqual({ startDate: '2027-01-10', endDate: '2027-01-10' });
  });

  it('leaves a missing date missing', () => {
    expect(shiftDates({ startDate: null, endDate: '2027-01-10' }, 'move', 3)).toEqual({ startDate: null, endDate: '2027-01-13' });
    expect(shiftDates({ startDate: null, endDate: '2027-01-10' }, 'start', 3)).toEqual({ startDate: null, endDate: '2027-01-10' });
  });

  it('a move and its opposite give back the dates; a resized bar never ends before it starts', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: -500, max: 500 }), fc.constantFrom('move', 'start', 'end') as fc.Arbitrary<'move' | 'start' | 'end'>, (s, len, days, mode) => {
        const d = { startDate: s, endDate: addDays(s, len) };
        const moved = shiftDates(d, mode, days);
        expect(moved.startDate! <= moved.endDate!).toBe(true);
        if (mode === 'move') expect(shiftDates(moved, 'move', -days)).toEqual(d);
      }),
    );
  });
});

describe('search and rows', () => {
  const goals = [goal('g1', 'Open 3 pickup points'), goal('g2', 'Cut lead time')];
  const initiatives = [initiative('i1', 'Click and collect', ['g1'], '2027-03-01'), initiative('i2', 'Same-day dispatch', ['g2'], '2027-01-01'), initiative('i3', 'Loose idea', [])];
  const enablers = [enabler('e1', 'Store stock API', ['i1'], '2027-04-15'), enabler('e2', 'Wave picking', ['i2'], '2026-12-01')];
  const initiativeById = new Map(initiatives.map((i) => [i.id, i]));
  const slipOf = (e: TEnabler, i: TInitiative) => (e.endDate && i.startDate && e.endDate > i.startDate ? 45 : null);

  it('a goal search brings its initiatives and the enablers they need; a title search finds the item', () => {
    const byGoal = searchRoadmap({ goals, initiatives, enablers, query: 'PICKUP' });
    expect(byGoal.initiatives.map((i) => i.id)).toEqual(['i1']);
    expect(byGoal.enablers.map((e) => e.id)).toEqual(['e1']);
    const byTitle = searchRoadmap({ goals, initiatives, enablers, query: 'wave' });
    expect(byTitle.initiatives).toEqual([]);
    expect(byTitle.enablers.map((e) => e.id)).toEqual(['e2']);
    expect(searchRoadmap({ goals, initiatives, enablers, query: '  ' }).initiatives).toHaveLength(3);
  });

  it('groups initiatives under their goal, loose ones last, then the IT lane with late enablers and their links', () => {
    const { rows, links, shownCount } = timelineRows({ goals, initiatives, enablers, initiativeById, query: '', groupByGoal: true, slipOf });
    expect(rows.map((r) => (r.kind === 'heading' ? r.text : r.key))).toEqual(['Business: initiatives', 'Goal: Open 3 pickup points', 'i1', 'Goal: Cut lead time', 'i2', 'No goal yet', 'i3', 'IT: enablers', 'e2', 'e1']);
    expect(shownCount).toBe(5);
    const late = rows.find((r) => r.kind === 'enabler' && r.key === 'e1');
    expect(late?.kind === 'enabler' && late.late?.slip).toBe(45);
    expect(links).toEqual([expect.objectContaining({ enablerRow: 8, initiativeRow: 4, late: false }), expect.objectContaining({ enablerRow: 9, initiativeRow: 2, late: true })]);
  });

  it('in time order without grouping: the earliest start first, undated last', () => {
    const { rows } = timelineRows({ goals, initiatives, enablers, initiativeById, query: '', groupByGoal: false, slipOf });
    expect(rows.filter((r) => r.kind === 'initiative').map((r) => r.key)).toEqual(['i2', 'i1', 'i3']);
  });

  it('names the quarter of an item by its start, else its end', () => {
    expect(quarterLabel({ startDate: '2027-03-31', endDate: '2027-09-01' })).toBe('2027 Q1');
    expect(quarterLabel({ startDate: null, endDate: '2027-10-01' })).toBe('2027 Q4');
    expect(quarterLabel({ startDate: null, endDate: null })).toBeNull();
  });
});
