import { describe, expect, it } from 'vitest';
import { rollUpProgress } from './progress';
import type { EnablerInput, InitiativeInput, LadderRungInput } from './types';

const ini = (id: string, over: Partial<InitiativeInput> = {}): InitiativeInput => ({
  id,
  title: id,
  description: '',
  goalIds: ['g'],
  ownerId: null,
  businessChampionId: null,
  itChampionId: null,
  startDate: null,
  endDate: null,
  status: 'planned',
  effort: 1,
  createdAt: '2026-01-01',
  itInvolvedAt: null,
  ladder: [],
  ...over,
});
const en = (id: string, initiativeIds: string[], status: EnablerInput['status']): EnablerInput => ({
  id,
  title: id,
  initiativeIds,
  ownerId: null,
  startDate: null,
  endDate: null,
  status,
  effort: 1,
});
const rung = (done: boolean): LadderRungInput => ({ rung: 'now', deliverable: 'x', date: '2026-01-01', done });
const goal = { id: 'g', title: 'g', metric: null, baseline: null, target: null, unit: null, dueDate: null, ownerId: null };

describe('rollUpProgress', () => {
  it.each([
    ['no units yet', ini('i'), [], 0],
    ['done initiative', ini('i', { status: 'done' }), [], 1],
    ['cancelled initiative', ini('i', { status: 'cancelled' }), [], null],
    ['1 of 2 enablers done', ini('i'), [en('a', ['i'], 'done'), en('b', ['i'], 'in_progress')], 0.5],
    ['cancelled enabler drops out', ini('i'), [en('a', ['i'], 'done'), en('b', ['i'], 'cancelled')], 1],
    ['enablers and rungs together', ini('i', { ladder: [rung(true), rung(true)] }), [en('a', ['i'], 'done'), en('b', ['i'], 'planned')], 0.75],
  ] as const)('%s', (_n, initiative, enablers, expected) => {
    const r = rollUpProgress({ goals: [goal], initiatives: [initiative], enablers: [...enablers] });
    expect(r.initiatives.get('i')).toBe(expected);
    expect(r.goals.get('g')).toBe(expected);
  });

  it('weights goal progress by initiative effort, and leaves a goal without initiatives at null', () => {
    const r = rollUpProgress({
      goals: [goal, { ...goal, id: 'empty' }],
      initiatives: [ini('a', { effort: 3, status: 'done' }), ini('b', { effort: 1 }), ini('c', { status: 'cancelled' })],
      enablers: [],
    });
    expect(r.goals.get('g')).toBe(0.75);
    expect(r.goals.get('empty')).toBeNull();
  });

  it('falls back to a plain mean when every effort is zero', () => {
    const r = rollUpProgress({ goals: [goal], initiatives: [ini('a', { effort: 0, status: 'done' }), ini('b', { effort: 0 })], enablers: [] });
    expect(r.goals.get('g')).toBe(0.5);
  });
});
