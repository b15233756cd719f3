import { z } from 'zod';
import { ZIsoDate, ZIsoDateTime, ZPageQuery, ZSide, ZUuid, zPage } from '../common';

/* ---------- who acts ---------- */

/** The person the signed-in account acts as in events (decision 082); null when the account is not linked to one. */
export const ZEventsMe = z.object({
  personId: ZUuid.nullable(),
  name: z.string().nullable(),
  side: ZSide.nullable(),
  /** Leaders (and above) may record for any person: a facilitator entering pitches, votes or check-ins. */
  actsForOthers: z.boolean(),
});
export type TEventsMe = z.infer<typeof ZEventsMe>;

/* ---------- hackweeks ---------- */

export const HACKWEEK_PHASES = ['ideas', 'teams', 'hacking', 'demos', 'voting', 'outcomes'] as const;
export const ZHackweekPhase = z.enum(HACKWEEK_PHASES);
export type THackweekPhase = z.infer<typeof ZHackweekPhase>;
export const ZIdeaOutcome = z.enum(['became_initiative', 'became_request', 'parked', 'shipped']);
export type TIdeaOutcome = z.infer<typeof ZIdeaOutcome>;
export const ZVoteCategory = z.enum(['impact', 'creativity']);
export type TVoteCategory = z.infer<typeof ZVoteCategory>;

const ZTitle = z.string().trim().min(1, 'title is required').max(200);

export const ZCreateHackweekRequest = z.strictObject({
  title: ZTitle,
  theme: z.string().trim().max(500).optional(),
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  maxTeamSize: z.number().int().min(1).max(50),
});
export type TCreateHackweekRequest = z.infer<typeof ZCreateHackweekRequest>;

export const ZCreateIdeaRequest = z.strictObject({
  title: ZTitle,
  pitch: z.string().trim().max(5000),
  personId: ZUuid,
  goalId: ZUuid.optional(),
  initiativeId: ZUuid.optional(),
});
export type TCreateIdeaRequest = z.infer<typeof ZCreateIdeaRequest>;

export const ZPersonRef = z.strictObject({ personId: ZUuid });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZSetPhaseRequest = z.strictObject({ phase: ZHackweekPhase });
export const ZVoteRequest = z.strictObject({ personId: ZUuid, ideaId: ZUuid, category: ZVoteCategory });
export type TVoteRequest = z.infer<typeof ZVoteRequest>;

export const ZUpdateIdeaRequest = z.strictObject({
  outcome: ZIdeaOutcome,
  initiativeId: ZUuid.optional(),
  requestId: ZUuid.optional(),
});
export type TUpdateIdeaRequest = z.infer<typeof ZUpdateIdeaRequest>;

/** A team's demo slot during the hackweek (a start instant in UTC), or null to clear it. */
export const ZDemoSlotRequest = z.strictObject({ startsAt: ZIsoDateTime.nullable() });
export type TDemoSlotRequest = z.infer<typeof ZDemoSlotRequest>;

export const ZHackweekIdParams = z.strictObject({ id: ZUuid });
export const ZIdeaParams = z.strictObject({ id: ZUuid, ideaId: ZUuid });

export const ZTeamMember = z.object({ personId: ZUuid, name: z.string(), side: ZSide, department: z.string() });
export const ZHackweekIdea = z.object({
  id: ZUuid,
  title: z.string(),
  pitch: z.string(),
  personId: ZUuid,
  pitcherName: z.string(),
  pitcherSide: ZSide,
  goalId: ZUuid.nullable(),
  initiativeId: ZUuid.nullable(),
  members: z.array(ZTeamMember),
  /** True when the team has people from both IT and the business. */
  crossSide: z.boolean(),
  /** The team's demo slot (ISO instant), null while none is set. */
  demoSlot: z.string().nullable(),
  outcome: ZIdeaOutcome.nullable(),
  outcomeInitiativeId: ZUuid.nullable(),
  outcomeRequestId: ZUuid.nullable(),
});
export type THackweekIdea = z.infer<typeof ZHackweekIdea>;

export const ZHackweek = z.object({
  id: ZUuid,
  title: z.string(),
  theme: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  maxTeamSize: z.number().int(),
  phase: ZHackweekPhase,
  votingClosed: z.boolean(),
});
export type THackweek = z.infer<typeof ZHackweek>;

export const ZHackweekDetail = ZHackweek.extend({
  ideas: z.array(ZHackweekIdea),
  report: z.object({
    ideas: z.number().int(),
    ideasFromBusiness: z.number().int(),
    teams: z.number().int(),
    crossSideTeams: z.number().int(),
    outcomes: z.record(z.string(), z.number().int()),
    /**
     * Whether what came of the hackweek lives on: of the ideas that became an initiative or a
     * request (`tracked`), how many are not cancelled or rejected today (`stillAlive`). The
     * six-month mark is six calendar months after the end date; `reached` says whether it passed.
     */
    alive: z.object({ sixMonthsOn: z.string(), reached: z.boolean(), tracked: z.number().int(), stillAlive: z.number().int() }),
  }),
});
export type THackweekDetail = z.infer<typeof ZHackweekDetail>;

export const ZHackweekList = zPage(ZHackweek);
export type THackweekList = z.infer<typeof ZHackweekList>;
export const ZEventsPageQuery = ZPageQuery;

export const ZHackweekResults = z.object({
  /** False until voting closes: the ranking is empty while votes can still change it. */
  open: z.boolean(),
  categories: z.array(
    z.object({
      category: ZVoteCategory,
      ranking: z.array(z.object({ ideaId: ZUuid, title: z.string(), votes: z.number().int(), rank: z.number().int() })),
    }),
  ),
});
export type THackweekResults = z.infer<typeof ZHackweekResults>;

/* ---------- sprint demos ---------- */

export const ZDemoItemType = z.enum(['initiative', 'enabler', 'request']);
export const ZItemRef = z.strictObject({ type: ZDemoItemType, id: ZUuid });
export type TItemRef = z.infer<typeof ZItemRef>;

export const ZCreateDemoRequest = z.strictObject({
  title: ZTitle,
  /** Start of the session: an ISO date-time in UTC, or a day (10:00 UTC). */
  date: z.union([ZIsoDateTime, ZIsoDate]),
  team: z.string().trim().max(200).optional(),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  itemRefs: z.array(ZItemRef).max(100),
  inviteePersonIds: z.array(ZUuid).max(2000),
});
export type TCreateDemoRequest = z.infer<typeof ZCreateDemoRequest>;

export const ZDemoFeedbackRequest = z.strictObject({ personId: ZUuid, sawValue: z.boolean() });
export type TDemoFeedbackRequest = z.infer<typeof ZDemoFeedbackRequest>;

export const ZDemoCreated = z.object({ id: ZUuid, invited: z.number().int(), mailed: z.number().int() });

export const ZDemo = z.object({
  id: ZUuid,
  title: z.string(),
  team: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  items: z.array(z.object({ type: ZDemoItemType, id: ZUuid })),
  invitees: z.array(
    z.object({
      personId: ZUuid,
      name: z.string(),
      side: ZSide,
      invited: z.boolean(),
      rsvp: z.enum(['accepted', 'declined', 'tentative']).nullable(),
      checkedIn: z.boolean(),
      sawValue: z.boolean().nullable(),
    }),
  ),
  /** The path of the check-in page the QR code on screen points to (leaders only; null for members). */
  checkInPath: z.string().nullable(),
});
export type TDemo = z.infer<typeof ZDemo>;
export const ZDemoList = zPage(ZDemo.omit({ invitees: true, checkInPath: true, items: true }));
export type TDemoList = z.infer<typeof ZDemoList>;

export const ZDemoStats = z.object({
  demos: z.array(
    z.object({
      id: ZUuid,
      title: z.string(),
      startsAt: z.string(),
      attendees: z.number().int(),
      /** Share of attendees from the business, 0 to 1 (null with no attendees). */
      businessShare: z.number().nullable(),
      /** Requesters of the requests shown who checked in, out of `requesters`. */
      requestersPresent: z.number().int(),
      requesters: z.number().int(),
    }),
  ),
});
export type TDemoStats = z.infer<typeof ZDemoStats>;

export const ZCheckInParams = z.strictObject({ id: ZUuid, token: z.string().min(10).max(100) });
export const ZRsvpQuery = z.strictObject({ token: z.string().min(10).max(100), answer: z.enum(['accepted', 'declined', 'tentative']) });

/* ---------- round-tables ---------- */

export const ZCreateRoundtableRequest = z.strictObject({
  title: ZTitle,
  date: ZIsoDate,
  inviteePersonIds: z.array(ZUuid).max(500),
  questions: z.array(z.string().trim().min(1).max(1000)).max(50),
  notes: z.string().max(20000).optional(),
});
export type TCreateRoundtableRequest = z.infer<typeof ZCreateRoundtableRequest>;

/** Notes are written during and after the meeting: title, questions and notes stay editable (at least one field). */
export const ZUpdateRoundtableRequest = z
  .strictObject({
    title: ZTitle.optional(),
    questions: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
    notes: z.string().max(20000).optional(),
  })
  .refine((v) => v.title !== undefined || v.questions !== undefined || v.notes !== undefined, { message: 'give at least one of title, questions, notes' });
export type TUpdateRoundtableRequest = z.infer<typeof ZUpdateRoundtableRequest>;

export const ZInsightRequest = z.strictObject({ text: z.string().trim().min(1, 'text is required').max(2000) });
export const ZLinkRef = z.strictObject({ type: z.enum(['goal', 'initiative', 'request']), id: ZUuid });
export const ZActionRequest = z.strictObject({ ownerId: ZUuid, dueDate: ZIsoDate, link: ZLinkRef.optional() });
export type TActionRequest = z.infer<typeof ZActionRequest>;
export const ZActionDoneRequest = z.strictObject({ done: z.boolean() });
export const ZAttendanceRequest = z.strictObject({ personId: ZUuid, attended: z.boolean().optional() });
export const ZInsightParams = z.strictObject({ id: ZUuid, insightId: ZUuid });

export const ZRoundtableAction = z.object({
  ownerId: ZUuid,
  dueDate: z.string(),
  link: z.object({ type: z.enum(['goal', 'initiative', 'request']), id: ZUuid }).nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
export const ZRoundtable = z.object({
  id: ZUuid,
  title: z.string(),
  date: z.string(),
  questions: z.array(z.string()),
  notes: z.string(),
  invitees: z.array(z.object({ personId: ZUuid, name: z.string(), side: ZSide, attended: z.boolean() })),
  insights: z.array(z.object({ id: ZUuid, text: z.string(), action: ZRoundtableAction.nullable() })),
  /** What came of it: actions done out of actions. */
  actions: z.object({ total: z.number().int(), done: z.number().int() }),
});
export type TRoundtable = z.infer<typeof ZRoundtable>;
export const ZRoundtableList = zPage(ZRoundtable.pick({ id: true, title: true, date: true }));
export type TRoundtableList = z.infer<typeof ZRoundtableList>;

/* ---------- participation ---------- */

export const ZParticipationQuery = z.strictObject({ from: ZIsoDate, to: ZIsoDate });
export type TParticipationQuery = z.infer<typeof ZParticipationQuery>;

const ZRate = z.object({ people: z.number().int(), participants: z.number().int(), rate: z.number() });
export const ZParticipation = z.object({
  from: z.string(),
  to: z.string(),
  /** Which activities were counted (each source's kind). */
  kinds: z.array(z.string()),
  bySide: z.object({ it: ZRate, business: ZRate }),
  byDepartment: z.array(ZRate.extend({ department: z.string() })),
  gapCorrelation: z.object({
    pulseId: ZUuid.nullable(),
    pulseTitle: z.string().nullable(),
    /** Spearman's ρ between participation rate and gap, null with fewer than three departments or no variation. */
    spearman: z.number().nullable(),
    pValue: z.number().nullable(),
    departments: z.array(z.object({ department: z.string(), rate: z.number(), gap: z.number() })),
    /** Departments left out because the pulse hides them (anonymity) or had no answers from them. */
    excluded: z.number().int(),
    verdict: z.string(),
  }),
});
export type TParticipation = z.infer<typeof ZParticipation>;
