import { describe, expect, it } from 'vitest';
import { digestDue, localWeekdayHour } from './digest';
import { largestMovements, movementSize } from './movements';

describe('digest timing', () => {
  it.each([
    ['2026-12-07T08:30:00Z', 'Europe/Amsterdam', { weekday: 1, hour: 9 }],
    ['2026-07-06T08:30:00Z', 'Europe/Amsterdam', { weekday: 1, hour: 10 }],
    ['2026-12-07T02:00:00Z', 'America/New_York', { weekday: 0, hour: 21 }],
    ['2026-12-06T23:59:00Z', 'UTC', { weekday: 0, hour: 23 }],
  ])('%s in %s', (iso, tz, want) => expect(localWeekdayHour(new Date(iso), tz)).toEqual(want));
  it('7 and 0 are both Sunday', () => {
    const sunday = new Date('2026-12-06T09:10:00Z');
    expect(digestDue({ weekday: 7, hour: 9, timeZone: 'UTC' }, sunday)).toBe(true);
    expect(digestDue({ weekday: 0, hour: 9, timeZone: 'UTC' }, sunday)).toBe(true);
    expect(digestDue({ weekday: 0, hour: 10, timeZone: 'UTC' }, sunday)).toBe(false);
  });
});

describe('largestMovements', () => {
  const f = (n: number) => String(n);
  it('ranks by relative size with a unit floor and says each in words', () => {
    const out = largestMovements([
      { tile: 'health', label: 'Roadmap health', from: 60, to: 66, scale: 100, format: f, higherIsBetter: true },
      { tile: 'leadTime', label: 'Lead time P85', from: 10, to: 20, scale: 1, format: (n) => `${n} days`, higherIsBetter: false },
      { tile: 'value', label: 'Value realised', from: 0, to: 0, scale: 1, format: f, higherIsBetter: true },
    ]);
    expect(out).toEqual([
      { tile: 'leadTime', text: 'Lead time P85 rose from 10 days to 20 days (worse).', from: 10, to: 20 },
      { tile: 'health', text: 'Roadmap health rose from 60 to 66 (better).', from: 60, to: 66 },
    ]);
    expect(movementSize({ from: 0, to: 0.5, scale: 1 })).toBe(0.5);
  });
  it('keeps five', () => {
    const ms = Array.from({ length: 8 }, (_, i) => ({ tile: 't', label: `m${i}`, from: 1, to: 2 + i, scale: 1, format: f, higherIsBetter: null }));
    expect(largestMovements(ms).map((m) => m.text)).toHaveLength(5);
    expect(largestMovements(ms)[0]!.text).toBe('m7 rose from 1 to 9.');
  });
});
