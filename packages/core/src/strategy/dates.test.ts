import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, endOfQuarter, horizonOf, isoDate, quarterLabel } from './dates';

describe('dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2026-11-28T23:59:59Z', dayNumber('2026-11-28')],
  ])('dayNumber(%s) = %i', (iso, n) => expect(dayNumber(iso)).toBe(n));

  it('round-trips and counts whole days across a leap day and DST', () => {
    expect(isoDate(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-12-31', '2026-Q4'],
  ])('quarterLabel(%s) = %s', (iso, q) => expect(quarterLabel(iso)).toBe(q));

  it('finds the end of this and the next quarter', () => {
    expect(isoDate(endOfQuarter(dayNumber('2026-11-28')))).toBe('2026-12-31');
    expect(isoDate(endOfQuarter(dayNumber('2026-11-28'), 1))).toBe('2027-03-31');
  });

  const now = new Date('2026-11-28T09:00:00Z');
  it.each([
    [null, null, 'unscheduled'],
    ['2026-01-01', '2026-06-01', 'past'],
    ['2026-10-01', '2027-06-01', 'now'],
    ['2026-12-31', null, 'now'],
    ['2027-01-01', null, 'next'],
    ['2027-04-01', null, 'later'],
  ] as const)('horizonOf(%s, %s) = %s', (s, e, h) => expect(horizonOf(s, e, now)).toBe(h));
});
