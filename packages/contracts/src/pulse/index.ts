import { z } from 'zod';
import { ZIsoDate, ZIsoDateTime, ZLevel, ZName, ZPageCursor, ZPageQuery, ZSide, ZUuid, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, zPage } from '../common';

/** The attributes a pulse segments by; they are the person's as of the invitation. */
export const ZPulseDimension = z.enum(['side', 'level', 'department', 'location']);
export type TPulseDimension = z.infer<typeof ZPulseDimension>;

export const ZPulseTemplateId = z.enum(['tech-priorities-alignment']);

/** Who is invited: all active people, or those matching every given attribute. */
export const ZPulseAudience = z.strictObject({
  side: ZSide.optional(),
  level: ZLevel.optional(),
  department: z.string().trim().min(1).max(120).optional(),
  location: z.string().trim().max(120).optional(),
});
export type TPulseAudience = z.infer<typeof ZPulseAudience>;

const ZQuestionText = z.string().trim().min(3, 'a statement needs at least 3 characters').max(300);
/**
 * A repeating pulse (decision 135): every month or quarter the next one is made from this one, with
 * the same statements, audience and minimum groups. `autoOpen` opens it at its date (links go out as
 * issuing would send them); otherwise it waits as a draft for a leader.
 */
export const ZPulseRepeat = z.strictObject({
  every: z.enum(['month', 'quarter'], 'repeat every is month or quarter'),
  autoOpen: z.boolean('autoOpen is true or false').default(false),
});
export type TPulseRepeat = z.infer<typeof ZPulseRepeat>;

/** k: no number is shown for fewer respondents. The floor of 3 is a product rule, not a default. */
const ZMinGroupSize = z.number().int().min(3, 'the minimum group size is never below 3').max(1000);

export const ZCreatePulseRequest = z
  .strictObject({
    title: ZName,
    template: ZPulseTemplateId.optional(),
    questions: z.array(z.strictObject({ text: ZQuestionText })).max(50).optional(),
    audience: ZPulseAudience.optional(),
    minGroupSize: ZMinGroupSize.optional(),
    minCommentGroupSize: ZMinGroupSize.optional(),
    opensAt: ZIsoDateTime.optional(),
    closesAt: ZIsoDateTime.optional(),
    repeat: ZPulseRepeat.nullable().optional(),
  })
  .refine((v) => v.template !== undefined || (v.questions?.length ?? 0) > 0, { message: 'give a template or at least one question', path: ['questions'] })
  .refine((v) => v.minCommentGroupSize === undefined || v.minCommentGroupSize >= (v.minGroupSize ?? 5), {
    message: 'the comment group must be at least the minimum group size',
    path: ['minCommentGroupSize'],
  });
export type TCreatePulseRequest = z.input<typeof ZCreatePulseRequest>;

export const ZUpdatePulseRequest = z.strictObject({
  title: ZName.optional(),
  audience: ZPulseAudience.optional(),
  minGroupSize: ZMinGroupSize.optional(),
  minCommentGroupSize: ZMinGroupSize.optional(),
  opensAt: ZIsoDateTime.nullable().optional(),
  closesAt: ZIsoDateTime.nullable().optional(),
  /** Whether a closed pulse counts in the trend; the only change a closed pulse accepts (decision 130). */
  inTrend: z.boolean('inTrend is true or false').optional(),
  /** Repeat or stop repeating (null); a closed pulse accepts it too, so a series can be stopped. */
  repeat: ZPulseRepeat.nullable().optional(),
});
export type TUpdatePulseRequest = z.infer<typeof ZUpdatePulseRequest>;

export const ZPulseQuestion = z.object({ id: ZUuid, text: z.string() });
export type TPulseQuestion = z.infer<typeof ZPulseQuestion>;

export const ZPulseStatus = z.enum(['draft', 'open', 'closed']);
export type TPulseStatus = z.infer<typeof ZPulseStatus>;

export const ZPulse = z.object({
  id: ZUuid,
  title: z.string(),
  status: ZPulseStatus,
  published: z.boolean(),
  /** A closed pulse put away: listed apart, left out of the trend. */
  archived: z.boolean(),
  /** False when the pulse is left out of the trend. */
  inTrend: z.boolean(),
  audience: ZPulseAudience,
  minGroupSize: z.number().int(),
  minCommentGroupSize: z.number().int(),
  /** True once the pulse is open (not tied to any response): the anonymity settings can no longer change. */
  anonymityFrozen: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  questions: z.array(ZPulseQuestion),
  invited: z.number().int(),
  /** How it repeats, or null (decision 135). */
  repeat: z.object({ every: z.enum(['month', 'quarter']), autoOpen: z.boolean() }).nullable(),
  /** The pulse this one repeats, when it was made by the schedule. */
  previousPulseId: ZUuid.nullable(),
  /** Everyone who answered: only for a closed pulse whose audited results show everyone (decision 023); null otherwise. */
  respondents: z.number().int().nullable(),
});
export type TPulse = z.infer<typeof ZPulse>;

/** `GET /pulses/audience`: an audience rule as a query (every attribute optional). */
export const ZAudienceQuery = z.strictObject({
  side: ZSide.optional(),
  level: ZLevel.optional(),
  department: z.string().trim().min(1, 'department is not empty when given').max(120, 'department is at most 120 characters').optional(),
  location: z.string().trim().max(120, 'location is at most 120 characters').optional(),
});
export type TAudienceQuery = z.infer<typeof ZAudienceQuery>;

/** How many active people the rule matches (people, not respondents), and the values to choose from. */
export const ZAudienceMatch = z.object({ matches: z.number().int(), departments: z.array(z.string()), locations: z.array(z.string()) });
export type TAudienceMatch = z.infer<typeof ZAudienceMatch>;

/** `GET /pulses`: paged, newest first; `archived` filters (absent: both). */
export const ZPulseListQuery = ZPageQuery.extend({
  archived: z.enum(['true', 'false'], 'archived is true or false').optional(),
});
export const ZPulseList = zPage(ZPulse);
export type TPulseList = z.infer<typeof ZPulseList>;

/**
 * Body of `POST /pulses/{id}/invitations`: none (or `{}`) mails each person of the audience their own
 * link; `{ unlinked: true, count }` issues links tied to no person, the only links a leader may
 * hold (decision 024).
 */
export const ZIssueInvitationsRequest = z
  .strictObject({
    unlinked: z.literal(true, 'unlinked must be true').optional(),
    count: z.number().int('count is a whole number').min(1, 'count is at least 1').max(5000, 'count is at most 5000').optional(),
  })
  .refine((v) => (v.unlinked === true) === (v.count !== undefined), { message: 'unlinked links need both unlinked: true and a count', path: ['count'] })
  .nullish();
export type TIssueInvitationsRequest = z.infer<typeof ZIssueInvitationsRequest>;

/** Person links were mailed: counts only, never a token or link. */
export const ZPulseInvitationsMailed = z.object({ issued: z.number().int(), mailed: z.number().int() });
/** Unlinked links, shown to the leader once: print or download them now. */
export const ZPulseUnlinkedLinks = z.object({ links: z.array(z.string()) });
export const ZPulseInvitations = z.union([ZPulseInvitationsMailed, ZPulseUnlinkedLinks]);
export type TPulseInvitations = z.infer<typeof ZPulseInvitations>;

/** The paged-list query (`limit`, `cursor`), with the limit's words spelled out. */
export const ZIssuedLinksQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int('limit is a whole number')
    .min(1, 'limit is at least 1')
    .max(PAGE_LIMIT_MAX, `limit is at most ${PAGE_LIMIT_MAX}`)
    .default(PAGE_LIMIT_DEFAULT),
  cursor: ZPageCursor.optional(),
});

/**
 * The issued links of a pulse: who has one (no personId for an unlinked link) and when it was
 * issued. Never whether a link was used and never the token. `respondents` is the total under the
 * pulse's live-count rule (null while it may not be shown).
 */
export const ZIssuedLinks = z.object({
  issued: z.number().int(),
  unlinked: z.number().int(),
  respondents: z.number().int().nullable(),
  items: z.array(z.object({ personId: ZUuid.optional(), name: z.string().optional(), issuedAt: z.string() })),
  /** The paged-list contract: the next page's cursor, null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TIssuedLinks = z.infer<typeof ZIssuedLinks>;

export const ZPersonLinkParams = z.strictObject({ id: ZUuid, personId: ZUuid });

/** A signed-in member's open pulses: only whether they answered themselves, never anyone else. */
export const ZMyPulses = z.object({
  pulses: z.array(z.object({ id: ZUuid, title: z.string(), closesAt: z.string().nullable(), answered: z.boolean() })),
});
export type TMyPulses = z.infer<typeof ZMyPulses>;

export const ZRespondForm = z.object({
  organisation: z.string(),
  title: z.string(),
  closesAt: z.string().nullable(),
  minGroupSize: z.number().int(),
  questions: z.array(ZPulseQuestion),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  /**
   * For an unlinked link only: the respondent states their segment. Side and level are required
   * (fixed to the audience's value when the audience names one); department and location are
   * optional and chosen from the organisation's values.
   */
  segment: z
    .object({
      side: z.array(ZSide),
      level: z.array(ZLevel),
      department: z.array(z.string()),
      location: z.array(z.string()),
    })
    .nullable(),
});
export type TRespondForm = z.infer<typeof ZRespondForm>;

export const ZSubmitResponseRequest = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        questionId: ZUuid,
        value: z.number().int().min(1, 'answers are on a 1-5 scale').max(5, 'answers are on a 1-5 scale'),
        comment: z.string().trim().max(2000).optional(),
      }),
    )
    .min(1)
    .max(100),
  /** Unlinked links only (required there): the respondent's own side and level. Ignored for a person's own link. */
  side: ZSide.optional(),
  level: ZLevel.optional(),
  /** Unlinked links only, optional: one of the organisation's departments / locations. */
  department: z.string().trim().max(120).optional(),
  location: z.string().trim().max(120).optional(),
});
export type TSubmitResponseRequest = z.infer<typeof ZSubmitResponseRequest>;

export const ZPulseTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const ZResultsQuery = z.strictObject({
  by: z
    .string()
    .regex(/^(side|level|department|location)(,(side|level|department|location))*$/, 'by is a comma-separated list of side, level, department, location')
    .optional(),
});

export const ZSegmentKey = z.object({
  side: z.string().optional(),
  level: z.string().optional(),
  department: z.string().optional(),
  location: z.string().optional(),
});
export type TSegmentKey = z.infer<typeof ZSegmentKey>;

const ZInterval = z.tuple([z.number(), z.number()]);

/**
 * The change of a segment since the previous pulse (decision 136): shares now minus then, only when
 * the segment is visible in both pulses; null otherwise.
 */
export const ZScoreChange = z.object({ favourable: z.number(), distribution: z.array(z.number()).length(5) });
export type TScoreChange = z.infer<typeof ZScoreChange>;

export const ZVisibleScore = z.object({
  key: ZSegmentKey,
  n: z.number().int(),
  /** Proportion of the top two boxes, 0 to 1. */
  favourable: z.number(),
  /** Wilson 95% interval of favourable. */
  ci: ZInterval,
  /** How many answered 1, 2, 3, 4, 5 (strongly disagree … strongly agree). */
  distribution: z.array(z.number().int()).length(5),
  /** Present when results compare with a previous pulse: the change, or null when either side is hidden. */
  change: ZScoreChange.nullable().optional(),
});
export const ZSuppressed = z.object({ key: ZSegmentKey, suppressed: z.literal(true) });
export const ZSegmentScore = z.union([ZVisibleScore, ZSuppressed]);
export type TSegmentScore = z.infer<typeof ZSegmentScore>;

export const ZSegmentRate = z.union([
  z.object({ key: ZSegmentKey, invited: z.number().int(), responded: z.number().int(), rate: z.number() }),
  z.object({ key: ZSegmentKey, invited: z.number().int(), suppressed: z.literal(true) }),
]);
export type TSegmentRate = z.infer<typeof ZSegmentRate>;

export const ZPulseGap = z.object({
  questionId: ZUuid,
  a: ZSegmentKey,
  b: ZSegmentKey,
  favourableA: z.number(),
  favourableB: z.number(),
  difference: z.number(),
  /** Newcombe 95% interval of the difference. */
  ci: ZInterval,
  significant: z.boolean(),
});
export type TPulseGap = z.infer<typeof ZPulseGap>;

export const ZPulseResults = z.object({
  pulseId: ZUuid,
  title: z.string(),
  status: ZPulseStatus,
  minGroupSize: z.number().int(),
  by: z.array(ZPulseDimension),
  respondents: z.number().int().nullable(),
  invited: z.number().int(),
  responseRates: z.array(ZSegmentRate),
  questions: z.array(z.object({ questionId: ZUuid, text: z.string(), segments: z.array(ZSegmentScore), comments: z.array(z.string()).optional() })),
  gaps: z.array(ZPulseGap),
  headline: z.string().nullable(),
  suppression: z.object({ segments: z.number().int(), hidden: z.number().int() }),
  /** The pulse the changes compare with (decision 136), or null when there is none to compare. */
  previous: z.object({ pulseId: ZUuid, title: z.string(), closedAt: z.string().nullable() }).nullable().optional(),
  /** True when the pulse issued unlinked links: some segments were stated by the respondents themselves, not taken from the directory. */
  selfStated: z.boolean().optional(),
});
export type TPulseResults = z.infer<typeof ZPulseResults>;

export const ZPulseTrend = z.object({
  questions: z.array(
    z.object({
      questionId: ZUuid,
      text: z.string(),
      points: z.array(z.object({ pulseId: ZUuid, title: z.string(), closedAt: z.string().nullable(), segments: z.array(ZSegmentScore) })),
    }),
  ),
});
export type TPulseTrend = z.infer<typeof ZPulseTrend>;

/* ---------- actions from results (decision 134) ---------- */

export const ZPulseActionStatus = z.enum(['open', 'done'], 'status is open or done');

const ZActionTitle = z.string().trim().min(3, 'an action needs at least 3 characters').max(300, 'an action is at most 300 characters');

/** `POST /pulses/{id}/actions`: an action taken from a statement's result, optionally one segment's. */
export const ZCreatePulseActionRequest = z
  .strictObject({
    title: ZActionTitle,
    questionId: ZUuid.optional(),
    segment: z
      .strictObject({ side: ZSide.optional(), level: ZLevel.optional(), department: z.string().trim().max(120).optional(), location: z.string().trim().max(120).optional() })
      .optional(),
    ownerId: ZUuid,
    dueDate: ZIsoDate,
    goalId: ZUuid.optional(),
    initiativeId: ZUuid.optional(),
  })
  .refine((v) => v.segment === undefined || v.questionId !== undefined, { message: 'a segment is chosen on a statement: give questionId too', path: ['segment'] });
export type TCreatePulseActionRequest = z.infer<typeof ZCreatePulseActionRequest>;

export const ZUpdatePulseActionRequest = z.strictObject({
  title: ZActionTitle.optional(),
  ownerId: ZUuid.optional(),
  dueDate: ZIsoDate.optional(),
  status: ZPulseActionStatus.optional(),
  goalId: ZUuid.nullable().optional(),
  initiativeId: ZUuid.nullable().optional(),
});
export type TUpdatePulseActionRequest = z.infer<typeof ZUpdatePulseActionRequest>;

export const ZPulseAction = z.object({
  id: ZUuid,
  pulseId: ZUuid,
  pulseTitle: z.string(),
  questionId: ZUuid.nullable(),
  questionText: z.string().nullable(),
  segment: ZSegmentKey,
  title: z.string(),
  ownerId: ZUuid,
  ownerName: z.string().nullable(),
  dueDate: z.string(),
  /** The linked goal; `goalTitle` null with an id means the goal was deleted since. */
  goalId: ZUuid.nullable(),
  goalTitle: z.string().nullable(),
  initiativeId: ZUuid.nullable(),
  initiativeTitle: z.string().nullable(),
  status: ZPulseActionStatus,
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TPulseAction = z.infer<typeof ZPulseAction>;

/** `GET /pulses/actions`: paged by due date; filter by pulse and status. */
export const ZPulseActionsQuery = ZPageQuery.extend({
  pulseId: ZUuid.optional(),
  status: ZPulseActionStatus.optional(),
});
export const ZPulseActionList = zPage(ZPulseAction);
export type TPulseActionList = z.infer<typeof ZPulseActionList>;

export const ZPulseActionParams = z.strictObject({ actionId: ZUuid });
