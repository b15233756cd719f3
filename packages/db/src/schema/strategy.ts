import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const STRATEGY_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'cancelled'] as const;
export const ANSOFF_QUADRANTS = ['market_penetration', 'product_development', 'market_development', 'diversification'] as const;
export const LADDER_RUNGS = ['now', 'next_week', 'next_month', 'next_year'] as const;
export const SWOT_QUADRANTS = ['strength', 'weakness', 'opportunity', 'threat'] as const;

const statusCheck = (name: string, col: unknown) => check(name, sql`${col} in ('proposed','planned','in_progress','done','cancelled')`);

/**
 * Business goals with a measurable target. People columns point into the directory of the same
 * organisation: each composite foreign key (org_id, person) makes a cross-organisation owner impossible.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    metric: text('metric'),
    baseline: numeric('baseline', { mode: 'number' }),
    target: numeric('target', { mode: 'number' }),
    unit: text('unit'),
    dueDate: day('due_date'),
    ownerId: uuid('owner_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('goals_org_id_id_key').on(t.orgId, t.id),
    index('goals_org_idx').on(t.orgId, t.title),
    foreignKey({ name: 'goals_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }),
  ],
);

/** Business initiatives. The end may not precede the start, also at the database level. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: uuid('owner_id'),
    businessChampionId: uuid('business_champion_id'),
    itChampionId: uuid('it_champion_id'),
    startDate: day('start_date'),
    endDate: day('end_date'),
    status: text('status', { enum: STRATEGY_STATUSES }).notNull().default('proposed'),
    effort: integer('effort'),
    ansoff: text('ansoff', { enum: ANSOFF_QUADRANTS }),
    itInvolvedAt: day('it_involved_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('initiatives_org_id_id_key').on(t.orgId, t.id),
    index('initiatives_org_idx').on(t.orgId, t.startDate),
    foreignKey({ name: 'initiatives_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }),
    foreignKey({ name: 'initiatives_business_champion_fk', columns: [t.orgId, t.businessChampionId], foreignColumns: [people.orgId, people.id] }),
    foreignKey({ name: 'initiatives_it_champion_fk', columns: [t.orgId, t.itChampionId], foreignColumns: [people.orgId, people.id] }),
    statusCheck('initiatives_status_check', t.status),
    check('initiatives_ansoff_check', sql`${t.ansoff} is null or ${t.ansoff} in ('market_penetration','product_development','market_development','diversification')`),
    check('initiatives_dates_check', sql`${t.startDate} is null or ${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('initiatives_effort_check', sql`${t.effort} is null or ${t.effort} >= 0`),
  ],
);

/** Which goals an initiative serves (many to many). A linked goal cannot be deleted (no cascade). */
export const initiativeGoals = pgTable(
  'initiative_goals',
  {
    orgId: orgId(),
    initiativeId: uuid('initiative_id').notNull(),
    goalId: uuid('goal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.goalId] }),
    index('initiative_goals_org_goal_idx').on(t.orgId, t.goalId),
    foreignKey({ name: 'initiative_goals_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
    foreignKey({ name: 'initiative_goals_goal_fk', columns: [t.orgId, t.goalId], foreignColumns: [goals.orgId, goals.id] }),
  ],
);

/** Technical enablers: what IT builds or changes so that initiatives can happen. */
export const enablers = pgTable(
  'enablers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id'),
    startDate: day('start_date'),
    endDate: day('end_date'),
    status: text('status', { enum: STRATEGY_STATUSES }).notNull().default('proposed'),
    effort: integer('effort'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('enablers_org_id_id_key').on(t.orgId, t.id),
    index('enablers_org_idx').on(t.orgId, t.endDate),
    foreignKey({ name: 'enablers_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }),
    statusCheck('enablers_status_check', t.status),
    check('enablers_dates_check', sql`${t.startDate} is null or ${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('enablers_effort_check', sql`${t.effort} is null or ${t.effort} >= 0`),
  ],
);

export const enablerInitiatives = pgTable(
  'enabler_initiatives',
  {
    orgId: orgId(),
    enablerId: uuid('enabler_id').notNull(),
    initiativeId: uuid('initiative_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enablerId, t.initiativeId] }),
    index('enabler_initiatives_org_initiative_idx').on(t.orgId, t.initiativeId),
    foreignKey({ name: 'enabler_initiatives_enabler_fk', columns: [t.orgId, t.enablerId], foreignColumns: [enablers.orgId, enablers.id] }).onDelete('cascade'),
    foreignKey({ name: 'enabler_initiatives_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
  ],
);

/** Enabler → enabler prerequisites; the service refuses cycles (an enabler that would enable itself). */
export const enablerDependencies = pgTable(
  'enabler_dependencies',
  {
    orgId: orgId(),
    enablerId: uuid('enabler_id').notNull(),
    dependsOnId: uuid('depends_on_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enablerId, t.dependsOnId] }),
    index('enabler_dependencies_org_idx').on(t.orgId, t.dependsOnId),
    foreignKey({ name: 'enabler_dependencies_enabler_fk', columns: [t.orgId, t.enablerId], foreignColumns: [enablers.orgId, enablers.id] }).onDelete('cascade'),
    foreignKey({ name: 'enabler_dependencies_depends_on_fk', columns: [t.orgId, t.dependsOnId], foreignColumns: [enablers.orgId, enablers.id] }).onDelete('cascade'),
    check('enabler_dependencies_not_self', sql`${t.enablerId} <> ${t.dependsOnId}`),
  ],
);

/** The delivery ladder of an initiative: one deliverable per rung (now, next week, next month, next year). */
export const ladderRungs = pgTable(
  'ladder_rungs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    initiativeId: uuid('initiative_id').notNull(),
    rung: text('rung', { enum: LADDER_RUNGS }).notNull(),
    deliverable: text('deliverable').notNull().default(''),
    dueDate: day('due_date'),
    done: boolean('done').notNull().default(false),
  },
  (t) => [
    unique('ladder_rungs_initiative_rung_key').on(t.orgId, t.initiativeId, t.rung),
    foreignKey({ name: 'ladder_rungs_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
    check('ladder_rungs_rung_check', sql`${t.rung} in ('now','next_week','next_month','next_year')`),
  ],
);

/** SWOT items about exactly one goal or initiative; an item may point at the enabler that answers it. */
export const swotItems = pgTable(
  'swot_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    goalId: uuid('goal_id'),
    initiativeId: uuid('initiative_id'),
    quadrant: text('quadrant', { enum: SWOT_QUADRANTS }).notNull(),
    text: text('text').notNull(),
    enablerId: uuid('enabler_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('swot_items_org_idx').on(t.orgId),
    foreignKey({ name: 'swot_items_goal_fk', columns: [t.orgId, t.goalId], foreignColumns: [goals.orgId, goals.id] }).onDelete('cascade'),
    foreignKey({ name: 'swot_items_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
    foreignKey({ name: 'swot_items_enabler_fk', columns: [t.orgId, t.enablerId], foreignColumns: [enablers.orgId, enablers.id] }),
    check('swot_items_subject_check', sql`(${t.goalId} is null) <> (${t.initiativeId} is null)`),
    check('swot_items_quadrant_check', sql`${t.quadrant} in ('strength','weakness','opportunity','threat')`),
  ],
);

/**
 * Every change to dates, status and owners of goals, initiatives and enablers: who, when, from,
 * to. No foreign key to the item, so the history outlives a deletion: slips are data.
 */
export const strategyHistory = pgTable(
  'strategy_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    itemType: text('item_type', { enum: ['goal', 'initiative', 'enabler'] }).notNull(),
    itemId: uuid('item_id').notNull(),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('strategy_history_item_idx').on(t.orgId, t.itemType, t.itemId, t.at)],
);

/** One roadmap health snapshot per organisation and day, for the insights trend. Scores are null when nothing was judged (decision 140). */
export const roadmapHealthSnapshots = pgTable(
  'roadmap_health_snapshots',
  {
    orgId: orgId(),
    day: day('day').notNull(),
    overall: integer('overall'),
    aggressive: integer('aggressive'),
    enablers: integer('enablers'),
    specific: integer('specific'),
    includesIt: integer('includes_it'),
    findings: integer('findings').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day] })],
);

/** Per-organisation settings of the health check. */
export const strategySettings = pgTable('strategy_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  itGraceDays: integer('it_grace_days').notNull().default(14),
});
