import { z } from 'zod';
import { ZIsoDate, ZIsoDateTime, ZPageQuery, ZSide, ZUuid, zPage } from '../common';

/** An IANA time zone the runtime knows (Europe/London, America/New_York, UTC). */
export const ZTimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'timeZone must be an IANA time zone such as Europe/London');

/** Local time of day `HH:MM` (24 h). */
export const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24 h)');

/** The caller's own person in the current organisation (null when the account is not linked to one). */
export const ZCrossoverMe = z.object({ personId: ZUuid.nullable(), name: z.string().nullable() });

/* ---------- coffee pairs ---------- */

export const ZCadence = z.enum(['weekly', 'fortnightly', 'monthly']);
export type TCadence = z.infer<typeof ZCadence>;

export const ZCreateProgrammeRequest = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(200),
  cadence: ZCadence,
  groupSize: z.number().int('groupSize must be 2 or 3').min(2, 'groupSize must be 2 or 3').max(3, 'groupSize must be 2 or 3'),
  noRepeatRounds: z.number().int().min(0, 'noRepeatRounds must be 0 or more').max(104, 'noRepeatRounds must be at most 104').default(6),
  preferCrossSide: z.boolean().default(true),
  preferCrossDepartment: z.boolean().default(true),
  preferSameLocation: z.boolean().default(false),
  inPerson: z.boolean().default(false),
  timeZone: ZTimeZone.default('UTC'),
  filter: z
    .strictObject({
      side: ZSide.optional(),
      department: z.string().trim().min(1).max(200).optional(),
      location: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
});
export type TCreateProgrammeRequest = z.infer<typeof ZCreateProgrammeRequest>;

export const ZProgramme = z.object({
  id: ZUuid,
  name: z.string(),
  cadence: ZCadence,
  groupSize: z.number().int(),
  noRepeatRounds: z.number().int(),
  preferCrossSide: z.boolean(),
  preferCrossDepartment: z.boolean(),
  preferSameLocation: z.boolean(),
  inPerson: z.boolean(),
  timeZone: z.string(),
  filter: z.object({ side: ZSide.nullable(), department: z.string().nullable(), location: z.string().nullable() }),
  participants: z.number().int(),
  createdAt: z.string(),
});
export type TProgramme = z.infer<typeof ZProgramme>;
export const ZProgrammeList = zPage(ZProgramme);

export const ZProgrammeParams = z.strictObject({ id: ZUuid });
export const ZPutParticipantsRequest = z.strictObject({ personIds: z.array(ZUuid).max(20_000) });
export const ZParticipantsSet = z.object({ participants: z.number().int() });

/**
 * Opt in or out. Without personId the caller's own person; only leaders and admins name someone
 * else. Opt-in also sets a holiday pause: rounds run from `pausedFrom` (default: at once) up to
 * and including `pausedUntil` skip the person; opting in without them ends any pause.
 */
export const ZOptRequest = z
  .strictObject({
    personId: ZUuid.optional(),
    pausedFrom: ZIsoDate.nullable().optional(),
    pausedUntil: ZIsoDate.nullable().optional(),
  })
  .refine((v) => !v.pausedFrom || !!v.pausedUntil, { path: ['pausedUntil'], message: 'pausedUntil is required with pausedFrom' })
  .refine((v) => !v.pausedFrom || !v.pausedUntil || v.pausedFrom <= v.pausedUntil, { path: ['pausedUntil'], message: 'pausedUntil must be on or after pausedFrom' });
export type TOptRequest = z.infer<typeof ZOptRequest>;

export const ZParticipant = z.object({
  personId: ZUuid,
  name: z.string(),
  side: ZSide,
  department: z.string(),
  location: z.string(),
  /** The pause: from this day (null: already running) up to and including `pausedUntil`. */
  pausedFrom: z.string().nullable(),
  pausedUntil: z.string().nullable(),
});
export type TParticipant = z.infer<typeof ZParticipant>;
export const ZParticipantList = zPage(ZParticipant);

export const ZRoundParams = z.strictObject({ id: ZUuid, roundId: ZUuid });
export const ZGroupParams = z.strictObject({ id: ZUuid, roundId: ZUuid, index: z.coerce.number().int().min(0).max(100_000) });
export const ZGroupIcsParams = z.strictObject({ id: ZUuid, roundId: ZUuid, file: z.string().regex(/^\d{1,6}\.ics$/, 'must be <index>.ics') });

export const ZCoffeeGroup = z.object({
  index: z.number().int(),
  personIds: z.array(ZUuid),
  names: z.array(z.string()),
  reasons: z.array(z.string()),
  answers: z.array(z.object({ personId: ZUuid, met: z.boolean().nullable() })),
});
export type TCoffeeGroup = z.infer<typeof ZCoffeeGroup>;

export const ZCoffeeRound = z.object({
  id: ZUuid,
  number: z.number().int(),
  proposedStart: z.string(),
  createdAt: z.string(),
  groups: z.array(ZCoffeeGroup),
});
export type TCoffeeRound = z.infer<typeof ZCoffeeRound>;
export const ZCoffeeRoundSummary = z.object({ id: ZUuid, number: z.number().int(), proposedStart: z.string(), createdAt: z.string() });
export const ZCoffeeRoundList = zPage(ZCoffeeRoundSummary);

export const ZRunRoundRequest = z.strictObject({ proposedStart: ZIsoDateTime.optional(), seed: z.number().int().min(0).max(2 ** 31).optional() }).nullish();

export const ZMetRequest = z.strictObject({ personId: ZUuid, met: z.boolean() });
export const ZMetTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'token is not a link Tandem sent') });
export const ZMetByTokenRequest = z.strictObject({ met: z.boolean() });
export const ZMetAnswer = z.object({ programmeName: z.string(), met: z.boolean() });
/** The mail's opt-out link (the member's own link token): without pausedUntil opt out; with it, pause until then. */
export const ZOptOutByTokenRequest = z.strictObject({ pausedUntil: ZIsoDate.optional() });
export const ZOptOutAnswer = z.object({ programmeName: z.string(), optedOut: z.boolean(), pausedUntil: z.string().nullable() });
export type TOptOutAnswer = z.infer<typeof ZOptOutAnswer>;

const ZRateCell = z.object({ groups: z.number().int(), met: z.number().int(), rate: z.number().nullable() });
export const ZProgrammeStats = z.object({
  rounds: z.number().int(),
  groups: z.number().int(),
  repeatPairs: z.number().int(),
  crossSideShare: z.number().nullable(),
  meetingRate: z.number().nullable(),
  bySide: z.record(z.string(), ZRateCell),
  byDepartment: z.record(z.string(), ZRateCell),
  method: z.string(),
});
export type TProgrammeStats = z.infer<typeof ZProgrammeStats>;

/* ---------- open hours ---------- */

export const ZCreateOpenHourRequest = z
  .strictObject({
    leaderId: ZUuid,
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1, 'weekday must be 1 (Monday) to 7 (Sunday)').max(7, 'weekday must be 1 (Monday) to 7 (Sunday)'),
    start: ZClock,
    end: ZClock,
    slotMinutes: z.number().int().min(5, 'slotMinutes must be 5 to 240').max(240, 'slotMinutes must be 5 to 240'),
    timeZone: ZTimeZone,
    location: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'end must be after start' });
export type TCreateOpenHourRequest = z.infer<typeof ZCreateOpenHourRequest>;

export const ZOpenHour = z.object({
  id: ZUuid,
  leaderId: ZUuid,
  leaderName: z.string(),
  weekday: z.number().int(),
  start: z.string(),
  end: z.string(),
  slotMinutes: z.number().int(),
  timeZone: z.string(),
  location: z.string().nullable(),
});
export type TOpenHour = z.infer<typeof ZOpenHour>;
export const ZOpenHourList = zPage(ZOpenHour);

export const ZSlotsQuery = z.strictObject({ from: ZIsoDateTime.optional(), to: ZIsoDateTime.optional() });
export const ZSlot = z.object({
  start: z.string(),
  end: z.string(),
  booked: z.boolean(),
  bookingId: ZUuid.nullable(),
  /** Shown to the leader and to the booker only. */
  bookedBy: z.object({ personId: ZUuid, name: z.string(), topic: z.string() }).nullable(),
});
export type TSlot = z.infer<typeof ZSlot>;
export const ZSlotList = zPage(ZSlot);

export const ZCreateBookingRequest = z.strictObject({
  slotStart: z.iso.datetime({ offset: true }),
  personId: ZUuid.optional(),
  topic: z.string().trim().min(1, 'topic is required').max(500),
});
export type TCreateBookingRequest = z.infer<typeof ZCreateBookingRequest>;
export const ZBookingParams = z.strictObject({ id: ZUuid, bookingId: ZUuid });
export const ZOpenHourStats = z.object({
  bookings: z.number().int(),
  bySide: z.record(z.string(), z.number().int()),
  byDepartment: z.record(z.string(), z.number().int()),
});

/* ---------- open mic ---------- */

export const ZCreateTopicRequest = z.strictObject({ title: z.string().trim().min(1, 'title is required').max(300), personId: ZUuid.optional() });
export const ZTopicVoteRequest = z.strictObject({ personId: ZUuid.optional() });
export const ZDiscussedRequest = z.strictObject({ outcome: z.string().trim().min(1, 'outcome is required').max(300) });
export const ZTopic = z.object({
  id: ZUuid,
  title: z.string(),
  personId: ZUuid.nullable(),
  author: z.string().nullable(),
  votes: z.number().int(),
  createdAt: z.string(),
  expiresAt: z.string(),
  discussedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type TTopic = z.infer<typeof ZTopic>;
export const ZTopicList = zPage(ZTopic);
export const ZTopicsQuery = ZPageQuery.extend({ status: z.enum(['open', 'discussed']).default('open') });

/* ---------- sit-ins ---------- */

export const ZCreateSitInRequest = z.strictObject({
  meetingTitle: z.string().trim().min(1, 'meetingTitle is required').max(200),
  dates: z.array(ZIsoDate).min(1, 'dates needs at least one date').max(520),
  poolPersonIds: z.array(ZUuid).min(1, 'poolPersonIds needs at least one person').max(500),
  /** The meeting's local start time; without it the invitations are all-day entries. */
  time: ZClock.optional(),
  durationMinutes: z.number().int().min(5, 'durationMinutes must be 5 to 480').max(480, 'durationMinutes must be 5 to 480').default(60),
  timeZone: ZTimeZone.default('UTC'),
  location: z.string().trim().max(500).optional(),
});
export type TCreateSitInRequest = z.infer<typeof ZCreateSitInRequest>;
export const ZRotaTurn = z.object({ date: z.string(), personId: ZUuid.nullable(), name: z.string().nullable(), declinedBy: z.array(ZUuid), note: z.string().nullable() });
export const ZSitIn = z.object({
  id: ZUuid,
  meetingTitle: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  location: z.string().nullable(),
  poolPersonIds: z.array(ZUuid),
  rota: z.array(ZRotaTurn),
});
export type TSitIn = z.infer<typeof ZSitIn>;
export const ZSitInSummary = z.object({ id: ZUuid, meetingTitle: z.string(), poolSize: z.number().int(), createdAt: z.string() });
export const ZSitInList = zPage(ZSitInSummary);
export const ZDeclineRequest = z.strictObject({ date: ZIsoDate, personId: ZUuid.optional() });
export const ZSitInNoteRequest = z.strictObject({ date: ZIsoDate, note: z.string().trim().min(1, 'note is required').max(1000) });

/* ---------- calendar feed ---------- */

export const ZCalendarFeed = z.object({ url: z.string() });
export const ZCalendarTokenParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'not a calendar feed address') });
