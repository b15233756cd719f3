import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
export const CROSSOVER_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;

/** A coffee-pairs programme and its rules (decision 070). Filters narrow who may join. */
export const coffeeProgrammes = pgTable(
  'coffee_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    cadence: text('cadence', { enum: CROSSOVER_CADENCES }).notNull(),
    groupSize: integer('group_size').notNull(),
    noRepeatRounds: integer('no_repeat_rounds').notNull(),
    preferCrossSide: boolean('prefer_cross_side').notNull(),
    preferCrossDepartment: boolean('prefer_cross_department').notNull(),
    preferSameLocation: boolean('prefer_same_location').notNull().default(false),
    inPerson: boolean('in_person').notNull().default(false),
    timeZone: text('time_zone').notNull().default('UTC'),
    filterSide: text('filter_side'),
    filterDepartment: text('filter_department'),
    filterLocation: text('filter_location'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('coffee_programmes_org_id_id_key').on(t.orgId, t.id),
    index('coffee_programmes_org_idx').on(t.orgId, t.createdAt),
    check('coffee_programmes_group_size_check', sql`${t.groupSize} in (2, 3)`),
    check('coffee_programmes_no_repeat_check', sql`${t.noRepeatRounds} between 0 and 104`),
  ],
);

/**
 * Who is opted in. A pause (holidays) skips the rounds run from `pausedFrom` (or at once when it
 * is null) up to and including `pausedUntil`. Opting out deletes the row.
 */
export const coffeeParticipants = pgTable(
  'coffee_participants',
  {
    orgId: orgId(),
    programmeId: uuid('programme_id').notNull(),
    personId: uuid('person_id').notNull(),
    pausedUntil: day('paused_until'),
    pausedFrom: day('paused_from'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'coffee_participants_pk', columns: [t.programmeId, t.personId] }),
    index('coffee_participants_org_idx').on(t.orgId),
    foreignKey({ name: 'coffee_participants_programme_fk', columns: [t.orgId, t.programmeId], foreignColumns: [coffeeProgrammes.orgId, coffeeProgrammes.id] }).onDelete('cascade'),
    foreignKey({ name: 'coffee_participants_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

export const coffeeRounds = pgTable(
  'coffee_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    programmeId: uuid('programme_id').notNull(),
    number: integer('number').notNull(),
    proposedStart: ts('proposed_start').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('coffee_rounds_org_id_id_key').on(t.orgId, t.id),
    unique('coffee_rounds_programme_number_key').on(t.programmeId, t.number),
    index('coffee_rounds_org_idx').on(t.orgId),
    foreignKey({ name: 'coffee_rounds_programme_fk', columns: [t.orgId, t.programmeId], foreignColumns: [coffeeProgrammes.orgId, coffeeProgrammes.id] }).onDelete('cascade'),
  ],
);

/** One member of one group of a round; `metTokenHash` is the SHA-256 of the "did you meet?" link. */
export const coffeeGroupMembers = pgTable(
  'coffee_group_members',
  {
    orgId: orgId(),
    roundId: uuid('round_id').notNull(),
    groupIndex: integer('group_index').notNull(),
    personId: uuid('person_id').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    met: boolean('met'),
    answeredAt: ts('answered_at'),
    metTokenHash: text('met_token_hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'coffee_group_members_pk', columns: [t.roundId, t.personId] }),
    uniqueIndex('coffee_group_members_token_key').on(t.metTokenHash),
    index('coffee_group_members_org_person_idx').on(t.orgId, t.personId),
    index('coffee_group_members_round_group_idx').on(t.roundId, t.groupIndex),
    foreignKey({ name: 'coffee_group_members_round_fk', columns: [t.orgId, t.roundId], foreignColumns: [coffeeRounds.orgId, coffeeRounds.id] }).onDelete('cascade'),
    foreignKey({ name: 'coffee_group_members_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

/** A leader's recurring open hour: one weekday, local start/end in a time zone, cut into slots. */
export const openHours = pgTable(
  'open_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    leaderId: uuid('leader_id').notNull(),
    weekday: integer('weekday').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    location: text('location'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('open_hours_org_id_id_key').on(t.orgId, t.id),
    index('open_hours_org_idx').on(t.orgId),
    foreignKey({ name: 'open_hours_leader_fk', columns: [t.orgId, t.leaderId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
    check('open_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
  ],
);

/**
 * Bookings. The partial unique index is what makes a slot bookable once, also when many press at
 * the same moment: the losers' inserts fail with 23505 and answer 409 (decision 073).
 */
export const openHourBookings = pgTable(
  'open_hour_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    openHourId: uuid('open_hour_id').notNull(),
    slotStart: ts('slot_start').notNull(),
    slotEnd: ts('slot_end').notNull(),
    personId: uuid('person_id').notNull(),
    topic: text('topic').notNull(),
    cancelledAt: ts('cancelled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('open_hour_bookings_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('open_hour_bookings_slot_key').on(t.openHourId, t.slotStart).where(sql`${t.cancelledAt} is null`),
    index('open_hour_bookings_org_person_idx').on(t.orgId, t.personId),
    foreignKey({ name: 'open_hour_bookings_open_hour_fk', columns: [t.orgId, t.openHourId], foreignColumns: [openHours.orgId, openHours.id] }).onDelete('cascade'),
    foreignKey({ name: 'open_hour_bookings_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

export const openMicTopics = pgTable(
  'open_mic_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    title: text('title').notNull(),
    personId: uuid('person_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    discussedAt: ts('discussed_at'),
    outcome: text('outcome'),
  },
  (t) => [
    unique('open_mic_topics_org_id_id_key').on(t.orgId, t.id),
    index('open_mic_topics_org_idx').on(t.orgId, t.createdAt),
    foreignKey({ name: 'open_mic_topics_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }),
  ],
);

/** One vote per person per topic: the primary key answers a second vote with 409. */
export const openMicVotes = pgTable(
  'open_mic_votes',
  {
    orgId: orgId(),
    topicId: uuid('topic_id').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'open_mic_votes_pk', columns: [t.topicId, t.personId] }),
    index('open_mic_votes_org_idx').on(t.orgId),
    foreignKey({ name: 'open_mic_votes_topic_fk', columns: [t.orgId, t.topicId], foreignColumns: [openMicTopics.orgId, openMicTopics.id] }).onDelete('cascade'),
    foreignKey({ name: 'open_mic_votes_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);

export const sitInRotas = pgTable(
  'sit_in_rotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    meetingTitle: text('meeting_title').notNull(),
    poolPersonIds: jsonb('pool_person_ids').$type<string[]>().notNull(),
    /** Local start `HH:MM` of the meeting in `timeZone`; null: an all-day entry (decision 076). */
    startTime: text('start_time'),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    timeZone: text('time_zone').notNull().default('UTC'),
    location: text('location'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('sit_in_rotas_org_id_id_key').on(t.orgId, t.id), index('sit_in_rotas_org_idx').on(t.orgId, t.createdAt)],
);

export const sitInTurns = pgTable(
  'sit_in_turns',
  {
    orgId: orgId(),
    rotaId: uuid('rota_id').notNull(),
    date: day('date').notNull(),
    personId: uuid('person_id'),
    declinedBy: jsonb('declined_by').$type<string[]>().notNull().default([]),
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'sit_in_turns_pk', columns: [t.rotaId, t.date] }),
    index('sit_in_turns_org_person_idx').on(t.orgId, t.personId),
    foreignKey({ name: 'sit_in_turns_rota_fk', columns: [t.orgId, t.rotaId], foreignColumns: [sitInRotas.orgId, sitInRotas.id] }).onDelete('cascade'),
  ],
);

/** A person's calendar feed: only the SHA-256 of the secret token is kept; rotate = replace the row. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    orgId: orgId(),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'calendar_feeds_pk', columns: [t.orgId, t.personId] }),
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    foreignKey({ name: 'calendar_feeds_person_fk', columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete('cascade'),
  ],
);
