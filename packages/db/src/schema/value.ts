import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './org';
import { initiatives } from './strategy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
/** Money is an exact decimal, never a floating-point column. */
const dec = (name: string) => numeric(name, { mode: 'number' });

export const BENEFIT_KIND_VALUES = ['revenue', 'cost_saved', 'risk_reduced', 'hours_saved'] as const;
export const OPPORTUNITY_STATUS_VALUES = ['idea', 'exploring', 'approved', 'realised', 'dropped'] as const;
export const OPPORTUNITY_SOURCE_VALUES = ['idea', 'hackweek', 'request', 'other'] as const;

/**
 * Benefit entries: each row is one recording (planned and/or realised) for an initiative, a kind
 * and a quarter, kept with who recorded it and the evidence. Totals are sums of the entries.
 */
export const valueBenefits = pgTable(
  'value_benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    initiativeId: uuid('initiative_id').notNull(),
    kind: text('kind', { enum: BENEFIT_KIND_VALUES }).notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    planned: dec('planned'),
    realised: dec('realised'),
    evidence: text('evidence'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    unique('value_benefits_org_id_id_key').on(t.orgId, t.id),
    index('value_benefits_org_year_idx').on(t.orgId, t.year, t.quarter),
    index('value_benefits_org_initiative_idx').on(t.orgId, t.initiativeId),
    foreignKey({ name: 'value_benefits_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
    check('value_benefits_kind_check', sql`${t.kind} in ('revenue','cost_saved','risk_reduced','hours_saved')`),
    check('value_benefits_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('value_benefits_some_value', sql`${t.planned} is not null or ${t.realised} is not null`),
  ],
);

/** Ideas where technology could make money, from anyone (hackweek outcomes included). */
export const valueOpportunities = pgTable(
  'value_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source', { enum: OPPORTUNITY_SOURCE_VALUES }).notNull().default('idea'),
    proposedBy: text('proposed_by').notNull().default(''),
    estimatedValue: dec('estimated_value').notNull(),
    status: text('status', { enum: OPPORTUNITY_STATUS_VALUES }).notNull().default('idea'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('value_opportunities_org_id_id_key').on(t.orgId, t.id),
    index('value_opportunities_org_idx').on(t.orgId, t.createdAt),
    check('value_opportunities_status_check', sql`${t.status} in ('idea','exploring','approved','realised','dropped')`),
    check('value_opportunities_source_check', sql`${t.source} in ('idea','hackweek','request','other')`),
    check('value_opportunities_value_check', sql`${t.estimatedValue} >= 0`),
  ],
);
