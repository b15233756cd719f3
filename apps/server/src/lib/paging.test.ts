import { describe, expect, it } from 'vitest';
import { decodeCursor, decodeTextIdCursor, decodeTimeIdCursor, encodeCursor, pageOf, pageOfSorted } from './paging';

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

describe('cursors checked before SQL and pages cut from a sorted list', () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  it.each([
    ['a (text, uuid) key', decodeTextIdCursor, encodeCursor(['Zeta', id(1)]), ['Zeta', id(1)]],
    ['a (time, uuid) key', decodeTimeIdCursor, encodeCursor(['2026-12-03T07:00:00.123Z', id(2)]), ['2026-12-03T07:00:00.123Z', id(2)]],
  ])('accepts %s', (_name, decode, cursor, key) => {
    expect(decode(cursor)).toEqual(key);
  });

  it.each([
    ['an id that is no uuid', decodeTextIdCursor, encodeCursor(['x', "1' or 1=1"])],
    ['a time that is no instant', decodeTimeIdCursor, encodeCursor(['yesterday', id(1)])],
    ['a time with a zone other than Z', decodeTimeIdCursor, encodeCursor(['2026-12-03T07:00:00+02:00', id(1)])],
    ['a number where text belongs', decodeTextIdCursor, encodeCursor([3, id(1)])],
  ])('refuses %s with a validation error', (_name, decode, cursor) => {
    expect(() => decode(cursor)).toThrow(/cursor/);
  });

  it('follows the list after the named id, or after its key when that item is gone', () => {
    const items = [
      { id: id(3), title: 'Alpha' },
      { id: id(1), title: 'Mid' },
      { id: id(2), title: 'Same' },
      { id: id(4), title: 'Same' },
      { id: id(5), title: 'Zeta' },
    ];
    const first = pageOfSorted(items, { limit: 2 }, (i) => i.title);
    expect(first.items.map((i) => i.title)).toEqual(['Alpha', 'Mid']);
    const second = pageOfSorted(items, { limit: 2, cursor: first.nextCursor! }, (i) => i.title);
    expect(second.items.map((i) => i.id)).toEqual([id(2), id(4)]);
    const last = pageOfSorted(items, { limit: 2, cursor: second.nextCursor! }, (i) => i.title);
    expect(last).toEqual({ items: [items[4]], nextCursor: null });
    // 'Same' id(2) was deleted between pages: the walk goes on at the next key.
    const without = items.filter((i) => i.id !== id(2));
    const gone = pageOfSorted(without, { limit: 5, cursor: encodeCursor(['Same', id(2)]) }, (i) => i.title);
    expect(gone.items.map((i) => i.id)).toEqual([id(4), id(5)]);
  });
});
