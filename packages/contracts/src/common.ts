import { z } from 'zod';

/** Random UUIDs identify every record in URLs; sequential ids would leak volumes across tenants. */
export const ZUuid = z.uuid();

/** ISO calendar date `YYYY-MM-DD` that must be a real day. */
export const ZIsoDate = z.iso.date();

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

/** The single error body every failing request returns. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const ZIdParams = z.strictObject({ id: ZUuid });

export const ZOk = z.object({ ok: z.literal(true) });
