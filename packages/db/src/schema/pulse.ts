import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, people, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The organisation's question bank: one row per statement, reused by text so trends span pulses. */
export const pulseQuestions = pgTable(
  'pulse_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('pulse_questions_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('pulse_questions_org_text_key').on(t.orgId, sql`lower(${t.text})`),
  ],
);

export type PulseAudience = { side?: 'it' | 'business'; level?: 'leader' | 'employee'; department?: string; location?: string };

export const pulses = pgTable(
  'pulses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull().default('draft'),
    audience: jsonb('audience').$type<PulseAudience>().notNull().default({}),
    minGroupSize: integer('min_group_size').notNull().default(5),
    minCommentGroupSize: integer('min_comment_group_size').notNull().default(10),
    opensAt: ts('opens_at'),
    closesAt: ts('closes_at'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    publishedAt: ts('published_at'),
    /** A closed pulse put away: listed apart and left out of the trend (decision 130). */
    archivedAt: ts('archived_at'),
    /** False when a leader leaves a closed pulse out of the trend (low participation, decision 130). */
    inTrend: boolean('in_trend').notNull().default(true),
    /** A repeating pulse (decision 135): the next one is made from this one every month or quarter. */
    repeatEvery: text('repeat_every', { enum: ['month', 'quarter'] }),
    /** True: the scheduled job also opens the next one at its opening date; false: it waits as a draft. */
    repeatAutoOpen: boolean('repeat_auto_open').notNull().default(false),
    /** The pulse this one repeats. One successor per pulse (unique), so several instances make it once. */
    previousPulseId: uuid('previous_pulse_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('pulses_org_id_id_key').on(t.orgId, t.id),
    index('pulses_org_idx').on(t.orgId, t.createdAt),
    check('pulses_status_check', sql`${t.status} in ('draft','open','closed')`),
    check('pulses_repeat_check', sql`${t.repeatEvery} is null or ${t.repeatEvery} in ('month','quarter')`),
    uniqueIndex('pulses_previous_key').on(t.orgId, t.previousPulseId),
    check('pulses_k_check', sql`${t.minGroupSize} >= 3 and ${t.minCommentGroupSize} >= ${t.minGroupSize}`),
  ],
);

/** The ordered questions of one pulse, drawn from the bank. */
export const pulseItems = pgTable(
  'pulse_items',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    questionId: uuid('question_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pulseId, t.questionId] }),
    unique('pulse_items_position_key').on(t.pulseId, t.position),
    index('pulse_items_org_idx').on(t.orgId, t.pulseId),
    index('pulse_items_question_idx').on(t.orgId, t.questionId),
    foreignKey({ name: 'pulse_items_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
    foreignKey({ name: 'pulse_items_question_fk', columns: [t.orgId, t.questionId], foreignColumns: [pulseQuestions.orgId, pulseQuestions.id] }),
  ],
);

/**
 * One single-use link per person and pulse, or an unlinked link (no person, no segment: the
 * respondent states their own segment, decision 024). The token is stored only as its SHA-256. The
 * segment attributes are copied at invitation time; `used` says only whether the link was used,
 * never when, so the row cannot be matched to a response by date.
 */
export const pulseInvitations = pgTable(
  'pulse_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    /** Null for an unlinked link (decision 024). */
    personId: uuid('person_id'),
    tokenHash: text('token_hash').notNull(),
    /** The segment as of invitation; all four null exactly when the link is unlinked. */
    side: text('side'),
    level: text('level'),
    department: text('department'),
    location: text('location'),
    used: boolean('used').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pulse_invitations_token_key').on(t.tokenHash),
    unique('pulse_invitations_person_key').on(t.orgId, t.pulseId, t.personId),
    index('pulse_invitations_org_idx').on(t.orgId, t.pulseId),
    foreignKey({ name: 'pulse_invitations_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
    foreignKey({ name: 'pulse_invitations_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check(
      'pulse_invitations_segment_check',
      sql`(${t.personId} is not null and ${t.side} is not null and ${t.level} is not null and ${t.department} is not null and ${t.location} is not null) or (${t.personId} is null and ${t.side} is null and ${t.level} is null and ${t.department} is null and ${t.location} is null)`,
    ),
  ],
);

/**
 * An anonymous response: the segment as of invitation, the day, and the answers. No person,
 * token, IP or time of day is ever stored. The answers are one array in the order of the pulse's
 * items (which never change once created), with the optional comments in a parallel array: one
 * row per response keeps a submission to a single insert, and an answer can never be read apart
 * from its response's segment.
 */
export const pulseResponses = pgTable(
  'pulse_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    side: text('side').notNull(),
    level: text('level').notNull(),
    department: text('department').notNull(),
    location: text('location').notNull(),
    /** Values 1..5, element i answers the item at position i. */
    answers: smallint('answers').array().notNull(),
    /** Comments parallel to answers (null entries for none); null when the response has no comment. */
    comments: text('comments').array(),
  },
  (t) => [
    unique('pulse_responses_org_id_id_key').on(t.orgId, t.id),
    index('pulse_responses_org_idx').on(t.orgId, t.pulseId),
    // Comments are few: a partial index keeps reading them from scanning every response.
    index('pulse_responses_comments_idx').on(t.orgId, t.pulseId).where(sql`${t.comments} is not null`),
    check('pulse_responses_answers_check', sql`cardinality(${t.answers}) > 0 and ${t.answers} <@ array[1,2,3,4,5]::smallint[]`),
    foreignKey({ name: 'pulse_responses_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
  ],
);

/**
 * The audited visible set of a closed pulse (decision 023): the ids of the lattice segments whose
 * numbers may be published. A closed pulse's data never changes, so the deterministic decision is
 * stored on its first read and every instance and every view reads the same set. `ruleVersion`
 * lets a changed rule recompute older decisions; `respondents` (the total it was decided on) lets
 * a reader that sees another total (a response that landed after close would be a bug) decide again.
 */
export const pulseDisclosures = pgTable(
  'pulse_disclosures',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    respondents: integer('respondents').notNull(),
    visible: text('visible').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.pulseId] }),
    foreignKey({ name: 'pulse_disclosures_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
  ],
);

/**
 * A closed pulse's computed results, memoised per view (decision 094): `view` is the breakdown
 * (`by` in canonical order, e.g. `level` or `level,side`) plus `+comments` when the comments are
 * included. A closed pulse's answers, invitations and questions never change, so the answer of
 * core's computePulseResults under the stored disclosure (pulse_disclosures) is fixed. `version`
 * joins the disclosure rule version and the results version: a changed rule or results shape is a
 * miss and is computed again. Only the numbers are stored; title and status come from the pulse row.
 */
export const pulseResultMemos = pgTable(
  'pulse_result_memos',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    view: text('view').notNull(),
    version: text('version').notNull(),
    results: jsonb('results').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'pulse_result_memos_pkey', columns: [t.orgId, t.pulseId, t.view] }),
    foreignKey({ name: 'pulse_result_memos_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
  ],
);

/**
 * An action a leader takes from a result (decision 134): from a statement and, optionally, one
 * segment of it, with an owner, a due date and an optional link to a goal or an initiative, tracked
 * to done. It holds words and links, never a number: it adds nothing to what the results publish.
 * The goal and initiative ids are checked on write but carry no foreign key, so that deleting a goal
 * or an initiative in the roadmap never fails on an action (the action then shows the link as gone).
 */
export const pulseActions = pgTable(
  'pulse_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    pulseId: uuid('pulse_id').notNull(),
    questionId: uuid('question_id'),
    /** The segment key the action answers ({} or absent: everyone). */
    segment: jsonb('segment').$type<PulseAudience>().notNull().default({}),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    goalId: uuid('goal_id'),
    initiativeId: uuid('initiative_id'),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('pulse_actions_org_id_id_key').on(t.orgId, t.id),
    index('pulse_actions_org_idx').on(t.orgId, t.pulseId, t.createdAt),
    index('pulse_actions_due_idx').on(t.orgId, t.status, t.dueDate),
    check('pulse_actions_status_check', sql`${t.status} in ('open','done')`),
    foreignKey({ name: 'pulse_actions_pulse_fk', columns: [t.orgId, t.pulseId], foreignColumns: [pulses.orgId, pulses.id] }).onDelete('cascade'),
    foreignKey({ name: 'pulse_actions_question_fk', columns: [t.orgId, t.questionId], foreignColumns: [pulseQuestions.orgId, pulseQuestions.id] }),
    foreignKey({ name: 'pulse_actions_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }),
  ],
);
