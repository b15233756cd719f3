import { z } from 'zod';
import { ZIsoDate, ZName, ZPageQuery, ZSide, ZUuid, zPage } from '../common';

/** Priorities: scoring rounds where Business and IT score separately, results, the queue, the portfolio. */

export const ZPriorityModel = z.enum(['wsjf', 'rice', 'cd3', 'weighted']);
export type TPriorityModel = z.infer<typeof ZPriorityModel>;
export const ZCriterionOwner = z.enum(['business', 'it', 'both']);
export type TCriterionOwner = z.infer<typeof ZCriterionOwner>;
export const ZPriorityItemType = z.enum(['initiative', 'enabler', 'request']);
export type TPriorityItemType = z.infer<typeof ZPriorityItemType>;
export const ZPortfolioCategory = z.enum(['run', 'grow', 'transform']);
export type TPortfolioCategory = z.infer<typeof ZPortfolioCategory>;
export const ZPriorityHorizon = z.enum(['now', 'next', 'later']);
export type TPriorityHorizon = z.infer<typeof ZPriorityHorizon>;
export const ZRoundStatus = z.enum(['draft', 'open', 'closed']);
export type TRoundStatus = z.infer<typeof ZRoundStatus>;
export const ZDisagreementStatus = z.enum(['open', 'discussing', 'decided']);
export type TDisagreementStatus = z.infer<typeof ZDisagreementStatus>;

const ZFinite = z.number().refine((n) => Number.isFinite(n), 'must be a finite number');

export const ZCriterionInput = z.strictObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a key is a letter followed by up to 39 letters, digits or _'),
  label: ZName,
  weight: ZFinite,
  owner: ZCriterionOwner,
  definition: z.string().trim().max(500).optional(),
});
export type TCriterionInput = z.infer<typeof ZCriterionInput>;

export const ZPriorityItemRef = z.strictObject({
  type: ZPriorityItemType,
  id: ZUuid,
  category: ZPortfolioCategory.optional(),
  horizon: ZPriorityHorizon.optional(),
});
export type TPriorityItemRef = z.infer<typeof ZPriorityItemRef>;

export const ZCreateRoundRequest = z.strictObject({
  name: ZName,
  model: ZPriorityModel,
  criteria: z.array(ZCriterionInput).min(1).max(20).optional(),
  items: z.array(ZPriorityItemRef).max(1000),
  opensAt: ZIsoDate.optional(),
  closesAt: ZIsoDate.optional(),
});
export type TCreateRoundRequest = z.infer<typeof ZCreateRoundRequest>;

export const ZAddRoundItemsRequest = z.strictObject({ items: z.array(ZPriorityItemRef).min(1).max(1000) });
export type TAddRoundItemsRequest = z.infer<typeof ZAddRoundItemsRequest>;

/** Re-tag one item of a round: its portfolio category and horizon (null clears); any status. */
export const ZTagRoundItemRequest = z
  .strictObject({ category: ZPortfolioCategory.nullable().optional(), horizon: ZPriorityHorizon.nullable().optional() })
  .refine((b) => b.category !== undefined || b.horizon !== undefined, 'give a category, a horizon or both');
export type TTagRoundItemRequest = z.infer<typeof ZTagRoundItemRequest>;
export const ZRoundItemParams = z.strictObject({ id: ZUuid, itemId: ZUuid });

/**
 * Change a round's dates while it is a draft or open (null clears a date). Days, not instants: a
 * round opens at the start of opensAt and can be scored until the end of closesAt, UTC (decision 146).
 */
export const ZPatchRoundRequest = z
  .strictObject({ opensAt: ZIsoDate.nullable().optional(), closesAt: ZIsoDate.nullable().optional() })
  .refine((b) => b.opensAt !== undefined || b.closesAt !== undefined, 'give opensAt, closesAt or both');
export type TPatchRoundRequest = z.infer<typeof ZPatchRoundRequest>;

export const ZCriterionScale = z.union([
  z.object({ kind: z.literal('set'), values: z.array(z.number()) }),
  z.object({ kind: z.literal('range'), min: z.number(), max: z.number().nullable(), minExclusive: z.boolean().optional() }),
]);

export const ZCriterion = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  owner: ZCriterionOwner,
  definition: z.string(),
  scale: ZCriterionScale,
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZRoundItem = z.object({
  itemId: ZUuid,
  type: ZPriorityItemType,
  title: z.string(),
  effort: z.number().nullable(),
  category: ZPortfolioCategory.nullable(),
  horizon: ZPriorityHorizon.nullable(),
});
export type TRoundItem = z.infer<typeof ZRoundItem>;

export const ZRound = z.object({
  id: ZUuid,
  name: z.string(),
  model: ZPriorityModel,
  status: ZRoundStatus,
  criteria: z.array(ZCriterion),
  items: z.array(ZRoundItem),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The caller's own scorer identity: the person linked to the account, if any. */
  me: z.object({ personId: ZUuid, name: z.string(), side: ZSide }).nullable(),
});
export type TRound = z.infer<typeof ZRound>;

export const ZRoundSummary = z.object({
  id: ZUuid,
  name: z.string(),
  model: ZPriorityModel,
  status: ZRoundStatus,
  itemCount: z.number().int(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TRoundSummary = z.infer<typeof ZRoundSummary>;
/** Rounds newest first, paged (`?limit`, `?cursor`). */
export const ZRoundList = zPage(ZRoundSummary);
export type TRoundList = z.infer<typeof ZRoundList>;

export const ZPutScoresRequest = z.strictObject({
  personId: ZUuid,
  itemId: ZUuid,
  scores: z.record(z.string(), ZFinite).refine((s) => Object.keys(s).length > 0, 'give at least one criterion'),
});
export type TPutScoresRequest = z.infer<typeof ZPutScoresRequest>;

export const ZScoresWritten = z.object({ personId: ZUuid, itemId: ZUuid, scores: z.record(z.string(), z.number()) });
export type TScoresWritten = z.infer<typeof ZScoresWritten>;

/** Scores by person, item and criterion, paged (`?limit` ≤ 500, `?cursor`); filters `personId`, `side`. */
export const ZScoresQuery = ZPageQuery.extend({
  personId: ZUuid.optional(),
  side: ZSide.optional(),
});
export type TScoresQuery = z.infer<typeof ZScoresQuery>;

export const ZScoreRow = z.object({ personId: ZUuid, side: ZSide, itemId: ZUuid, criterion: z.string(), value: z.number() });
export type TScoreRow = z.infer<typeof ZScoreRow>;
export const ZScoreList = zPage(ZScoreRow);
export type TScoreList = z.infer<typeof ZScoreList>;

/** Whose scoring sheet: the caller's own person when absent; another person's only for an admin. */
export const ZScoringSheetQuery = z.strictObject({ personId: ZUuid.optional() });

/**
 * Everything one scorer's page needs in one answer: who scores, the criteria their side owns and
 * their own values so far as `{ itemId: { criterion: value } }` (blind: nobody else's).
 */
export const ZScoringSheet = z.object({
  roundId: ZUuid,
  status: ZRoundStatus,
  person: z.object({ personId: ZUuid, name: z.string(), side: ZSide }),
  criteria: z.array(ZCriterion),
  values: z.record(z.string(), z.record(z.string(), z.number())),
});
export type TScoringSheet = z.infer<typeof ZScoringSheet>;

/** Who has scored how many items, never what: the only thing shown while a round is open. */
export const ZRoundProgress = z.object({
  status: ZRoundStatus,
  items: z.number().int(),
  scorers: z.array(z.object({ personId: ZUuid, name: z.string(), side: ZSide, itemsScored: z.number().int() })),
});
export type TRoundProgress = z.infer<typeof ZRoundProgress>;

const ZSideResult = z.object({ score: z.number().nullable(), rank: z.number() });

export const ZDecision = z.object({ rank: z.number().int().nullable(), score: z.number().nullable(), reason: z.string() });

export const ZDisagreementSummary = z.object({
  itemId: ZUuid,
  title: z.string(),
  rankDifference: z.number(),
  status: ZDisagreementStatus,
  ownerId: ZUuid.nullable(),
  dueDate: z.string().nullable(),
  decision: ZDecision.nullable(),
});
export type TDisagreementSummary = z.infer<typeof ZDisagreementSummary>;

export const ZResults = z.object({
  roundId: ZUuid,
  model: ZPriorityModel,
  items: z.array(
    z.object({
      itemId: ZUuid,
      title: z.string(),
      type: ZPriorityItemType,
      business: ZSideResult,
      it: ZSideResult,
      rankDifference: z.number(),
      combinedScore: z.number().nullable(),
      combinedRank: z.number().int(),
      decided: z.boolean(),
    }),
  ),
  agreement: z.object({ kendallTauB: z.number().nullable(), alphaBusiness: z.number().nullable(), alphaIt: z.number().nullable() }),
  disagreements: z.array(ZDisagreementSummary),
  scorers: z.object({ business: z.number().int(), it: z.number().int() }),
});
export type TResults = z.infer<typeof ZResults>;

export const ZRoundQuery = z.strictObject({ round: ZUuid });
export const ZItemIdParams = z.strictObject({ itemId: ZUuid });

export const ZPatchDisagreementRequest = z.strictObject({
  status: ZDisagreementStatus,
  ownerId: ZUuid.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  decision: z
    .strictObject({
      rank: z.number().int().min(1).optional(),
      score: ZFinite.optional(),
      reason: z.string().trim().min(1, 'a decision needs a reason').max(2000),
    })
    .optional(),
});
export type TPatchDisagreementRequest = z.infer<typeof ZPatchDisagreementRequest>;

export const ZDisagreement = ZDisagreementSummary.extend({
  roundId: ZUuid,
  combinedRank: z.number().int(),
  history: z.array(z.object({ at: z.string(), actorUserId: ZUuid.nullable(), actorName: z.string().nullable(), changes: z.record(z.string(), z.unknown()) })),
});
export type TDisagreement = z.infer<typeof ZDisagreement>;

export const ZMix = z.object({ run: z.number(), grow: z.number(), transform: z.number() });
export type TMix = z.infer<typeof ZMix>;

/** The three fixed category keys stay on the wire; these are the organisation's names for them (decision 147). */
export const DEFAULT_CATEGORY_LABELS = { run: 'Run', grow: 'Grow', transform: 'Transform' } as const;
const ZCategoryLabel = z.string().trim().min(1, 'a label cannot be empty').max(40, 'a label has at most 40 characters');
export const ZCategoryLabels = z.object({ run: z.string(), grow: z.string(), transform: z.string() });
export type TCategoryLabels = z.infer<typeof ZCategoryLabels>;

export const ZPutPortfolioRequest = z.strictObject({
  capacity: ZFinite.refine((n) => n >= 0, 'capacity must be 0 or more'),
  targetMix: z
    .strictObject({ run: ZFinite.refine((n) => n >= 0, 'must be 0 or more'), grow: ZFinite.refine((n) => n >= 0, 'must be 0 or more'), transform: ZFinite.refine((n) => n >= 0, 'must be 0 or more') })
    .refine((m) => m.run + m.grow + m.transform > 0, 'the target mix must sum to more than 0'),
  /** Queue rule: |rank difference| at or above this enters the queue; null uses the top N. */
  disagreementThreshold: ZFinite.refine((n) => n > 0, 'must be more than 0').nullable().optional(),
  disagreementTopN: z.number().int().min(0).max(100).optional(),
  /** The organisation's names for run, grow and transform (all three); left out keeps them, null goes back to the defaults. */
  categoryLabels: z.strictObject({ run: ZCategoryLabel, grow: ZCategoryLabel, transform: ZCategoryLabel }).nullable().optional(),
});
export type TPutPortfolioRequest = z.infer<typeof ZPutPortfolioRequest>;

export const ZPortfolioSettings = z.object({
  capacity: z.number(),
  targetMix: ZMix,
  disagreementThreshold: z.number().nullable(),
  disagreementTopN: z.number().int(),
  categoryLabels: ZCategoryLabels,
});
export type TPortfolioSettings = z.infer<typeof ZPortfolioSettings>;
export const ZPortfolioSettingsAnswer = z.object({ settings: ZPortfolioSettings.nullable() });

export const ZPortfolioQuery = z.strictObject({ round: ZUuid, drop: ZUuid.optional() });

export const ZPortfolio = z.object({
  roundId: ZUuid,
  capacity: z.number(),
  used: z.number(),
  cutLine: z.object({ in: z.array(ZUuid), out: z.array(ZUuid) }),
  mix: z.object({ actual: ZMix, target: ZMix, uncategorised: z.number() }),
  /** Shares (0..1) of the in-effort: initiatives are Business work, enablers IT work. */
  split: z.object({ business: z.number(), it: z.number() }),
  ranking: z.array(
    z.object({
      itemId: ZUuid,
      title: z.string(),
      type: ZPriorityItemType,
      effort: z.number().nullable(),
      category: ZPortfolioCategory.nullable(),
      horizon: ZPriorityHorizon.nullable(),
      combinedRank: z.number().int(),
      in: z.boolean(),
    }),
  ),
  ifDropped: z.object({ itemId: ZUuid, movesIn: z.array(ZUuid) }).nullable(),
  /** The organisation's names for run, grow and transform (the defaults when it has none). */
  categoryLabels: ZCategoryLabels,
});
export type TPortfolio = z.infer<typeof ZPortfolio>;

export const ZCreateScenarioRequest = z.strictObject({
  name: ZName,
  moves: z.array(z.strictObject({ itemId: ZUuid, rank: z.number().int().min(1) })).max(1000).default([]),
});
export type TCreateScenarioRequest = z.input<typeof ZCreateScenarioRequest>;

export const ZScenario = z.object({ id: ZUuid, roundId: ZUuid, name: z.string(), order: z.array(ZUuid), createdAt: z.string() });
export type TScenario = z.infer<typeof ZScenario>;
/** Scenarios of a round, newest first, paged (`?limit`, `?cursor`). */
export const ZScenarioList = zPage(ZScenario);
export type TScenarioList = z.infer<typeof ZScenarioList>;

/** Compare scenario a with scenario b, or with the current combined ranking when b is absent. */
export const ZCompareQuery = z.strictObject({ a: ZUuid, b: ZUuid.optional() });
const ZScenarioSide = z.object({ id: ZUuid.nullable(), name: z.string(), in: z.array(ZUuid), out: z.array(ZUuid), mix: ZMix, used: z.number() });
export const ZScenarioComparison = z.object({
  roundId: ZUuid,
  a: ZScenarioSide,
  b: ZScenarioSide,
  /** In under b but not under a. */
  movesIn: z.array(ZUuid),
  movesOut: z.array(ZUuid),
  target: ZMix,
});
export type TScenarioComparison = z.infer<typeof ZScenarioComparison>;
