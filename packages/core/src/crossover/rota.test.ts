import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sitInRota } from './rota';

const dates = (n: number) => Array.from({ length: n }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
const poolArb = fc.integer({ min: 1, max: 8 }).map((n) => Array.from({ length: n }, (_, i) => `p${i}`));

describe('sitInRota', () => {
  it('is a round robin without declines', () => {
    expect(sitInRota(['a', 'b', 'c'], dates(5)).map((t) => t.personId)).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('balances every window of consecutive meetings to within one turn (no declines)', () => {
    fc.assert(
      fc.property(poolArb, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 25 }), (pool, n, from, len) => {
        const rota = sitInRota(pool, dates(n));
        const window = rota.slice(Math.min(from, n), Math.min(from + len, n));
        const counts = pool.map((p) => window.filter((t) => t.personId === p).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never gives anyone two meetings in a row while someone else can go, with any declines', () => {
    fc.assert(
      fc.property(poolArb, fc.integer({ min: 1, max: 20 }), fc.array(fc.tuple(fc.nat(19), fc.nat(7))), (pool, n, raw) => {
        const ds = dates(n);
        const declines = raw.filter(([d, p]) => d < n && p < pool.length).map(([d, p]) => ({ date: ds[d]!, personId: pool[p]! }));
        const rota = sitInRota(pool, ds, declines);
        for (let i = 1; i < rota.length; i++) {
          const available = pool.filter((p) => !declines.some((d) => d.date === ds[i] && d.personId === p));
          if (available.length > 1 && rota[i - 1]!.personId !== null) expect(rota[i]!.personId).not.toBe(rota[i - 1]!.personId);
          if (available.length === 0) expect(rota[i]!.personId).toBeNull();
        }
      }),
    );
  });

  it('offers the next free meeting to whoever declined first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 10 }), (size, at) => {
        const pool = Array.from({ length: size }, (_, i) => `p${i}`);
        const ds = dates(at + 3);
        const planned = sitInRota(pool, ds)[at]!.personId!;
        const rota = sitInRota(pool, ds, [{ date: ds[at]!, personId: planned }]);
        expect(rota[at]!.personId).not.toBe(planned);
        expect(rota[at + 1]!.personId).toBe(planned);
      }),
    );
  });

  it('continues from history and leaves a meeting empty when everyone declined', () => {
    expect(sitInRota(['a', 'b'], dates(2), [], ['a']).map((t) => t.personId)).toEqual(['b', 'a']);
    expect(sitInRota(['a'], dates(1), [{ date: dates(1)[0]!, personId: 'a' }])[0]!.personId).toBeNull();
  });
});
