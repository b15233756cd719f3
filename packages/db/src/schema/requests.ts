import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, users } from './org';
import { goals, initiatives, LADDER_RUNGS } from './strategy';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/** The six status categories (decision 055); an organisation's own statuses each belong to one. */
export const REQUEST_STATUS_CATEGORIES = ['new', 'triaged', 'in_progress', 'done', 'rejected', 'deferred'] as const;
export const REQUEST_TYPES = ['feature', 'change', 'fix', 'it_need'] as const;
export const REQUEST_URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export const REQUEST_SIDES = ['business', 'it'] as const;

/**
 * Requests from the business (or IT needs raised by IT). created/started/done are calendar days:
 * lead time (created → done) and cycle time (started → done) are whole days, and daily
 * throughput counts done days. The database refuses a done or start day before the created day.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    requesterId: uuid('requester_id'),
    side: text('side', { enum: REQUEST_SIDES }).notNull().default('business'),
    department: text('department'),
    type: text('type', { enum: REQUEST_TYPES }).notNull().default('feature'),
    valueText: text('value_text'),
    valueAmount: numeric('value_amount', { mode: 'number' }),
    urgency: text('urgency', { enum: REQUEST_URGENCIES }).notNull().default('normal'),
    desiredDate: day('desired_date'),
    /** A key of the organisation's flow (`request_flow_statuses`, or the default flow while it has none). */
    status: text('status').notNull().default('new'),
    /**
     * The category of `status`, kept with it so that analytics need no join. Null on rows written
     * before the flow became configurable: their status is a key of the default flow, which is its
     * own category, so readers use coalesce(status_category, status) (decision 055).
     */
    statusCategory: text('status_category', { enum: REQUEST_STATUS_CATEGORIES }),
    createdOn: day('created_on').notNull(),
    startedOn: day('started_on'),
    doneOn: day('done_on'),
    itInvolvedOn: day('it_involved_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('requests_org_id_id_key').on(t.orgId, t.id),
    index('requests_org_status_idx').on(t.orgId, t.status),
    index('requests_org_done_idx').on(t.orgId, t.doneOn),
    index('requests_org_created_idx').on(t.orgId, t.createdOn),
    foreignKey({ name: 'requests_requester_fk', columns: [t.orgId, t.requesterId], foreignColumns: [people.orgId, people.id] }),
    check('requests_status_category_check', sql`${t.statusCategory} is null or ${t.statusCategory} in ('new','triaged','in_progress','done','rejected','deferred')`),
    check('requests_type_check', sql`${t.type} in ('feature','change','fix','it_need')`),
    check('requests_side_check', sql`${t.side} in ('business','it')`),
    check('requests_urgency_check', sql`${t.urgency} in ('low','normal','high','critical')`),
    check('requests_done_after_created', sql`${t.doneOn} is null or ${t.doneOn} >= ${t.createdOn}`),
    check('requests_started_after_created', sql`${t.startedOn} is null or ${t.startedOn} >= ${t.createdOn}`),
    check('requests_value_check', sql`${t.valueAmount} is null or ${t.valueAmount} >= 0`),
  ],
);

/**
 * An organisation's own request statuses, in display order, each in one of the six categories.
 * No rows: the organisation uses the default flow (the six categories as statuses, any move).
 */
export const requestFlowStatuses = pgTable(
  'request_flow_statuses',
  {
    orgId: orgId(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    category: text('category', { enum: REQUEST_STATUS_CATEGORIES }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.key] }),
    check('request_flow_statuses_category_check', sql`${t.category} in ('new','triaged','in_progress','done','rejected','deferred')`),
  ],
);

/** The moves an organisation's flow allows between two of its statuses. */
export const requestFlowTransitions = pgTable(
  'request_flow_transitions',
  {
    orgId: orgId(),
    fromKey: text('from_key').notNull(),
    toKey: text('to_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fromKey, t.toKey] }),
    foreignKey({ name: 'request_flow_transitions_from_fk', columns: [t.orgId, t.fromKey], foreignColumns: [requestFlowStatuses.orgId, requestFlowStatuses.key] }).onDelete('cascade'),
    foreignKey({ name: 'request_flow_transitions_to_fk', columns: [t.orgId, t.toKey], foreignColumns: [requestFlowStatuses.orgId, requestFlowStatuses.key] }).onDelete('cascade'),
    check('request_flow_transitions_no_loop', sql`${t.fromKey} <> ${t.toKey}`),
  ],
);

/** Initiatives a request serves. */
export const requestInitiatives = pgTable(
  'request_initiatives',
  {
    orgId: orgId(),
    requestId: uuid('request_id').notNull(),
    initiativeId: uuid('initiative_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.initiativeId] }),
    index('request_initiatives_org_idx').on(t.orgId, t.initiativeId),
    foreignKey({ name: 'request_initiatives_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
    foreignKey({ name: 'request_initiatives_initiative_fk', columns: [t.orgId, t.initiativeId], foreignColumns: [initiatives.orgId, initiatives.id] }).onDelete('cascade'),
  ],
);

/** Goals a request serves. */
export const requestGoals = pgTable(
  'request_goals',
  {
    orgId: orgId(),
    requestId: uuid('request_id').notNull(),
    goalId: uuid('goal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.goalId] }),
    index('request_goals_org_idx').on(t.orgId, t.goalId),
    foreignKey({ name: 'request_goals_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
    foreignKey({ name: 'request_goals_goal_fk', columns: [t.orgId, t.goalId], foreignColumns: [goals.orgId, goals.id] }).onDelete('cascade'),
  ],
);

/** Every status transition of a request, timestamped, with who made it. */
export const requestTransitions = pgTable(
  'request_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    requestId: uuid('request_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull(),
  },
  (t) => [
    index('request_transitions_request_idx').on(t.orgId, t.requestId, t.at),
    foreignKey({ name: 'request_transitions_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
  ],
);

/** The delivery ladder of a request: what the requester can have now, next week, next month, next year. */
export const requestLadderRungs = pgTable(
  'request_ladder_rungs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    requestId: uuid('request_id').notNull(),
    rung: text('rung', { enum: LADDER_RUNGS }).notNull(),
    deliverable: text('deliverable').notNull().default(''),
    dueDate: day('due_date'),
    done: boolean('done').notNull().default(false),
  },
  (t) => [
    unique('request_ladder_rungs_request_rung_key').on(t.orgId, t.requestId, t.rung),
    foreignKey({ name: 'request_ladder_rungs_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
    check('request_ladder_rungs_rung_check', sql`${t.rung} in ('now','next_week','next_month','next_year')`),
  ],
);

/** Past projects of the reference class (Flyvbjerg): estimated and actual durations in days. */
export const referenceProjects = pgTable(
  'reference_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    estimateDays: numeric('estimate_days', { mode: 'number' }).notNull(),
    actualDays: numeric('actual_days', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('reference_projects_org_idx').on(t.orgId, t.createdAt),
    check('reference_projects_days_check', sql`${t.estimateDays} > 0 and ${t.actualDays} > 0`),
  ],
);

/**
 * The ledger of deferred IT needs: the cost of doing it now, the annual probability of failure if
 * left alone and the impact of a failure. `deferredOn` null means the need is no longer deferred.
 */
export const deferredNeeds = pgTable(
  'deferred_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    reason: text('reason').notNull().default(''),
    deferredById: uuid('deferred_by_id'),
    costNow: numeric('cost_now', { mode: 'number' }).notNull(),
    annualFailureProbability: numeric('annual_failure_probability', { mode: 'number' }).notNull(),
    impact: numeric('impact', { mode: 'number' }).notNull(),
    services: text('services').notNull().default(''),
    deferredOn: day('deferred_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('deferred_needs_org_id_id_key').on(t.orgId, t.id),
    index('deferred_needs_org_idx').on(t.orgId, t.deferredOn),
    foreignKey({ name: 'deferred_needs_deferred_by_fk', columns: [t.orgId, t.deferredById], foreignColumns: [people.orgId, people.id] }),
    check('deferred_needs_probability_check', sql`${t.annualFailureProbability} >= 0 and ${t.annualFailureProbability} <= 1`),
    check('deferred_needs_amounts_check', sql`${t.costNow} >= 0 and ${t.impact} >= 0`),
  ],
);

/** Deferring and un-deferring a need, kept for good. */
export const deferredNeedEvents = pgTable(
  'deferred_need_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    needId: uuid('need_id').notNull(),
    action: text('action', { enum: ['deferred', 'undeferred'] }).notNull(),
    onDay: day('on_day').notNull(),
    reason: text('reason').notNull().default(''),
    byPersonId: uuid('by_person_id'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull(),
  },
  (t) => [
    index('deferred_need_events_need_idx').on(t.orgId, t.needId, t.at),
    foreignKey({ name: 'deferred_need_events_need_fk', columns: [t.orgId, t.needId], foreignColumns: [deferredNeeds.orgId, deferredNeeds.id] }).onDelete('cascade'),
    check('deferred_need_events_action_check', sql`${t.action} in ('deferred','undeferred')`),
  ],
);

/**
 * Every forecast shown, with what it said, so that the calibration log can compare it with what
 * happened. `kind` 'when': remaining items from asOf; 'how_many': items done from asOf to byDay.
 */
export const forecastLog = pgTable(
  'forecast_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    kind: text('kind', { enum: ['when', 'how_many'] }).notNull(),
    asOf: day('as_of').notNull(),
    windowDays: integer('window_days').notNull(),
    remaining: integer('remaining'),
    /**
     * What a 'when' forecast resolves on: 'requests' = the listed requests of forecast_log_requests
     * are finished; 'count' = a bare count K, judged on the K-th request done after asOf.
     */
    scope: text('scope', { enum: ['count', 'requests'] }).notNull().default('count'),
    byDay: day('by_day'),
    result: jsonb('result').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: ts('at').notNull(),
  },
  (t) => [
    index('forecast_log_org_idx').on(t.orgId, t.at),
    check('forecast_log_kind_check', sql`${t.kind} in ('when','how_many')`),
    check('forecast_log_scope_check', sql`${t.scope} in ('count','requests')`),
  ],
);

/**
 * The requests a 'when' forecast was about (a list, or the open requests of a filter at the time):
 * the forecast resolves when these are finished, not when any K requests are (decision 056).
 */
export const forecastLogRequests = pgTable(
  'forecast_log_requests',
  {
    orgId: orgId(),
    logId: uuid('log_id')
      .notNull()
      .references(() => forecastLog.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.logId, t.requestId] }),
    index('forecast_log_requests_request_idx').on(t.orgId, t.requestId),
    foreignKey({ name: 'forecast_log_requests_request_fk', columns: [t.orgId, t.requestId], foreignColumns: [requests.orgId, requests.id] }).onDelete('cascade'),
  ],
);
