import { describe, expect, it } from 'vitest';
import { datesWords, dayWords } from './dates';

describe('round dates in words', () => {
  it.each([
    ['2026-12-10', '10 December 2026'],
    ['2027-01-01', '1 January 2027'],
  ])('%s reads %s whatever the browser\'s time zone', (day, words) => {
    expect(dayWords(day)).toBe(words);
  });

  it.each<[string | null, string | null, string]>([
    ['2026-12-01', '2026-12-10', 'Opens on 1 December 2026; closes after 10 December 2026 (scoring goes on all that day). Days are UTC.'],
    [null, '2026-12-10', 'No opening date (opened by hand); closes after 10 December 2026 (scoring goes on all that day). Days are UTC.'],
    ['2026-12-01', null, 'Opens on 1 December 2026; no closing date (closed by hand). Days are UTC.'],
  ])('%s to %s', (opensAt, closesAt, words) => {
    expect(datesWords(opensAt, closesAt)).toBe(words);
  });
});
