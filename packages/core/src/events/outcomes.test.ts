import { describe, expect, it } from 'vitest';
import { outcomesAlive, sixMonthsAfter, type OutcomeLink } from './outcomes';

describe('outcomesAlive', () => {
  const cases: [string, OutcomeLink[], { tracked: number; stillAlive: number }][] = [
    ['nothing decided', [{ outcome: null, linkedStatus: null }], { tracked: 0, stillAlive: 0 }],
    ['parked and shipped are not tracked', [{ outcome: 'parked', linkedStatus: null }, { outcome: 'shipped', linkedStatus: 'done' }], { tracked: 0, stillAlive: 0 }],
    [
      'initiatives live unless cancelled, requests unless rejected',
      [
        { outcome: 'became_initiative', linkedStatus: 'in_progress' },
        { outcome: 'became_initiative', linkedStatus: 'cancelled' },
        { outcome: 'became_initiative', linkedStatus: 'done' },
        { outcome: 'became_request', linkedStatus: 'rejected' },
        { outcome: 'became_request', linkedStatus: 'deferred' },
      ],
      { tracked: 5, stillAlive: 3 },
    ],
    ['a deleted item is not alive', [{ outcome: 'became_initiative', linkedStatus: null }], { tracked: 1, stillAlive: 0 }],
  ];
  it.each(cases)('%s', (_, ideas, want) => expect(outcomesAlive(ideas)).toEqual(want));
});

describe('sixMonthsAfter', () => {
  it.each([
    ['2026-12-11', '2027-06-11'],
    ['2026-03-15', '2026-09-15'],
    ['2026-08-31', '2027-02-28'],
    ['2027-08-31', '2028-02-29'],
    ['2026-07-01', '2027-01-01'],
  ])('%s → %s', (day, want) => expect(sixMonthsAfter(day)).toBe(want));
});
