import { describe, expect, it } from 'vitest';
import { coffeeStats, type CoffeeMember } from './stats';

const m = (id: string, side: 'it' | 'business', department: string, met: boolean | null = null): CoffeeMember => ({ id, side, department, met });

describe('coffeeStats', () => {
  it('counts repeats within the window, the cross-side share and the meeting rate', () => {
    const s = coffeeStats(
      [
        { number: 1, groups: [[m('a', 'it', 'Dev', true), m('b', 'business', 'Sales')], [m('c', 'it', 'Dev', false), m('d', 'it', 'Ops', false)]] },
        { number: 2, groups: [[m('a', 'it', 'Dev'), m('c', 'it', 'Dev')], [m('b', 'business', 'Sales'), m('d', 'it', 'Ops')]] },
        { number: 5, groups: [[m('a', 'it', 'Dev', true), m('b', 'business', 'Sales', true)], [m('c', 'it', 'Dev'), m('d', 'it', 'Ops')]] },
      ],
      3,
    );
    // a-b met in rounds 1 and 5 (4 apart, outside 3); c-d in 1 and 5 too.
    expect(s).toMatchObject({ rounds: 3, groups: 6, repeatPairs: 0, crossSideShare: 3 / 6, meetingRate: 2 / 3 });
    expect(s.bySide.business).toEqual({ groups: 2, met: 2, rate: 1 });
    expect(s.byDepartment.Ops).toEqual({ groups: 1, met: 0, rate: 0 });
    expect(coffeeStats([{ number: 1, groups: [[m('a', 'it', 'D'), m('b', 'it', 'D')]] }, { number: 2, groups: [[m('a', 'it', 'D'), m('b', 'it', 'D')]] }], 3).repeatPairs).toBe(1);
    expect(coffeeStats([], 3)).toMatchObject({ rounds: 0, crossSideShare: null, meetingRate: null });
  });
});
