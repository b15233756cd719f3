import { describe, expect, it } from 'vitest';
import type { TPerson } from '@tandem/contracts';
import { EMPTY_FILTER, matchesFilter, type PeopleFilter } from './people-filter';

const ada: TPerson = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Ada Lovelace',
  email: 'ada@acme.test',
  department: 'Engineering',
  side: 'it',
  level: 'leader',
  location: 'London',
  managerId: null,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('matchesFilter', () => {
  const cases: [string, Partial<PeopleFilter>, boolean][] = [
    ['empty filter keeps everyone', {}, true],
    ['name, any case', { text: 'LOVELACE' }, true],
    ['department', { text: 'engin' }, true],
    ['location', { text: 'london' }, true],
    ['email', { text: 'ada@' }, true],
    ['surrounding spaces are ignored', { text: '  ada  ' }, true],
    ['no match', { text: 'sales' }, false],
    ['side matches exactly', { side: 'it' }, true],
    ['other side', { side: 'business' }, false],
    ['level', { level: 'leader' }, true],
    ['other level', { level: 'employee' }, false],
    ['all conditions at once', { text: 'ada', side: 'it', level: 'leader' }, true],
    ['one failing condition excludes', { text: 'ada', side: 'business' }, false],
  ];
  it.each(cases)('%s', (_name, f, expected) => {
    expect(matchesFilter(ada, { ...EMPTY_FILTER, ...f })).toBe(expected);
  });
});
