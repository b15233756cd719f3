import { AppError } from './errors';

/**
 * Keyset paging shared by every list endpoint (the platform's paged-list contract). A cursor is
 * the sort key of the last item seen, as base64url JSON: opaque to clients, stable under inserts
 * (no skipped or repeated rows as offset paging would give), and checked on the way back in.
 */
export type CursorKey = ReadonlyArray<string | number | null>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor, with its arity and element types checked; a 400 for anything else. */
export function decodeCursor(cursor: string, shape: ReadonlyArray<'string' | 'number'>): Array<string | number> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw bad();
  key.forEach((v, i) => {
    if (typeof v !== shape[i] || (typeof v === 'number' && !Number.isFinite(v))) throw bad();
  });
  return key as Array<string | number>;
}

/**
 * One page from rows fetched with `limit + 1`: the extra row only says that another page exists.
 * `keyOf` gives the sort key of a row, the same columns the query orders by (ending with the id).
 */
export function pageOf<R, T = R>(rows: R[], limit: number, keyOf: (row: R) => CursorKey, map?: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: map ? page.map(map) : (page as unknown as T[]),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

const bad = () => new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');

/** A page query as the routes pass it on (`ZPageQuery`'s output). */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A `(text, uuid)` cursor (a name or title, then the id), checked before it reaches SQL. */
export function decodeTextIdCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [text, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!UUID.test(id)) throw bad();
  return [text, id];
}

/** A `(timestamp, uuid)` cursor (an ISO instant in UTC, then the id), checked before it reaches SQL. */
export function decodeTimeIdCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!ISO.test(at) || Number.isNaN(Date.parse(at)) || !UUID.test(id)) throw bad();
  return [at, id];
}

/**
 * A page of a list that is already whole in memory, in its final order (the strategy lists, whose
 * roll-ups need the whole roadmap anyway). The cursor is the last item's `(sort text, id)`; the
 * next page starts after that id, or, when that item was deleted meanwhile, at the first item whose
 * key sorts after the cursor's (code-point order, the database's order for ordinary titles).
 */
export function pageOfSorted<T extends { id: string }>(items: T[], q: PageQuery, textOf: (item: T) => string) {
  const after = decodeTextIdCursor(q.cursor);
  let start = 0;
  if (after) {
    const at = items.findIndex((i) => i.id === after[1]);
    start = at >= 0 ? at + 1 : items.findIndex((i) => textOf(i) > after[0] || (textOf(i) === after[0] && i.id > after[1]));
    if (start < 0) start = items.length;
  }
  return pageOf(items.slice(start, start + q.limit + 1), q.limit, (i) => [textOf(i), i.id]);
}
