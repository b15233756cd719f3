import { describe, expect, it } from 'vitest';
import { isoWeekday, localDateTime, localDay, slotsOnDay, vtimezone, zonedToUtc } from './zoned-time';

describe('zonedToUtc', () => {
  it.each([
    ['2026-12-03', '15:00', 'Europe/Berlin', '2026-12-03T14:00:00.000Z'],
    ['2026-07-03', '15:00', 'Europe/Berlin', '2026-07-03T13:00:00.000Z'],
    ['2026-03-08', '10:00', 'America/New_York', '2026-03-08T14:00:00.000Z'],
    // 02:30 does not exist on the spring change in Berlin: it moves forward by the gap.
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '12:00', 'Europe/London', '2026-10-25T12:00:00.000Z'],
    ['2026-12-03', '00:00', 'UTC', '2026-12-03T00:00:00.000Z'],
    ['2026-12-03', '09:30', 'Asia/Kolkata', '2026-12-03T04:00:00.000Z'],
  ])('%s %s in %s is %s', (day, clock, tz, want) => {
    expect(zonedToUtc(day, clock, tz).toISOString()).toBe(want);
  });
});

describe('localDay, localDateTime and isoWeekday', () => {
  it.each([
    ['2026-12-03T23:30:00Z', 'Europe/Berlin', '2026-12-04', '2026-12-04T00:30:00'],
    ['2026-12-03T03:00:00Z', 'America/Los_Angeles', '2026-12-02', '2026-12-02T19:00:00'],
    ['2026-06-01T12:00:00Z', 'UTC', '2026-06-01', '2026-06-01T12:00:00'],
  ])('%s in %s', (instant, tz, day, local) => {
    expect(localDay(new Date(instant), tz)).toBe(day);
    expect(localDateTime(new Date(instant), tz)).toBe(local);
  });
  it.each([
    ['2026-12-07', 1],
    ['2026-12-03', 4],
    ['2026-12-06', 7],
  ])('%s is ISO weekday %i', (day, w) => expect(isoWeekday(day)).toBe(w));
});

describe('slotsOnDay', () => {
  const hour = { weekday: 4, start: '15:00', end: '16:00', slotMinutes: 20, timeZone: 'Europe/Berlin' };
  it('cuts the hours into whole slots on the published weekday only', () => {
    expect(slotsOnDay(hour, '2026-12-03').map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-12-03T14:00:00.000Z', '2026-12-03T14:20:00.000Z'],
      ['2026-12-03T14:20:00.000Z', '2026-12-03T14:40:00.000Z'],
      ['2026-12-03T14:40:00.000Z', '2026-12-03T15:00:00.000Z'],
    ]);
    expect(slotsOnDay(hour, '2026-12-04')).toEqual([]);
    // A slot that would run past the end is not published.
    expect(slotsOnDay({ ...hour, slotMinutes: 25 }, '2026-12-03')).toHaveLength(2);
  });
});

describe('vtimezone', () => {
  it('lists the real offset changes of a zone with daylight saving', () => {
    const text = vtimezone('Europe/Berlin', 2026, 2026);
    expect(text.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin')).toBe(true);
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
  });
  it('has a single standard observance for a zone without changes', () => {
    const text = vtimezone('UTC', 2026, 2027);
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
    expect(text).toContain('TZOFFSETTO:+0000');
  });
});
