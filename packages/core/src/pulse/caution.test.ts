import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOW_PARTICIPATION, participationCautions } from './caution';

describe('participationCautions', () => {
  it('cautions when fewer than 30% answered: 12 of 50 is 24%', () => {
    expect(participationCautions({ respondents: 12, invited: 50, minGroupSize: 5, visibleGroupSizes: [12] })).toEqual([{ kind: 'low-participation', rate: 0.24 }]);
  });

  it('no caution at 15 of 50 (30%) with groups of at least 1.5 k', () => {
    expect(participationCautions({ respondents: 15, invited: 50, minGroupSize: 5, visibleGroupSizes: [15, 8, 7.5] })).toEqual([]);
  });

  it('cautions on a group barely above k: 6 people with k = 5, one person moves it by 1/6', () => {
    const c = participationCautions({ respondents: 40, invited: 50, minGroupSize: 5, visibleGroupSizes: [40, 6, 34] });
    expect(c).toEqual([{ kind: 'thin-group', smallest: 6, onePersonMoves: 1 / 6 }]);
  });

  it('says so when the total itself is hidden', () => {
    expect(participationCautions({ respondents: null, invited: 8, minGroupSize: 5, visibleGroupSizes: [] })).toEqual([{ kind: 'total-hidden' }]);
  });

  it('cautions exactly when the rate is below the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (invited, r) => {
        const respondents = Math.min(r, invited);
        const low = participationCautions({ respondents, invited, minGroupSize: 5, visibleGroupSizes: [] }).some((c) => c.kind === 'low-participation');
        expect(low).toBe(respondents / invited < LOW_PARTICIPATION);
      }),
    );
  });
});
