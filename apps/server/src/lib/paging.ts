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
