import { describe, expect, it } from 'vitest';
import { findDependencyCycle } from './cycles';

const g = (pairs: [string, string[]][]) => new Map(pairs);

describe('findDependencyCycle', () => {
  it.each([
    ['no edges', g([]), 'a', ['b'], null],
    ['self', g([]), 'a', ['a'], ['a', 'a']],
    ['two-cycle', g([['b', ['a']]]), 'a', ['b'], ['a', 'b', 'a']],
    ['three-cycle', g([['b', ['c']], ['c', ['a']]]), 'a', ['b'], ['a', 'b', 'c', 'a']],
    ['diamond without cycle', g([['b', ['d']], ['c', ['d']]]), 'a', ['b', 'c'], null],
    ['existing edges of a are replaced, not followed', g([['a', ['b']], ['b', ['c']]]), 'a', ['c'], null],
    ['cycle through the second dependency', g([['b', []], ['c', ['d']], ['d', ['a']]]), 'a', ['b', 'c'], ['a', 'c', 'd', 'a']],
  ] as const)('%s', (_n, edges, id, deps, expected) => {
    expect(findDependencyCycle(edges as Map<string, string[]>, id, deps)).toEqual(expected);
  });

  it('handles a long chain without recursion limits', () => {
    const edges = new Map<string, string[]>();
    for (let i = 1; i < 50_000; i++) edges.set(`n${i}`, [`n${i + 1}`]);
    edges.set('n50000', ['n0']);
    expect(findDependencyCycle(edges, 'n0', ['n1'])?.length).toBe(50_002);
  });
});
