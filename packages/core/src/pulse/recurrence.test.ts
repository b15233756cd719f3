import { describe, expect, it } from 'vitest';
import { addMonthsUtc, nextPulseSchedule, nextPulseTitle } from './recurrence';

const d = (s: string) => new Date(s);

describe('addMonthsUtc', () => {
  it.each([
    ['2026-01-05T09:00:00.000Z', 1, '2026-02-05T09:00:00.000Z'],
    ['2026-01-31T09:00:00.000Z', 1, '2026-02-28T09:00:00.000Z'],
    ['2028-01-31T00:00:00.000Z', 1, '2028-02-29T00:00:00.000Z'],
    ['2026-11-30T00:00:00.000Z', 3, '2027-02-28T00:00:00.000Z'],
    ['2026-12-15T23:30:00.000Z', 1, '2027-01-15T23:30:00.000Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonthsUtc(d(from), months).toISOString()).toBe(to);
  });
});

describe('nextPulseSchedule', () => {
  const base = { opensAt: null, openedAt: null, closesAt: null, closedAt: null, createdAt: d('2025-12-01T00:00:00Z') };
  it.each([
    ['quarterly from the planned opening, same duration', { ...base, opensAt: d('2026-01-05T09:00:00Z'), closesAt: d('2026-01-19T09:00:00Z') }, 'quarter', '2026-01-20T00:00:00Z', '2026-04-05T09:00:00.000Z', '2026-04-19T09:00:00.000Z'],
    ['monthly from the day it was opened, 14 days when no close was set', { ...base, openedAt: d('2026-01-10T00:00:00Z'), closedAt: null }, 'month', '2026-01-20T00:00:00Z', '2026-02-10T00:00:00.000Z', '2026-02-24T00:00:00.000Z'],
    ['a closed date stands in for a missing close', { ...base, openedAt: d('2026-01-10T00:00:00Z'), closedAt: d('2026-01-17T00:00:00Z') }, 'month', '2026-01-20T00:00:00Z', '2026-02-10T00:00:00.000Z', '2026-02-17T00:00:00.000Z'],
    ['an opening already past moves to now', { ...base, opensAt: d('2026-01-05T00:00:00Z'), closesAt: d('2026-01-12T00:00:00Z') }, 'month', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z'],
  ] as const)('%s', (_label, prev, every, now, opens, closes) => {
    const s = nextPulseSchedule(prev, every, d(now));
    expect(s.opensAt.toISOString()).toBe(opens);
    expect(s.closesAt.toISOString()).toBe(closes);
  });
});

describe('nextPulseTitle', () => {
  it.each([
    ['Alignment Pulse 2026 Q1', 'quarter', '2026-04-05T00:00:00Z', 'Alignment Pulse 2026 Q2'],
    ['Team pulse 2026-01', 'month', '2026-02-10T00:00:00Z', 'Team pulse 2026-02'],
    ['Team pulse (2026-01)', 'month', '2026-02-10T00:00:00Z', 'Team pulse 2026-02'],
    ['Team pulse', 'quarter', '2026-10-01T00:00:00Z', 'Team pulse (2026 Q4)'],
  ] as const)('%s → %s', (title, every, opens, out) => {
    expect(nextPulseTitle(title, every, d(opens))).toBe(out);
  });
});
