import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const HACKWEEK_PHASES = ['ideas', 'teams', 'hacking', 'demos', 'voting', 'outcomes'] as const;
export const IDEA_OUTCOMES = ['became_initiative', 'became_request', 'parked', 'shipped'] as const;
export const VOTE_CATEGORIES = ['impact', 'creativity'] as const;
export const DEMO_ITEM_TYPES = ['initiative', 'enabler', 'request'] as const;
export const RSVP_ANSWERS = ['accepted', 'declined', 'tentative'] as const;
export const ACTION_LINK_TYPES = ['goal', 'initiative', 'request'] as const;

/** A hackweek moves through its phases in order; the phase decides what may be done (decision 081). */
export const hackweeks = pgTable(
  'hackweeks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    theme: text('theme').notNull().default(''),
    startDate: day('start_date').notNull(),
    endDate: day('end_date').notNull(),
    maxTeamSize: integer('max_team_size').notNull(),
    phase: text('phase', { enum: HACKWEEK_PHASES }).notNull().default('ideas'),
    votingClosedAt: ts('voting_closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('hackweeks_org_id_id_key').on(t.orgId, t.id),
    index('hackweeks_org_start_idx').on(t.orgId, t.startDate),
    check('hackweeks_phase_check', sql`${t.phase} in ('ideas','teams','hacking','demos','voting','outcomes')`),
    check('hackweeks_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    check('hackweeks_team_size_check', sql`${t.maxTeamSize} between 1 and 50`),
  ],
);

/** An idea is also its team: the people who join it build it (decision 081). */
export const hackweekIdeas = pgTable(
  'hackweek_ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    hackweekId: uuid('hackweek_id').notNull(),
    title: text('title').notNull(),
    pitch: text('pitch').notNull().default(''),
    personId: uuid('person_id').notNull(),
    goalId: uuid('goal_id'),
    initiativeId: uuid('initiative_id'),
    demoSlot: ts('demo_slot'),
    outcome: text('outcome', { enum: IDEA_OUTCOMES }),
    outcomeInitiativeId: uuid('outcome_initiative_id'),
    outcomeRequestId: uuid('outcome_request_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('hackweek_ideas_org_id_id_key').on(t.orgId, t.id),
    index('hackweek_ideas_hackweek_idx').on(t.hackweekId),
    foreignKey({ name: 'hackweek_ideas_hackweek_fk', columns: [t.orgId, t.hackweekId], foreignColumns: [hackweeks.orgId, hackweeks.id] }).onDelete('cascade'),
    foreignKey({ name: 'hackweek_ideas_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('hackweek_ideas_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('became_initiative','became_request','parked','shipped')`),
  ],
);

/** One row per person per hackweek: the primary key is the "one team at a time" rule. */
export const hackweekMembers = pgTable(
  'hackweek_members',
  {
    orgId: orgId(),
    hackweekId: uuid('hackweek_id').notNull(),
    ideaId: uuid('idea_id').notNull(),
    personId: uuid('person_id').notNull(),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'hackweek_members_pk', columns: [t.hackweekId, t.personId] }),
    index('hackweek_members_idea_idx').on(t.ideaId),
    index('hackweek_members_org_joined_idx').on(t.orgId, t.joinedAt),
    foreignKey({ name: 'hackweek_members_idea_fk', columns: [t.orgId, t.ideaId], foreignColumns: [hackweekIdeas.orgId, hackweekIdeas.id] }).onDelete('cascade'),
    foreignKey({ name: 'hackweek_members_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

/** One vote per person per category per hackweek: the primary key answers a second vote with 409. */
export const hackweekVotes = pgTable(
  'hackweek_votes',
  {
    orgId: orgId(),
    hackweekId: uuid('hackweek_id').notNull(),
    personId: uuid('person_id').notNull(),
    category: text('category', { enum: VOTE_CATEGORIES }).notNull(),
    ideaId: uuid('idea_id').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'hackweek_votes_pk', columns: [t.hackweekId, t.personId, t.category] }),
    index('hackweek_votes_org_at_idx').on(t.orgId, t.at),
    foreignKey({ name: 'hackweek_votes_idea_fk', columns: [t.orgId, t.ideaId], foreignColumns: [hackweekIdeas.orgId, hackweekIdeas.id] }).onDelete('cascade'),
    foreignKey({ name: 'hackweek_votes_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('hackweek_votes_category_check', sql`${t.category} in ('impact','creativity')`),
  ],
);

/** A sprint demo session; the check-in token is what the QR code on screen carries. */
export const demos = pgTable(
  'demos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    team: text('team').notNull().default(''),
    startsAt: ts('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    checkInToken: text('check_in_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('demos_org_id_id_key').on(t.orgId, t.id),
    index('demos_org_starts_idx').on(t.orgId, t.startsAt),
    check('demos_duration_check', sql`${t.durationMinutes} between 5 and 480`),
  ],
);

export const demoItems = pgTable(
  'demo_items',
  {
    orgId: orgId(),
    demoId: uuid('demo_id').notNull(),
    type: text('type', { enum: DEMO_ITEM_TYPES }).notNull(),
    refId: uuid('ref_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ name: 'demo_items_pk', columns: [t.demoId, t.type, t.refId] }),
    foreignKey({ name: 'demo_items_demo_fk', columns: [t.orgId, t.demoId], foreignColumns: [demos.orgId, demos.id] }).onDelete('cascade'),
    check('demo_items_type_check', sql`${t.type} in ('initiative','enabler','request')`),
  ],
);

/** Invitees with their RSVP and, once there, their check-in and one-question feedback. */
export const demoInvitees = pgTable(
  'demo_invitees',
  {
    orgId: orgId(),
    demoId: uuid('demo_id').notNull(),
    personId: uuid('person_id').notNull(),
    invited: boolean('invited').notNull().default(true),
    rsvp: text('rsvp', { enum: RSVP_ANSWERS }),
    rsvpToken: text('rsvp_token').notNull(),
    checkedInAt: ts('checked_in_at'),
    sawValue: boolean('saw_value'),
  },
  (t) => [
    primaryKey({ name: 'demo_invitees_pk', columns: [t.demoId, t.personId] }),
    unique('demo_invitees_token_key').on(t.rsvpToken),
    index('demo_invitees_org_checkin_idx').on(t.orgId, t.checkedInAt),
    foreignKey({ name: 'demo_invitees_demo_fk', columns: [t.orgId, t.demoId], foreignColumns: [demos.orgId, demos.id] }).onDelete('cascade'),
    foreignKey({ name: 'demo_invitees_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('demo_invitees_rsvp_check', sql`${t.rsvp} is null or ${t.rsvp} in ('accepted','declined','tentative')`),
  ],
);

export const roundtables = pgTable(
  'roundtables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    date: day('date').notNull(),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('roundtables_org_id_id_key').on(t.orgId, t.id), index('roundtables_org_date_idx').on(t.orgId, t.date)],
);

export const roundtableInvitees = pgTable(
  'roundtable_invitees',
  {
    orgId: orgId(),
    roundtableId: uuid('roundtable_id').notNull(),
    personId: uuid('person_id').notNull(),
    attended: boolean('attended').notNull().default(false),
  },
  (t) => [
    primaryKey({ name: 'roundtable_invitees_pk', columns: [t.roundtableId, t.personId] }),
    foreignKey({ name: 'roundtable_invitees_rt_fk', columns: [t.orgId, t.roundtableId], foreignColumns: [roundtables.orgId, roundtables.id] }).onDelete('cascade'),
    foreignKey({ name: 'roundtable_invitees_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

export const roundtableInsights = pgTable(
  'roundtable_insights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    roundtableId: uuid('roundtable_id').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('roundtable_insights_org_id_id_key').on(t.orgId, t.id),
    index('roundtable_insights_rt_idx').on(t.roundtableId),
    foreignKey({ name: 'roundtable_insights_rt_fk', columns: [t.orgId, t.roundtableId], foreignColumns: [roundtables.orgId, roundtables.id] }).onDelete('cascade'),
  ],
);

/** At most one action per insight (the insight's primary key is the action's). */
export const roundtableActions = pgTable(
  'roundtable_actions',
  {
    insightId: uuid('insight_id').primaryKey(),
    orgId: orgId(),
    roundtableId: uuid('roundtable_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    dueDate: day('due_date').notNull(),
    linkType: text('link_type', { enum: ACTION_LINK_TYPES }),
    linkId: uuid('link_id'),
    doneAt: ts('done_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('roundtable_actions_rt_idx').on(t.roundtableId),
    foreignKey({ name: 'roundtable_actions_insight_fk', columns: [t.orgId, t.insightId], foreignColumns: [roundtableInsights.orgId, roundtableInsights.id] }).onDelete('cascade'),
    foreignKey({ name: 'roundtable_actions_owner_fk', columns: [t.orgId, t.ownerId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('roundtable_actions_link_check', sql`(${t.linkType} is null) = (${t.linkId} is null)`),
  ],
);
