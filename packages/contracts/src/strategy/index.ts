import { z } from 'zod';
import { ZIsoDate, ZPageQuery, ZUuid, zPage } from '../common';

export const ZStrategyStatus = z.enum(['proposed', 'planned', 'in_progress', 'done', 'cancelled']);
export type TStrategyStatus = z.infer<typeof ZStrategyStatus>;

export const ZAnsoff = z.enum(['market_penetration', 'product_development', 'market_development', 'diversification']);
export type TAnsoff = z.infer<typeof ZAnsoff>;

export const ZHorizon = z.enum(['now', 'next', 'later', 'unscheduled', 'past']);
export type THorizon = z.infer<typeof ZHorizon>;

export const ZLadderRung = z.enum(['now', 'next_week', 'next_month', 'next_year']);
export type TLadderRung = z.infer<typeof ZLadderRung>;

export const ZSwotQuadrant = z.enum(['strength', 'weakness', 'opportunity', 'threat']);
export type TSwotQuadrant = z.infer<typeof ZSwotQuadrant>;

const ZTitle = z.string().trim().min(1, 'title is required').max(200);
const ZShortText = z.string().trim().max(120);
/** Effort in person-days. */
const ZEffort = z.number().int().min(0).max(1_000_000);
const ZMeasure = z.number().finite().min(-1e12).max(1e12);
const ZIdList = z.array(ZUuid).max(500);

/* ---------- goals ---------- */

const goalFields = {
  title: ZTitle,
  metric: ZShortText.nullable(),
  baseline: ZMeasure.nullable(),
  target: ZMeasure.nullable(),
  unit: ZShortText.nullable(),
  dueDate: ZIsoDate.nullable(),
  ownerId: ZUuid.nullable(),
};

export const ZCreateGoalRequest = z.strictObject({
  title: goalFields.title,
  metric: goalFields.metric.optional(),
  baseline: goalFields.baseline.optional(),
  target: goalFields.target.optional(),
  unit: goalFields.unit.optional(),
  dueDate: goalFields.dueDate.optional(),
  ownerId: goalFields.ownerId.optional(),
});
export type TCreateGoalRequest = z.input<typeof ZCreateGoalRequest>;

export const ZUpdateGoalRequest = z.strictObject(goalFields).partial();
export type TUpdateGoalRequest = z.input<typeof ZUpdateGoalRequest>;

export const ZGoal = z.object({
  id: ZUuid,
  title: z.string(),
  metric: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  unit: z.string().nullable(),
  dueDate: z.string().nullable(),
  ownerId: ZUuid.nullable(),
  initiativeIds: z.array(ZUuid),
  /** 0..1 rolled up from initiatives, enablers and ladder rungs; null when nothing serves it. */
  progress: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TGoal = z.infer<typeof ZGoal>;
/** Goals by title, paged (the paged-list contract). */
export const ZGoalList = zPage(ZGoal);
export type TGoalList = z.infer<typeof ZGoalList>;

/* ---------- initiatives ---------- */

const initiativeFields = {
  title: ZTitle,
  description: z.string().trim().max(5000),
  goalIds: ZIdList,
  ownerId: ZUuid.nullable(),
  businessChampionId: ZUuid.nullable(),
  itChampionId: ZUuid.nullable(),
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  status: ZStrategyStatus,
  effort: ZEffort.nullable(),
  ansoff: ZAnsoff.nullable(),
  itInvolvedAt: ZIsoDate.nullable(),
};

export const ZCreateInitiativeRequest = z.strictObject({
  title: initiativeFields.title,
  description: initiativeFields.description.default(''),
  goalIds: initiativeFields.goalIds.default([]),
  ownerId: initiativeFields.ownerId.optional(),
  businessChampionId: initiativeFields.businessChampionId.optional(),
  itChampionId: initiativeFields.itChampionId.optional(),
  startDate: initiativeFields.startDate.optional(),
  endDate: initiativeFields.endDate.optional(),
  status: initiativeFields.status.default('proposed'),
  effort: initiativeFields.effort.optional(),
  ansoff: initiativeFields.ansoff.optional(),
  itInvolvedAt: initiativeFields.itInvolvedAt.optional(),
});
export type TCreateInitiativeRequest = z.input<typeof ZCreateInitiativeRequest>;

export const ZUpdateInitiativeRequest = z.strictObject(initiativeFields).partial();
export type TUpdateInitiativeRequest = z.input<typeof ZUpdateInitiativeRequest>;

export const ZLadderRungItem = z.object({
  rung: ZLadderRung,
  deliverable: z.string(),
  date: z.string().nullable(),
  done: z.boolean(),
});
export type TLadderRungItem = z.infer<typeof ZLadderRungItem>;

export const ZInitiative = z.object({
  id: ZUuid,
  title: z.string(),
  description: z.string(),
  goalIds: z.array(ZUuid),
  enablerIds: z.array(ZUuid),
  ownerId: ZUuid.nullable(),
  businessChampionId: ZUuid.nullable(),
  itChampionId: ZUuid.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: ZStrategyStatus,
  effort: z.number().nullable(),
  ansoff: ZAnsoff.nullable(),
  itInvolvedAt: z.string().nullable(),
  /** Derived from the dates relative to today (core horizonOf). */
  horizon: ZHorizon,
  progress: z.number().nullable(),
  ladder: z.array(ZLadderRungItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInitiative = z.infer<typeof ZInitiative>;
/** Initiatives by title, paged (the paged-list contract). */
export const ZInitiativeList = zPage(ZInitiative);
export type TInitiativeList = z.infer<typeof ZInitiativeList>;

/* ---------- enablers ---------- */

const enablerFields = {
  title: ZTitle,
  initiativeIds: ZIdList,
  /** Other enablers that must be finished first; a cycle is refused with 409. */
  dependsOnIds: ZIdList,
  ownerId: ZUuid.nullable(),
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  status: ZStrategyStatus,
  effort: ZEffort.nullable(),
};

export const ZCreateEnablerRequest = z.strictObject({
  title: enablerFields.title,
  initiativeIds: enablerFields.initiativeIds.default([]),
  dependsOnIds: enablerFields.dependsOnIds.default([]),
  ownerId: enablerFields.ownerId.optional(),
  startDate: enablerFields.startDate.optional(),
  endDate: enablerFields.endDate.optional(),
  status: enablerFields.status.default('proposed'),
  effort: enablerFields.effort.optional(),
});
export type TCreateEnablerRequest = z.input<typeof ZCreateEnablerRequest>;

export const ZUpdateEnablerRequest = z.strictObject(enablerFields).partial();
export type TUpdateEnablerRequest = z.input<typeof ZUpdateEnablerRequest>;

export const ZEnabler = z.object({
  id: ZUuid,
  title: z.string(),
  initiativeIds: z.array(ZUuid),
  dependsOnIds: z.array(ZUuid),
  ownerId: ZUuid.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: ZStrategyStatus,
  effort: z.number().nullable(),
  progress: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TEnabler = z.infer<typeof ZEnabler>;
/** Enablers by title, paged (the paged-list contract). */
export const ZEnablerList = zPage(ZEnabler);
export type TEnablerList = z.infer<typeof ZEnablerList>;

/** The whole roadmap in one answer, for the views that show all three levels at once. */
export const ZRoadmap = z.object({ goals: z.array(ZGoal), initiatives: z.array(ZInitiative), enablers: z.array(ZEnabler) });
export type TRoadmap = z.infer<typeof ZRoadmap>;

/* ---------- delivery ladder ---------- */

export const ZPutLadderRequest = z.strictObject({
  rungs: z
    .array(
      z.strictObject({
        rung: ZLadderRung,
        deliverable: z.string().trim().max(500).default(''),
        date: ZIsoDate.nullable().default(null),
        done: z.boolean().default(false),
      }),
    )
    .max(4),
});
export type TPutLadderRequest = z.input<typeof ZPutLadderRequest>;
export const ZLadder = z.object({ initiativeId: ZUuid, rungs: z.array(ZLadderRungItem) });
export type TLadder = z.infer<typeof ZLadder>;

/* ---------- SWOT ---------- */

export const ZCreateSwotRequest = z.strictObject({
  goalId: ZUuid.optional(),
  initiativeId: ZUuid.optional(),
  quadrant: ZSwotQuadrant,
  text: z.string().trim().min(1, 'text is required').max(1000),
  enablerId: ZUuid.nullable().optional(),
});
export type TCreateSwotRequest = z.input<typeof ZCreateSwotRequest>;

export const ZUpdateSwotRequest = z
  .strictObject({ quadrant: ZSwotQuadrant, text: z.string().trim().min(1).max(1000), enablerId: ZUuid.nullable() })
  .partial();
export type TUpdateSwotRequest = z.input<typeof ZUpdateSwotRequest>;

export const ZSwotQuery = ZPageQuery.extend({ goalId: ZUuid.optional(), initiativeId: ZUuid.optional() });

export const ZSwotItem = z.object({
  id: ZUuid,
  goalId: ZUuid.nullable(),
  initiativeId: ZUuid.nullable(),
  quadrant: ZSwotQuadrant,
  text: z.string(),
  enablerId: ZUuid.nullable(),
  createdAt: z.string(),
});
export type TSwotItem = z.infer<typeof ZSwotItem>;
/** SWOT items, oldest first, paged (the paged-list contract). */
export const ZSwotList = zPage(ZSwotItem);
export type TSwotList = z.infer<typeof ZSwotList>;

/* ---------- history ---------- */

export const ZHistoryEntry = z.object({
  id: ZUuid,
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** For date fields: to − from in days (positive = later, a slip). */
  slipDays: z.number().int().nullable(),
  actorUserId: ZUuid.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
/** Changes, newest first, paged (the paged-list contract). */
export const ZHistoryList = zPage(ZHistoryEntry);
export type THistoryList = z.infer<typeof ZHistoryList>;

/* ---------- roadmap health ---------- */

export const ZHealthFinding = z.object({
  rule: z.string(),
  score: z.enum(['aggressive', 'enablers', 'specific', 'includesIt']),
  severity: z.enum(['high', 'medium', 'low']),
  itemType: z.enum(['goal', 'initiative', 'enabler']),
  itemId: ZUuid,
  message: z.string(),
  slipDays: z.number().int().optional(),
  relatedId: ZUuid.optional(),
});
export type THealthFinding = z.infer<typeof ZHealthFinding>;

/** Each score is 0–100, or null when its question judged nothing (decision 140). */
export const ZHealthScores = z.object({
  aggressive: z.number().int().nullable(),
  enablers: z.number().int().nullable(),
  specific: z.number().int().nullable(),
  includesIt: z.number().int().nullable(),
});

export const ZRoadmapHealth = z.object({
  /** null on a roadmap with nothing to judge (no goals, no open initiatives or enablers). */
  overall: z.number().int().nullable(),
  scores: ZHealthScores,
  findings: z.array(ZHealthFinding),
  /** Findings per severity; the page leads with the high ones. */
  counts: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  /** Items judged by at least one check. */
  items: z.number().int(),
  /** "Nothing to check yet…" on an empty roadmap; null otherwise. */
  message: z.string().nullable(),
  computedAt: z.string(),
  itGraceDays: z.number().int(),
});
export type TRoadmapHealth = z.infer<typeof ZRoadmapHealth>;

export const ZHealthHistoryQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(3660).default(365) });
export const ZHealthSnapshot = z.object({ day: z.string(), overall: z.number().int().nullable(), scores: ZHealthScores, findings: z.number().int() });
export const ZHealthHistory = z.object({ snapshots: z.array(ZHealthSnapshot) });
export type THealthHistory = z.infer<typeof ZHealthHistory>;

export const ZStrategySettings = z.strictObject({ itGraceDays: z.number().int().min(0).max(365) });
export type TStrategySettings = z.infer<typeof ZStrategySettings>;

/* ---------- CSV ---------- */

/** CSV headers of the imports and exports; links are by title (goals, initiatives) and people by email. */
export const GOALS_CSV_HEADER = ['title', 'metric', 'baseline', 'target', 'unit', 'due_date', 'owner_email'] as const;
export const INITIATIVES_CSV_HEADER = [
  'title',
  'description',
  'goals',
  'owner_email',
  'business_champion_email',
  'it_champion_email',
  'start_date',
  'end_date',
  'status',
  'effort',
  'ansoff',
  'it_involved_at',
] as const;
export const ENABLERS_CSV_HEADER = ['title', 'initiatives', 'owner_email', 'start_date', 'end_date', 'status', 'effort'] as const;

const csvOptional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));
const csvNumber = csvOptional.transform((s, ctx) => {
  if (s === null) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a number` });
    return z.NEVER;
  }
  return n;
});
const csvInt = csvNumber.refine(
  (n) => n === null || ZEffort.safeParse(n).success,
  'must be a whole number of person-days from 0 to 1,000,000',
);
const csvDate = csvOptional.pipe(ZIsoDate.nullable());
const csvEmail = csvOptional.pipe(z.email().nullable()).transform((e) => (e ? e.toLowerCase() : null));
const csvList = z
  .string()
  .trim()
  .transform((s) =>
    s === ''
      ? []
      : s
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean),
  );

/** One CSV row of each import, validated as strictly as the JSON API. */
export const ZGoalCsvRow = z.strictObject({
  title: ZTitle,
  metric: csvOptional,
  baseline: csvNumber,
  target: csvNumber,
  unit: csvOptional,
  due_date: csvDate,
  owner_email: csvEmail,
});

export const ZInitiativeCsvRow = z.strictObject({
  title: ZTitle,
  description: z.string().trim().max(5000),
  goals: csvList,
  owner_email: csvEmail,
  business_champion_email: csvEmail,
  it_champion_email: csvEmail,
  start_date: csvDate,
  end_date: csvDate,
  status: csvOptional.pipe(ZStrategyStatus.nullable()),
  effort: csvInt,
  ansoff: csvOptional.pipe(ZAnsoff.nullable()),
  it_involved_at: csvDate,
});

export const ZEnablerCsvRow = z.strictObject({
  title: ZTitle,
  initiatives: csvList,
  owner_email: csvEmail,
  start_date: csvDate,
  end_date: csvDate,
  status: csvOptional.pipe(ZStrategyStatus.nullable()),
  effort: csvInt,
});
