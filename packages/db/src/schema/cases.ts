import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, users } from './org';
import { initiatives } from './strategy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
/** Money and rates are exact decimals (numeric), never floating-point columns. */
const dec = (name: string) => numeric(name, { mode: 'number' });

export const CASE_KINDS = ['business', 'security'] as const;

/**
 * One business or security case. The editable content lives in versions; this row holds the
 * identity, the links and the headline figures of the current version (for sorting the register
 * by ALE and totalling the exposure in SQL).
 * The initiative and owner keep a plain foreign key with ON DELETE SET NULL (a composite one would
 * null org_id too); the services check they belong to the same organisation.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    title: text('title').notNull(),
    currency: text('currency').notNull(),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    npvP50: dec('npv_p50'),
    probabilityPositive: dec('probability_positive'),
    aleBefore: dec('ale_before'),
    aleAfter: dec('ale_after'),
    rosi: dec('rosi'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('cases_org_id_id_key').on(t.orgId, t.id),
    index('cases_org_kind_idx').on(t.orgId, t.kind, t.updatedAt),
    index('cases_initiative_idx').on(t.initiativeId),
    check('cases_kind_check', sql`${t.kind} in ('business','security')`),
  ],
);

/**
 * Every version of a case, inputs and results. `results` is the computed output of that version
 * (derived, reproducible from the inputs and the seed): kept so a later version can be compared
 * with the numbers people saw, even if the maths changes.
 */
export const caseVersions = pgTable(
  'case_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    caseId: uuid('case_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    question: text('question').notNull().default(''),
    recommendation: text('recommendation').notNull().default(''),
    assumptions: text('assumptions').notNull().default(''),
    seed: integer('seed').notNull(),
    iterations: integer('iterations').notNull(),
    discountRate: dec('discount_rate'),
    years: integer('years'),
    asset: text('asset').notNull().default(''),
    threat: text('threat').notNull().default(''),
    frequencyLow: dec('frequency_low'),
    frequencyLikely: dec('frequency_likely'),
    frequencyHigh: dec('frequency_high'),
    magnitudeLow: dec('magnitude_low'),
    magnitudeHigh: dec('magnitude_high'),
    results: jsonb('results').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('case_versions_case_version_key').on(t.caseId, t.version),
    unique('case_versions_org_id_id_key').on(t.orgId, t.id),
    index('case_versions_org_idx').on(t.orgId),
    foreignKey({ name: 'case_versions_case_fk', columns: [t.orgId, t.caseId], foreignColumns: [cases.orgId, cases.id] }).onDelete('cascade'),
    check('case_versions_years_check', sql`${t.years} is null or ${t.years} between 1 and 15`),
    check('case_versions_rate_check', sql`${t.discountRate} is null or (${t.discountRate} > -1 and ${t.discountRate} <= 1)`),
  ],
);

/** Cash-flow lines of one business-case version: amounts as exact decimals in the case currency. */
export const caseLines = pgTable(
  'case_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: ['cost', 'benefit'] }).notNull(),
    year: integer('year').notNull(),
    low: dec('low').notNull(),
    likely: dec('likely').notNull(),
    high: dec('high').notNull(),
  },
  (t) => [
    index('case_lines_version_idx').on(t.versionId, t.position),
    index('case_lines_org_idx').on(t.orgId),
    foreignKey({ name: 'case_lines_version_fk', columns: [t.orgId, t.versionId], foreignColumns: [caseVersions.orgId, caseVersions.id] }).onDelete('cascade'),
    check('case_lines_type_check', sql`${t.type} in ('cost','benefit')`),
    check('case_lines_order_check', sql`0 <= ${t.low} and ${t.low} <= ${t.likely} and ${t.likely} <= ${t.high}`),
  ],
);

/** Controls of one security-case version; reductions are fractions 0–1. */
export const caseControls = pgTable(
  'case_controls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    versionId: uuid('version_id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    costPerYear: dec('cost_per_year').notNull(),
    frequencyReduction: dec('frequency_reduction').notNull(),
    magnitudeReduction: dec('magnitude_reduction').notNull(),
  },
  (t) => [
    index('case_controls_version_idx').on(t.versionId, t.position),
    index('case_controls_org_idx').on(t.orgId),
    foreignKey({ name: 'case_controls_version_fk', columns: [t.orgId, t.versionId], foreignColumns: [caseVersions.orgId, caseVersions.id] }).onDelete('cascade'),
    check('case_controls_reduction_check', sql`${t.frequencyReduction} between 0 and 1 and ${t.magnitudeReduction} between 0 and 1 and ${t.costPerYear} >= 0`),
  ],
);
