import { AppError } from '../../lib/errors';
import { decodeCursor } from '../../lib/paging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The exact (microsecond) UTC text that the queries put in a cursor: never a rounded JS date. */
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const bad = () => new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');

/** The (created_at, id) of the last round or scenario already read; checked before it reaches SQL. */
export function decodeAtIdCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!AT.test(at) || !UUID.test(id)) throw bad();
  return [at, id];
}

/** The (person, item, criterion) of the last score already read. */
export function decodeScoreCursor(cursor: string | undefined): [string, string, string] | null {
  if (!cursor) return null;
  const [personId, itemId, criterion] = decodeCursor(cursor, ['string', 'string', 'string']) as [string, string, string];
  if (!UUID.test(personId) || !UUID.test(itemId) || criterion.length > 40) throw bad();
  return [personId, itemId, criterion];
}
