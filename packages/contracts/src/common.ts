import { z } from 'zod';

/** Random UUIDs identify every record in URLs; sequential ids would leak volumes across tenants. */
export const ZUuid = z.uuid();

/**
 * The calendar years a date may fall in. PostgreSQL has no year 0000 (and `z.iso.date()` accepts
 * it), and a year before 1900 in a strategy, a pulse or an import is a typo (0202 for 2026), never
 * a plan: refusing it gives a 400 naming the field instead of a database error (decision 009).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;
const yearMessage = `the year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
const inYears = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};

/** ISO calendar date `YYYY-MM-DD` that must be a real day, in years 1900–9999. */
export const ZIsoDate = z.iso.date().refine(inYears, yearMessage);

/** ISO date-time in UTC (`Z`), in years 1900–9999. */
export const ZIsoDateTime = z.iso.datetime().refine(inYears, yearMessage);

/** ISO 4217 currency code: three upper-case letters. */
export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR or USD');

export const ZEmail = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());

/** Minimum 10 characters; any Unicode; capped so that hashing cannot be abused for DoS. */
export const ZPassword = z.string().min(10, 'password must be at least 10 characters').max(1024);

export const ZName = z.string().trim().min(1, 'name is required').max(200);

export const ZRole = z.enum(['owner', 'admin', 'leader', 'member']);
export type TRole = z.infer<typeof ZRole>;

export const ZSide = z.enum(['it', 'business']);
export type TSide = z.infer<typeof ZSide>;

export const ZLevel = z.enum(['leader', 'employee']);
export type TLevel = z.infer<typeof ZLevel>;

/**
 * The single error body every failing request returns; `requestId` is also the `x-request-id`
 * header of the answer, and the id of the server's log line for it.
 */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZIdParams = z.strictObject({ id: ZUuid });

export const ZOk = z.object({ ok: z.literal(true) });

/**
 * Paged lists (platform contract): every list endpoint takes `?limit=` (default 50, at most 500)
 * and `?cursor=` (an opaque value returned as `nextCursor` by the previous page) and answers
 * `{ items, nextCursor }`, `nextCursor` being null on the last page. Filters stay query parameters.
 */
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 500;
export const ZPageCursor = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor must be a nextCursor returned by this endpoint');
export const ZPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
  cursor: ZPageCursor.optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;
/** `{ items: T[], nextCursor: string | null }` for any item schema. */
export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
