import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row, ever: inserting it is how setup claims the instance, so two concurrent first-run
 * requests cannot both create an owner.
 */
export const instance = pgTable(
  'instance',
  {
    id: integer('id').primaryKey(),
    setupAt: ts('setup_at').notNull().defaultNow(),
  },
  (t) => [check('instance_singleton', sql`${t.id} = 1`)],
);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Accounts are global: one person may belong to several organisations. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /**
     * When the holder of the mailbox last proved it (a mailed invitation or password reset).
     * Null: the account was made from a link an administrator held, so nobody proved the address
     * (decision 007: such an account can never be joined by another organisation's link).
     */
    emailVerifiedAt: ts('email_verified_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'leader', 'member'] }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', sql`${t.role} in ('owner','admin','leader','member')`),
  ],
);

/** Server-side sessions; the id column holds the SHA-256 of the cookie value, never the value. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    currentOrgId: uuid('current_org_id').references(() => organisations.id, { onDelete: 'set null' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The idle expiry: pushed forward while the session is used, never past absoluteExpiresAt. */
    expiresAt: ts('expires_at').notNull(),
    /** The absolute end of the session, fixed at sign-in (sessions from before this column end at their idle expiry). */
    absoluteExpiresAt: ts('absolute_expires_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Password reset tokens: only the SHA-256 is stored; single-use (usedAt) and short-lived. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('password_resets_token_key').on(t.tokenHash), index('password_resets_user_idx').on(t.userId), index('password_resets_expires_idx').on(t.expiresAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'leader', 'member'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** True when the link went only to the invitee's mailbox: holding it proves the address (decision 007). */
    mailed: boolean('mailed').notNull().default(false),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_org_idx').on(t.orgId, t.createdAt),
  ],
);

/**
 * The people directory. People need not have accounts. The manager is another person of the
 * same organisation: the composite foreign key makes a cross-organisation link impossible.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    department: text('department').notNull(),
    side: text('side', { enum: ['it', 'business'] }).notNull(),
    level: text('level', { enum: ['leader', 'employee'] }).notNull(),
    location: text('location').notNull().default(''),
    managerId: uuid('manager_id'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('people_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('people_org_email_key').on(t.orgId, sql`lower(${t.email})`),
    index('people_org_idx').on(t.orgId, t.name),
    foreignKey({ name: 'people_manager_fk', columns: [t.orgId, t.managerId], foreignColumns: [t.orgId, t.id] }),
    check('people_side_check', sql`${t.side} in ('it','business')`),
    check('people_level_check', sql`${t.level} in ('leader','employee')`),
  ],
);

/**
 * A counter per organisation and kind of data ("people"), raised by a trigger on every statement
 * that changes that data (migration 0024, decision 166): a read can tell whether a cached answer is
 * still current with one lookup by primary key, on any instance, with no stale window.
 */
export const dataVersions = pgTable(
  'data_versions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.scope] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_org_at_idx').on(t.orgId, t.at)],
);
