import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './paging';

describe('keyset paging', () => {
  it('round-trips a key and refuses a cursor of another shape', () => {
    const c = encodeCursor(['2026-12-02T10:00:00.000Z', 'b3c1']);
    expect(decodeCursor(c, ['string', 'string'])).toEqual(['2026-12-02T10:00:00.000Z', 'b3c1']);
    expect(() => decodeCursor(c, ['number', 'string'])).toThrow(/cursor/);
    expect(() => decodeCursor(c, ['string'])).toThrow(/cursor/);
    expect(() => decodeCursor('not-json', ['string'])).toThrow(/cursor/);
  });

  it('gives a next cursor only when the extra row exists', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = pageOf(rows, 2, (r) => [r.id]);
    expect(full.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(decodeCursor(full.nextCursor!, ['string'])).toEqual(['b']);
    expect(pageOf(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
