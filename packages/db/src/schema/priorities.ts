import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, users } from './org';
import { requests } from './requests';
import { enablers, initiatives } from './strategy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export interface StoredCriterion {
  key: string;
  label: string;
  weight: number;
  owner: 'business' | 'it' | 'both';
  definition?: string;
}

/** A scoring round: a model and its criteria (stored with the round, so later edits never rewrite history). */
export const priorityRounds = pgTable(
  'priority_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    model: text('model', { enum: ['wsjf', 'rice', 'cd3', 'weighted'] }).notNull(),
    criteria: jsonb('criteria').$type<StoredCriterion[]>().notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull().default('draft'),
    opensAt: day('opens_at'),
    closesAt: day('closes_at'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('priority_rounds_org_id_id_key').on(t.orgId, t.id),
    index('priority_rounds_org_idx').on(t.orgId, t.createdAt),
    check('priority_rounds_model_check', sql`${t.model} in ('wsjf','rice','cd3','weighted')`),
    check('priority_rounds_status_check', sql`${t.status} in ('draft','open','closed')`),
  ],
);

/**
 * The items of a round. Exactly one of initiative_id / enabler_id is set and item_id repeats it,
 * so scores and decisions refer to one column while the composite foreign keys keep every item
 * inside the round's organisation.
 */
export const priorityRoundItems = pgTable(
  'priority_round_items',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    itemId: uuid('item_id').notNull(),
    itemType: text('item_type', { enum: ['initiative', 'enabler', 'request'] }).notNull(),
    initiativeId: uuid('initiative_id'),
    enablerId: uuid('enabler_id'),
    /** A request from the intake (issue #9: "and requests once they exist"; decision 145). */
    requestId: uuid('request_id'),
    category: text('category', { enum: ['run', 'grow', 'transform'] }),
    horizon: text('horizon', { enum: ['now', 'next', 'later'] }),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.itemId] }),
    unique('priority_round_items_org_round_item_key').on(t.orgId, t.roundId, t.itemId),
    index('priority_round_items_org_idx').on(t.orgId, t.roundId, t.position),
    foreignKey({ name: 'priority_round_items_round_fk', columns: [t.orgId, t.roundId], foreignColumns: [priorityRounds.orgId, priorityRounds.id] }).onDelete('cascade'),
    foreignKey({ name: 'priority_round_items_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
    foreignKey({ name: 'priority_round_items_enabler_fk', columns: [t.orgId, t.enablerId], foreignColumns: [enablers.orgId, enablers.id] }).onDelete('cascade'),
    foreignKey({ name: 'priority_round_items_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
    check(
      'priority_round_items_one_item_check',
      sql`(${t.itemType} = 'initiative' and ${t.initiativeId} = ${t.itemId} and ${t.enablerId} is null and ${t.requestId} is null) or (${t.itemType} = 'enabler' and ${t.enablerId} = ${t.itemId} and ${t.initiativeId} is null and ${t.requestId} is null) or (${t.itemType} = 'request' and ${t.requestId} = ${t.itemId} and ${t.initiativeId} is null and ${t.enablerId} is null)`,
    ),
    check('priority_round_items_category_check', sql`${t.category} is null or ${t.category} in ('run','grow','transform')`),
    check('priority_round_items_horizon_check', sql`${t.horizon} is null or ${t.horizon} in ('now','next','later')`),
  ],
);

/** One value per scorer, item and criterion; the side is the scorer's at the time of scoring. */
export const priorityScores = pgTable(
  'priority_scores',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    itemId: uuid('item_id').notNull(),
    personId: uuid('person_id').notNull(),
    side: text('side', { enum: ['business', 'it'] }).notNull(),
    criterion: text('criterion').notNull(),
    value: doublePrecision('value').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.itemId, t.personId, t.criterion] }),
    index('priority_scores_org_idx').on(t.orgId, t.roundId, t.personId),
    foreignKey({ name: 'priority_scores_item_fk', columns: [t.orgId, t.roundId, t.itemId], foreignColumns: [priorityRoundItems.orgId, priorityRoundItems.roundId, priorityRoundItems.itemId] }).onDelete('cascade'),
    foreignKey({ name: 'priority_scores_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('priority_scores_side_check', sql`${t.side} in ('business','it')`),
  ],
);

/** A disagreement under discussion or decided; rows exist from the first change. */
export const priorityDisagreements = pgTable(
  'priority_disagreements',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    itemId: uuid('item_id').notNull(),
    status: text('status', { enum: ['open', 'discussing', 'decided'] }).notNull(),
    ownerId: uuid('owner_id'),
    dueDate: day('due_date'),
    decisionRank: integer('decision_rank'),
    decisionScore: doublePrecision('decision_score'),
    reason: text('reason'),
    decidedAt: ts('decided_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.itemId] }),
    index('priority_disagreements_org_idx').on(t.orgId, t.roundId),
    foreignKey({ name: 'priority_disagreements_item_fk', columns: [t.orgId, t.roundId, t.itemId], foreignColumns: [priorityRoundItems.orgId, priorityRoundItems.roundId, priorityRoundItems.itemId] }).onDelete('cascade'),
    foreignKey({ name: 'priority_disagreements_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }),
    check('priority_disagreements_status_check', sql`${t.status} in ('open','discussing','decided')`),
  ],
);

/** Every change to a disagreement: who, when, what changed (from and to). */
export const priorityDisagreementHistory = pgTable(
  'priority_disagreement_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    itemId: uuid('item_id').notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('priority_disagreement_history_idx').on(t.orgId, t.roundId, t.itemId, t.at),
    foreignKey({ name: 'priority_disagreement_history_item_fk', columns: [t.orgId, t.roundId, t.itemId], foreignColumns: [priorityRoundItems.orgId, priorityRoundItems.roundId, priorityRoundItems.itemId] }).onDelete('cascade'),
  ],
);

/** Per-organisation capacity, target mix and queue rule. */
export const prioritySettings = pgTable('priority_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  capacity: doublePrecision('capacity').notNull(),
  targetRun: doublePrecision('target_run').notNull(),
  targetGrow: doublePrecision('target_grow').notNull(),
  targetTransform: doublePrecision('target_transform').notNull(),
  disagreementThreshold: doublePrecision('disagreement_threshold'),
  disagreementTopN: integer('disagreement_top_n').notNull().default(3),
  /** The organisation's names for run, grow and transform; null: the defaults (decision 147). */
  categoryLabels: jsonb('category_labels').$type<{ run: string; grow: string; transform: string }>(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A named copy of a round's combined ranking with manual moves. */
export const priorityScenarios = pgTable(
  'priority_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    name: text('name').notNull(),
    itemOrder: jsonb('item_order').$type<string[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('priority_scenarios_org_idx').on(t.orgId, t.roundId, t.createdAt),
    foreignKey({ name: 'priority_scenarios_round_fk', columns: [t.orgId, t.roundId], foreignColumns: [priorityRounds.orgId, priorityRounds.id] }).onDelete('cascade'),
  ],
);

/**
 * The side results of a closed round, computed once. A closed round's items and scores can no
 * longer change (scoring and adding items stop at close), so its results are fixed: the results,
 * queue, portfolio and scenario reads start from this row instead of every score (decision 035).
 * Decisions on disagreements are not in here; they are read live.
 */
export const priorityRoundResults = pgTable(
  'priority_round_results',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
    /** core's PriorityResults plus the scorer counts per side. */
    results: jsonb('results').notNull(),
  },
  (t) => [
    primaryKey({ name: 'priority_round_results_pkey', columns: [t.orgId, t.roundId] }),
    foreignKey({ name: 'priority_round_results_round_fk', columns: [t.orgId, t.roundId], foreignColumns: [priorityRounds.orgId, priorityRounds.id] }).onDelete('cascade'),
  ],
);
