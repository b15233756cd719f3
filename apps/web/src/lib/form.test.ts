import { describe, expect, it } from 'vitest';
import { safeRedirect } from './form';

describe('safeRedirect', () => {
  const cases: [unknown, string][] = [
    ['/organisation', '/organisation'],
    ['/people?x=1#y', '/people?x=1#y'],
    [undefined, '/people'],
    ['', '/people'],
    ['https://evil.example/', '/people'],
    ['//evil.example/path', '/people'],
    ['people', '/people'],
    [42, '/people'],
  ];
  it.each(cases)('%j → %s', (target, expected) => {
    expect(safeRedirect(target, '/people')).toBe(expected);
  });
});
