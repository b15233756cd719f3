import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_FLOW,
  STATUS_CATEGORIES,
  calibrationVerdict,
  checkTransition,
  finishedOn,
  flowProblems,
  initialStatus,
  nextStatuses,
  stampsOnMove,
  statusOfCategory,
  type FlowDefinition,
} from './index';

/** A stricter flow: new → triaged → (in progress | rejected | deferred), in progress → review → done, deferred → triaged. */
const strict: FlowDefinition = {
  statuses: [
    { key: 'inbox', label: 'Inbox', category: 'new' },
    { key: 'triaged', label: 'Triaged', category: 'triaged' },
    { key: 'building', label: 'Building', category: 'in_progress' },
    { key: 'review', label: 'In review', category: 'in_progress' },
    { key: 'shipped', label: 'Shipped', category: 'done' },
    { key: 'no', label: 'Rejected', category: 'rejected' },
    { key: 'later', label: 'Deferred', category: 'deferred' },
  ],
  transitions: [
    { from: 'inbox', to: 'triaged' },
    { from: 'inbox', to: 'no' },
    { from: 'triaged', to: 'building' },
    { from: 'triaged', to: 'no' },
    { from: 'triaged', to: 'later' },
    { from: 'later', to: 'triaged' },
    { from: 'building', to: 'review' },
    { from: 'review', to: 'building' },
    { from: 'review', to: 'shipped' },
  ],
};

describe('the default flow', () => {
  it('is today’s behaviour: the six categories as statuses, any move between two of them', () => {
    expect(DEFAULT_FLOW.statuses.map((s) => s.key)).toEqual([...STATUS_CATEGORIES]);
    expect(DEFAULT_FLOW.statuses.every((s) => s.key === s.category)).toBe(true);
    expect(DEFAULT_FLOW.transitions).toHaveLength(30);
    expect(flowProblems(DEFAULT_FLOW)).toEqual([]);
    for (const a of STATUS_CATEGORIES) for (const b of STATUS_CATEGORIES) expect(checkTransition(DEFAULT_FLOW, a, b).ok).toBe(true);
  });
});

describe('checkTransition', () => {
  it.each([
    ['inbox', 'triaged', true],
    ['triaged', 'building', true],
    ['review', 'shipped', true],
    ['inbox', 'inbox', true],
    ['inbox', 'shipped', false],
    ['building', 'shipped', false],
    ['shipped', 'building', false],
    ['no', 'triaged', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    expect(checkTransition(strict, from, to).ok).toBe(ok);
  });

  it('says why and where the request may go instead', () => {
    const r = checkTransition(strict, 'building', 'shipped');
    expect(r).toEqual({ ok: false, reason: 'the flow does not allow a move from "Building" to "Shipped"; from "Building" a request may go to "In review"' });
    expect(checkTransition(strict, 'shipped', 'inbox')).toMatchObject({ ok: false, reason: expect.stringContaining('nowhere (it is final)') });
    expect(checkTransition(strict, 'inbox', 'done')).toMatchObject({ ok: false, reason: expect.stringContaining('"done" is not a status') });
  });

  it('nextStatuses follows display order', () => {
    expect(nextStatuses(strict, 'triaged').map((s) => s.key)).toEqual(['building', 'no', 'later']);
  });
});

describe('flowProblems', () => {
  const base = strict;
  it.each<[string, FlowDefinition, string]>([
    ['no statuses', { statuses: [], transitions: [] }, 'statuses'],
    ['a bad key', { ...base, statuses: [{ key: 'In Box', label: 'Inbox', category: 'new' }, ...base.statuses.slice(1)] }, 'statuses.0.key'],
    ['a duplicate key', { ...base, statuses: [...base.statuses, { key: 'inbox', label: 'Other', category: 'new' }] }, 'statuses.7.key'],
    ['a duplicate label', { ...base, statuses: [...base.statuses, { key: 'other', label: 'INBOX', category: 'new' }] }, 'statuses.7.label'],
    ['no new status', { statuses: base.statuses.filter((s) => s.category !== 'new'), transitions: [] }, 'statuses'],
    ['no done status', { statuses: base.statuses.filter((s) => s.category !== 'done'), transitions: [] }, 'statuses'],
    ['an unknown transition target', { ...base, transitions: [...base.transitions, { from: 'inbox', to: 'ghost' }] }, 'transitions.9.to'],
    ['a self-loop', { ...base, transitions: [...base.transitions, { from: 'inbox', to: 'inbox' }] }, 'transitions.9'],
    ['a repeated move', { ...base, transitions: [...base.transitions, { from: 'inbox', to: 'triaged' }] }, 'transitions.9'],
    ['an unreachable status', { ...base, transitions: base.transitions.filter((t) => t.to !== 'shipped') }, 'statuses.4'],
  ])('refuses %s', (_, flow, path) => {
    expect(flowProblems(flow).map((p) => p.path)).toContain(path);
  });
  it('accepts a well-formed stricter flow', () => {
    expect(flowProblems(strict)).toEqual([]);
    expect(initialStatus(strict).key).toBe('inbox');
    expect(statusOfCategory(strict, 'in_progress')?.key).toBe('building');
  });
});

describe('stampsOnMove', () => {
  const none = { startedOn: null, doneOn: null, itInvolvedOn: null };
  it.each([
    ['new', 'triaged', none, { startedOn: null, doneOn: null, itInvolvedOn: '2026-05-01' }],
    ['triaged', 'in_progress', { ...none, itInvolvedOn: '2026-04-01' }, { startedOn: '2026-05-01', doneOn: null, itInvolvedOn: '2026-04-01' }],
    ['in_progress', 'done', { startedOn: '2026-04-10', doneOn: null, itInvolvedOn: '2026-04-01' }, { startedOn: '2026-04-10', doneOn: '2026-05-01', itInvolvedOn: '2026-04-01' }],
    ['done', 'in_progress', { startedOn: '2026-04-10', doneOn: '2026-04-20', itInvolvedOn: '2026-04-01' }, { startedOn: '2026-04-10', doneOn: null, itInvolvedOn: '2026-04-01' }],
    ['in_progress', 'in_progress', { startedOn: '2026-04-10', doneOn: null, itInvolvedOn: null }, { startedOn: '2026-04-10', doneOn: null, itInvolvedOn: null }],
  ] as const)('%s → %s', (from, to, before, after) => {
    expect(stampsOnMove(from, to, '2026-05-01', before)).toEqual(after);
  });
  it('keeps a done day exactly while in the done category', () => {
    const cat = fc.constantFrom(...STATUS_CATEGORIES);
    fc.assert(
      fc.property(cat, cat, (from, to) => {
        const r = stampsOnMove(from, to, '2026-05-01', { startedOn: null, doneOn: from === 'done' ? '2026-04-01' : null, itInvolvedOn: null });
        return (r.doneOn !== null) === (to === 'done');
      }),
    );
  });
});

describe('calibration', () => {
  it.each([
    [[], null],
    [[{ doneOn: '2026-03-01', rejected: false }, { doneOn: '2026-03-04', rejected: false }], '2026-03-04'],
    [[{ doneOn: '2026-03-01', rejected: false }, { doneOn: null, rejected: false }], null],
    [[{ doneOn: '2026-03-01', rejected: false }, { doneOn: null, rejected: true }], '2026-03-01'],
    [[{ doneOn: null, rejected: true }], null],
  ] as const)('finishedOn(%j) = %s', (items, day) => {
    expect(finishedOn(items)).toBe(day);
  });
  it.each([
    [0, 0, null, 'not_enough_data'],
    [9, 9, 1, 'not_enough_data'],
    [10, 8, 0.8, 'calibrated'],
    [20, 19, 0.95, 'calibrated'],
    [10, 7, 0.7, 'overconfident'],
    [10, 10, 1, 'underconfident'],
  ] as const)('%i resolved, %i within: %s %s', (resolved, within, rate, verdict) => {
    expect(calibrationVerdict(resolved, within)).toEqual({ hitRate: rate, verdict });
  });
});
