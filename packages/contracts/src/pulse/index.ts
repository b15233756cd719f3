import { z } from 'zod';
import { ZIsoDateTime, ZLevel, ZName, ZSide, ZUuid } from '../common';

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

export const ZPulseList = z.object({ pulses: z.array(ZPulse) });
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

export const ZIssuedLinksQuery = z.strictObject({
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(500, 'limit is at most 500').default(100),
  offset: z.coerce.number().int('offset is a whole number').min(0, 'offset is at least 0').max(1_000_000, 'offset is at most 1000000').default(0),
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

export const ZVisibleScore = z.object({
  key: ZSegmentKey,
  n: z.number().int(),
  /** Proportion of the top two boxes, 0 to 1. */
  favourable: z.number(),
  /** Wilson 95% interval of favourable. */
  ci: ZInterval,
  distribution: z.array(z.number().int()).length(5),
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
