import { z } from 'zod';
import { ZCurrency, ZEmail, ZIsoDateTime, ZLevel, ZName, ZPageQuery, ZPassword, ZRole, ZSide, ZUuid, zPage } from '../common';

export const ZOrganisationInput = z.strictObject({
  name: ZName,
  currency: ZCurrency,
});
export type TOrganisationInput = z.infer<typeof ZOrganisationInput>;

export const ZSetupRequest = z.strictObject({
  organisation: ZOrganisationInput,
  owner: z.strictObject({ name: ZName, email: ZEmail, password: ZPassword }),
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZSetupStatus = z.object({ setupRequired: z.boolean() });

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: z.string().min(1).max(1024),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZOrganisation = z.object({
  id: ZUuid,
  name: z.string(),
  currency: z.string(),
  role: ZRole,
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZUser = z.object({ id: ZUuid, name: z.string(), email: z.string() });
export type TUser = z.infer<typeof ZUser>;

export const ZMeResponse = z.object({
  user: ZUser,
  organisations: z.array(ZOrganisation),
  current: ZOrganisation.nullable(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: ZPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZInvitationRequest = z.strictObject({
  email: ZEmail,
  role: ZRole.exclude(['owner']).default('member'),
});
export type TInvitationRequest = z.infer<typeof ZInvitationRequest>;

/**
 * With mail set up the link goes only to the invitee's mailbox: `url` and `token` are null, so the
 * administrator never holds it (decision 007). Without mail they are returned for handing over.
 */
export const ZInvitationCreated = z.object({
  id: ZUuid,
  url: z.string().nullable(),
  token: z.string().nullable(),
  expiresAt: z.string(),
  emailed: z.boolean(),
});
export type TInvitationCreated = z.infer<typeof ZInvitationCreated>;

export const ZInvitation = z.object({
  id: ZUuid,
  email: z.string(),
  role: ZRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

/** Invitations, newest first, paged (the paged-list contract). */
export const ZInvitationList = zPage(ZInvitation);
export type TInvitationList = z.infer<typeof ZInvitationList>;

/** What an invitee sees before accepting: whom they join and as which address. */
export const ZInvitationPreview = z.object({
  organisation: z.string(),
  email: z.string(),
  role: ZRole,
  expiresAt: z.string(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/**
 * `name` and `password` make a new account; when the address already has an account, `password` is
 * its current password (the name is then ignored). The preview does not tell which case applies.
 */
export const ZAcceptInvitationRequest = z.strictObject({ name: ZName.optional(), password: z.string().min(1).max(1024) });
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

/** The same body for every request, whether or not the address has an account. */
export const ZPasswordResetRequested = z.object({ message: z.string() });
export type TPasswordResetRequested = z.infer<typeof ZPasswordResetRequested>;

export const ZPasswordResetConfirm = z.strictObject({ token: z.string().min(1).max(200), password: ZPassword });
export type TPasswordResetConfirm = z.infer<typeof ZPasswordResetConfirm>;

export const ZMember = z.object({
  userId: ZUuid,
  name: z.string(),
  email: z.string(),
  role: ZRole,
  joinedAt: z.string(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZUpdateMemberRequest = z.strictObject({ role: ZRole });
export type TUpdateMemberRequest = z.infer<typeof ZUpdateMemberRequest>;

/** Accounts of the organisation by name, paged (the paged-list contract). */
export const ZMemberList = zPage(ZMember);
export type TMemberList = z.infer<typeof ZMemberList>;

export const ZMemberRoleChanged = z.object({ userId: ZUuid, role: ZRole });
export type TMemberRoleChanged = z.infer<typeof ZMemberRoleChanged>;

export const ZPerson = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  department: z.string(),
  side: ZSide,
  level: ZLevel,
  location: z.string(),
  managerId: ZUuid.nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPerson = z.infer<typeof ZPerson>;

const personFields = {
  name: ZName,
  email: ZEmail,
  department: z.string().trim().min(1, 'department is required').max(120),
  side: ZSide,
  level: ZLevel,
  location: z.string().trim().max(120).default(''),
  managerId: ZUuid.nullable().optional(),
};

export const ZCreatePersonRequest = z.strictObject(personFields);
export type TCreatePersonRequest = z.input<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = z
  .strictObject({
    name: personFields.name,
    email: personFields.email,
    department: personFields.department,
    side: personFields.side,
    level: personFields.level,
    location: z.string().trim().max(120),
    managerId: ZUuid.nullable(),
    active: z.boolean(),
  })
  .partial();
export type TUpdatePersonRequest = z.input<typeof ZUpdatePersonRequest>;

export const ZPeopleQuery = ZPageQuery.extend({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** A page of the directory ordered by name (the paged-list contract). */
export const ZPeopleList = zPage(ZPerson);
export type TPeopleList = z.infer<typeof ZPeopleList>;

/** The CSV header the people import expects, in order. */
export const PEOPLE_CSV_HEADER = ['name', 'email', 'department', 'side', 'level', 'location'] as const;
/** Columns the export writes and the import accepts when present (the round trip, issue #17). */
export const PEOPLE_CSV_OPTIONAL = ['manager_email', 'active'] as const;

/** One CSV row, validated the same way as a single create. */
export const ZPersonCsvRow = z.strictObject({
  name: personFields.name,
  email: personFields.email,
  department: personFields.department,
  side: ZSide,
  level: ZLevel,
  location: z.string().trim().max(120).default(''),
  manager_email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
  active: z
    .enum(['true', 'false', 'yes', 'no', '1', '0', ''])
    .optional()
    .transform((v) => !(v === 'false' || v === 'no' || v === '0')),
});

export const ZPeopleImportQuery = z.strictObject({
  /** true: count what the import would do (new, changed, unchanged, errors) and write nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** What a people import did (or would do, on a dry run); a row whose e-mail exists updates that person. */
export const ZPeopleImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** The refused rows with the file's own header, to fix and import again; '' when none. */
  failedCsv: z.string(),
});
export type TPeopleImportResult = z.infer<typeof ZPeopleImportResult>;

export const ZImportResult = z.object({
  added: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZAuditEntry = z.object({
  id: ZUuid,
  at: z.string(),
  actorUserId: ZUuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** The item's current name (or the e-mail / name the target already is); null without a target. */
  targetName: z.string().nullable(),
  /** The web page of the item, null when it was deleted or has none. */
  targetLink: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** A position in the audit log: the time and id of the last entry seen (keyset paging, no skips at equal times). */
export const ZAuditCursor = z
  .string()
  .max(100)
  .refine((c) => {
    const [at, id, ...rest] = c.split('~');
    return rest.length === 0 && ZIsoDateTime.safeParse(at).success && ZUuid.safeParse(id).success;
  }, 'cursor must be a nextCursor returned by this endpoint');

export const ZAuditQuery = ZPageQuery.extend({
  cursor: ZAuditCursor.optional(),
});

export const ZAuditList = z.object({
  items: z.array(ZAuditEntry),
  /** Pass as `cursor` to read the next, older page; null when there is none. */
  nextCursor: z.string().nullable(),
});
export type TAuditList = z.infer<typeof ZAuditList>;

/**
 * Liveness (`GET /api/health`): 200 while the process runs. `database.ok` reports a ping bounded
 * to one second, for a person reading it; orchestrators use `/api/ready` for the database.
 */
export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  version: z.string(),
});

/** Readiness (`GET /api/ready`): 200 when the database answers and its migrations are current, else 503. */
export const ZReady = z.object({
  ready: z.boolean(),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  migrations: z.object({ expected: z.number().int(), applied: z.number().int(), current: z.boolean() }).nullable(),
  version: z.string(),
});
