import { describe, expect, it } from 'vitest';
import { roundScheduleStep, type RoundScheduleInput } from './round-schedule';

const base: RoundScheduleInput = { status: 'draft', opensAt: '2026-12-01', closesAt: '2026-12-10', today: '2026-12-01', itemCount: 3 };

describe('roundScheduleStep', () => {
  it.each<[string, Partial<RoundScheduleInput>, string, string]>([
    ['draft, opening day reached', {}, 'open', 'opening-date-reached'],
    ['draft, the day before opening', { today: '2026-11-30' }, 'none', 'not-yet-open'],
    ['draft, opening day passed while the job was down', { today: '2026-12-05' }, 'open', 'opening-date-reached'],
    ['draft on its last day still opens', { today: '2026-12-10' }, 'open', 'opening-date-reached'],
    ['draft whose closing day is over stays a draft', { today: '2026-12-11' }, 'none', 'closing-date-passed-while-draft'],
    ['draft without items stays a draft', { itemCount: 0 }, 'none', 'no-items'],
    ['draft without an opening date', { opensAt: null }, 'none', 'no-opening-date'],
    ['draft without a closing date opens', { closesAt: null, today: '2027-06-01' }, 'open', 'opening-date-reached'],
    ['open, before the closing day', { status: 'open', today: '2026-12-09' }, 'none', 'closing-day-not-over'],
    ['open, on the closing day (scoring goes on all day)', { status: 'open', today: '2026-12-10' }, 'none', 'closing-day-not-over'],
    ['open, the day after the closing day', { status: 'open', today: '2026-12-11' }, 'close', 'closing-day-over'],
    ['open, long after, closes', { status: 'open', today: '2027-03-01' }, 'close', 'closing-day-over'],
    ['open early by hand, closing day over', { status: 'open', opensAt: '2027-01-01', today: '2026-12-11' }, 'close', 'closing-day-over'],
    ['open without a closing date', { status: 'open', closesAt: null, today: '2030-01-01' }, 'none', 'no-closing-date'],
    ['open with no items still closes', { status: 'open', itemCount: 0, today: '2026-12-11' }, 'close', 'closing-day-over'],
    ['closed never moves', { status: 'closed', today: '2026-12-11' }, 'none', 'closed'],
    ['closed before its opening date never moves', { status: 'closed', today: '2026-11-01' }, 'none', 'closed'],
    ['same-day round opens on its day', { opensAt: '2026-12-10', closesAt: '2026-12-10', today: '2026-12-10' }, 'open', 'opening-date-reached'],
  ])('%s', (_name, over, action, reason) => {
    expect(roundScheduleStep({ ...base, ...over })).toEqual({ action, reason });
  });

  it('never opens and closes in one step: a round opened today closes no earlier than the day after its closing day', () => {
    for (const today of ['2026-12-01', '2026-12-10', '2026-12-11']) {
      const first = roundScheduleStep({ ...base, today });
      if (first.action !== 'open') continue;
      expect(roundScheduleStep({ ...base, status: 'open', today }).action).toBe('none');
    }
  });
});
