import { z } from 'zod';
import { ZIsoDate, ZPageQuery, ZUuid, zPage } from '../common';
import { ZLadderRungItem } from '../strategy';

/* ---------- requests ---------- */

/**
 * The six categories every status of an organisation's flow belongs to (decision 055): analytics
 * and forecasts read categories and dates, never status names.
 */
export const ZStatusCategory = z.enum(['new', 'triaged', 'in_progress', 'done', 'rejected', 'deferred']);
export type TStatusCategory = z.infer<typeof ZStatusCategory>;
/** A status key of the organisation's flow (the default flow's keys are the six category names). */
export const ZRequestStatus = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a status key starts with a letter and holds only a–z, 0–9 and _ (at most 40)');
export type TRequestStatus = z.infer<typeof ZRequestStatus>;
export const ZRequestType = z.enum(['feature', 'change', 'fix', 'it_need']);
export type TRequestType = z.infer<typeof ZRequestType>;
export const ZRequestSide = z.enum(['business', 'it']);
export const ZRequestUrgency = z.enum(['low', 'normal', 'high', 'critical']);
export type TRequestUrgency = z.infer<typeof ZRequestUrgency>;

/** A calendar day, or an ISO date-time whose date part (UTC) counts: history exports carry either. */
export const ZDayOrDateTime = z.union([ZIsoDate, z.iso.datetime({ offset: true })]).transform((s) => s.slice(0, 10));

const requestFields = {
  title: z.string().trim().min(1, 'title is required').max(300),
  description: z.string().trim().max(10_000),
  requesterId: ZUuid.nullable(),
  side: ZRequestSide,
  department: z.string().trim().max(200).nullable(),
  type: ZRequestType,
  valueText: z.string().trim().max(2000).nullable(),
  valueAmount: z.number().finite().min(0, 'valueAmount must be 0 or more').nullable(),
  urgency: ZRequestUrgency,
  desiredDate: ZIsoDate.nullable(),
  status: ZRequestStatus,
  createdAt: ZDayOrDateTime,
  startedAt: ZDayOrDateTime.nullable(),
  doneAt: ZDayOrDateTime.nullable(),
  itInvolvedAt: ZIsoDate.nullable(),
  initiativeIds: z.array(ZUuid).max(100),
  goalIds: z.array(ZUuid).max(100),
};

/**
 * A new request. `status`, `createdAt`, `startedAt` and `doneAt` other than the defaults load
 * history and need the admin role; everyone else files a new request dated today.
 */
export const ZCreateRequestRequest = z.strictObject(requestFields).partial().required({ title: true });
export type TCreateRequestRequest = z.input<typeof ZCreateRequestRequest>;

/** Edits; a status change is a transition kept in the history (`reason` goes with it). */
export const ZUpdateRequestRequest = z.strictObject({ ...requestFields, reason: z.string().trim().max(2000) }).partial();
export type TUpdateRequestRequest = z.input<typeof ZUpdateRequestRequest>;

export const ZRequestTransition = z.object({
  /** Status keys as they were when the move happened (a status removed from the flow since keeps its key here). */
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  actorUserId: ZUuid.nullable(),
});

export const ZRequest = z.object({
  id: ZUuid,
  title: z.string(),
  description: z.string(),
  requesterId: ZUuid.nullable(),
  side: ZRequestSide,
  department: z.string().nullable(),
  type: ZRequestType,
  valueText: z.string().nullable(),
  valueAmount: z.number().nullable(),
  urgency: ZRequestUrgency,
  desiredDate: z.string().nullable(),
  status: ZRequestStatus,
  /** The category of `status` in the organisation's flow. */
  statusCategory: ZStatusCategory,
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  itInvolvedAt: z.string().nullable(),
  initiativeIds: z.array(ZUuid),
  goalIds: z.array(ZUuid),
  /** Lead time (created → done) in whole days, when done. */
  leadTimeDays: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type TRequest = z.infer<typeof ZRequest>;

export const ZRequestDetail = ZRequest.extend({
  transitions: z.array(ZRequestTransition),
  ladder: z.array(ZLadderRungItem),
});
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

/** Filters of the request list: a status key, a category, a side, a type; paged (`limit`, `cursor`). */
export const ZRequestFilter = z.strictObject({
  status: ZRequestStatus.optional(),
  category: ZStatusCategory.optional(),
  side: ZRequestSide.optional(),
  type: ZRequestType.optional(),
});
export type TRequestFilter = z.infer<typeof ZRequestFilter>;
export const ZRequestListQuery = ZPageQuery.extend(ZRequestFilter.shape);
export type TRequestListQuery = z.input<typeof ZRequestListQuery>;
export const ZRequestList = zPage(ZRequest);
export type TRequestList = z.infer<typeof ZRequestList>;
/** How many requests match a filter (the list itself is paged and carries no total). */
export const ZRequestCount = z.object({ count: z.number().int() });
export const ZRequestTransitionList = zPage(ZRequestTransition);
export type TRequestTransitionList = z.infer<typeof ZRequestTransitionList>;

/* ---------- the organisation's flow ---------- */

export const ZFlowStatus = z.strictObject({
  key: ZRequestStatus,
  label: z.string().trim().min(1, 'a status needs a label').max(60),
  category: ZStatusCategory,
});
export type TFlowStatus = z.infer<typeof ZFlowStatus>;
export const ZFlowTransition = z.strictObject({ from: ZRequestStatus, to: ZRequestStatus });
/**
 * The flow of requests an admin sets: statuses in display order (a new request starts in the first
 * status of category new) and the moves allowed between them. Any other move is a 400.
 */
export const ZPutRequestFlow = z.strictObject({
  statuses: z.array(ZFlowStatus).min(1, 'the flow needs at least one status').max(30, 'at most 30 statuses'),
  transitions: z.array(ZFlowTransition).max(900),
});
export type TPutRequestFlow = z.input<typeof ZPutRequestFlow>;
export const ZRequestFlow = z.object({
  statuses: z.array(ZFlowStatus.extend({ requestCount: z.number().int() })),
  transitions: z.array(z.object({ from: z.string(), to: z.string() })),
  /** True while the organisation has not set its own flow: the six categories, any move allowed. */
  isDefault: z.boolean(),
});
export type TRequestFlow = z.infer<typeof ZRequestFlow>;
export const ZCreatedId = z.object({ id: ZUuid });

export const ZRequestLadder = z.object({ requestId: ZUuid, rungs: z.array(ZLadderRungItem) });
export type TRequestLadder = z.infer<typeof ZRequestLadder>;

/* ---------- CSV import of history ---------- */

/** The fields an import can fill, and the default column name of each. */
export const REQUEST_IMPORT_FIELDS = {
  title: 'title',
  description: 'description',
  type: 'type',
  side: 'side',
  department: 'department',
  status: 'status',
  createdAt: 'created',
  startedAt: 'started',
  doneAt: 'done',
} as const;
export type TRequestImportField = keyof typeof REQUEST_IMPORT_FIELDS;

/** Column mapping: for each field, the header of the column that holds it (e.g. `title=Summary&createdAt=Created`). */
export const ZRequestImportQuery = z.strictObject(
  Object.fromEntries(Object.keys(REQUEST_IMPORT_FIELDS).map((k) => [k, z.string().trim().min(1).max(200).optional()])) as Record<TRequestImportField, z.ZodOptional<z.ZodString>>,
);
export type TRequestImportQuery = z.input<typeof ZRequestImportQuery>;

export const ZRequestImportResult = z.object({ added: z.number().int(), errors: z.array(z.object({ line: z.number().int(), message: z.string() })) });
export type TRequestImportResult = z.infer<typeof ZRequestImportResult>;

/* ---------- analytics ---------- */

export const ZAnalyticsQuery = z.strictObject({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });
export type TAnalyticsQuery = z.input<typeof ZAnalyticsQuery>;

const ZPercentileLines = z.object({ p50: z.number().int(), p85: z.number().int(), p95: z.number().int() });
export type TPercentileLines = z.infer<typeof ZPercentileLines>;
const ZGroupLines = z.object({ key: z.string(), count: z.number().int(), leadTime: ZPercentileLines.nullable() });

export const ZAnalytics = z.object({
  from: z.string(),
  to: z.string(),
  /** Done in [from, to]; null lines when nothing was done. */
  doneCount: z.number().int(),
  leadTime: ZPercentileLines.nullable(),
  cycleTime: ZPercentileLines.nullable(),
  throughputPerWeek: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
  ageing: z.array(z.object({ id: ZUuid, title: z.string(), status: z.string(), createdAt: z.string(), ageDays: z.number().int(), percentile: z.number().int() })),
  /** Open requests beyond the ones listed in `ageing` (the oldest 500 are listed). */
  ageingTruncated: z.number().int(),
  scatter: z.array(z.object({ id: ZUuid, title: z.string(), doneAt: z.string(), leadTimeDays: z.number().int(), cycleTimeDays: z.number().int().nullable(), type: ZRequestType, side: ZRequestSide })),
  /** Points beyond the 2,000 most recent shown in `scatter`. */
  scatterTruncated: z.number().int(),
  byType: z.array(ZGroupLines),
  bySide: z.array(ZGroupLines),
  byDepartment: z.array(ZGroupLines),
  cumulativeFlow: z.array(z.object({ weekStart: z.string(), arrived: z.number().int(), started: z.number().int(), done: z.number().int() })),
});
export type TAnalytics = z.infer<typeof ZAnalytics>;

/* ---------- forecasts ---------- */

const ZWindowDays = z.coerce.number().int('windowDays must be a whole number').min(1, 'windowDays must be at least 1').max(3650, 'windowDays must be at most 3650');

export const ZForecastWhenQuery = z.strictObject({
  remaining: z.coerce.number().int('remaining must be a whole number').min(1, 'remaining must be at least 1 item').max(100_000),
  asOf: ZIsoDate.optional(),
  windowDays: ZWindowDays.default(90),
});
export type TForecastWhenQuery = z.input<typeof ZForecastWhenQuery>;

export const ZForecastHowManyQuery = z.strictObject({
  by: ZIsoDate,
  asOf: ZIsoDate.optional(),
  windowDays: ZWindowDays.default(90),
});
export type TForecastHowManyQuery = z.input<typeof ZForecastHowManyQuery>;

const ZWhenLevel = z.object({ days: z.number().int(), date: z.string() });
export const ZForecastWhen = z.object({
  p50: ZWhenLevel,
  p85: ZWhenLevel,
  p95: ZWhenLevel,
  remaining: z.number().int(),
  asOf: z.string(),
  windowDays: z.number().int(),
  method: z.string(),
  /** Set when the forecast was recorded in the calibration log (POST). */
  logId: ZUuid.optional(),
});
export type TForecastWhen = z.infer<typeof ZForecastWhen>;

export const ZForecastHowMany = z.object({
  p50: z.number().int(),
  p85: z.number().int(),
  p95: z.number().int(),
  by: z.string(),
  asOf: z.string(),
  windowDays: z.number().int(),
  method: z.string(),
  logId: ZUuid.optional(),
});
export type TForecastHowMany = z.infer<typeof ZForecastHowMany>;

/** The same questions as a POST: the answer is also recorded in the calibration log. */
export const ZRecordForecastWhenRequest = z.strictObject({
  remaining: z.number().int().min(1, 'remaining must be at least 1 item').max(100_000).optional(),
  /** Or the list of requests still to do: remaining = those of them not done. */
  requestIds: z.array(ZUuid).min(1).max(5000).optional(),
  /** Or a filter: the requests it matches that are open now are the ones to do. */
  filter: ZRequestFilter.optional(),
  asOf: ZIsoDate.optional(),
  windowDays: z.number().int().min(1).max(3650).default(90),
});
export type TRecordForecastWhenRequest = z.input<typeof ZRecordForecastWhenRequest>;
export const ZRecordForecastHowManyRequest = z.strictObject({ by: ZIsoDate, asOf: ZIsoDate.optional(), windowDays: z.number().int().min(1).max(3650).default(90) });
export type TRecordForecastHowManyRequest = z.input<typeof ZRecordForecastHowManyRequest>;

export const ZCalibrationEntry = z.object({
  id: ZUuid,
  kind: z.enum(['when', 'how_many']),
  at: z.string(),
  asOf: z.string(),
  windowDays: z.number().int(),
  remaining: z.number().int().nullable(),
  /**
   * What a 'when' forecast resolves on: 'requests' = the particular requests it was about are all
   * settled (done or rejected); 'count' = a bare count K, judged on the K-th request done after asOf.
   */
  scope: z.enum(['count', 'requests']).nullable(),
  by: z.string().nullable(),
  /** What the forecast said at 85%: a date ('when') or a count ('how_many'). */
  p85: z.string(),
  /** What happened, once known: the day the last item was done, or the count done by the date. */
  actual: z.string().nullable(),
  /** Did the outcome fall inside the 85% forecast? null while the work is not finished. */
  within85: z.boolean().nullable(),
});
export const ZCalibrationQuery = ZPageQuery;
export const ZCalibrationSummary = z.object({
  /** Over the whole log (not only this page). */
  resolved: z.number().int(),
  within85: z.number().int(),
  /** within85 / resolved, null before anything resolved. A calibrated method lands near 0.85. */
  hitRate: z.number().nullable(),
  /** 'calibrated' when the hit rate of at least 10 resolved forecasts is within 0.10 of 0.85. */
  verdict: z.enum(['not_enough_data', 'calibrated', 'overconfident', 'underconfident']),
});
/** A page of the log, newest first, and the summary over every recorded forecast. */
export const ZCalibration = zPage(ZCalibrationEntry).extend({ summary: ZCalibrationSummary });
export type TCalibration = z.infer<typeof ZCalibration>;
export type TCalibrationEntry = z.infer<typeof ZCalibrationEntry>;

/* ---------- reference class ---------- */

export const ZCreateReferenceProjectRequest = z.strictObject({
  title: z.string().trim().min(1, 'title is required').max(300),
  estimateDays: z.number().finite().gt(0, 'estimateDays must be more than 0').max(100_000),
  actualDays: z.number().finite().gt(0, 'actualDays must be more than 0').max(100_000),
});
export type TCreateReferenceProjectRequest = z.input<typeof ZCreateReferenceProjectRequest>;
export const ZReferenceProject = z.object({ id: ZUuid, title: z.string(), estimateDays: z.number(), actualDays: z.number(), ratio: z.number() });
export type TReferenceProject = z.infer<typeof ZReferenceProject>;
export const ZReferenceClassQuery = z.strictObject({ estimateDays: z.coerce.number().finite().gt(0, 'estimateDays must be more than 0').max(100_000) });
export const ZReferenceClass = z.object({
  estimateDays: z.number(),
  uplift: z.object({ p50: z.number(), p80: z.number() }),
  forecastDays: z.object({ p50: z.number(), p80: z.number() }),
  projects: z.array(ZReferenceProject),
});
export type TReferenceClass = z.infer<typeof ZReferenceClass>;

/* ---------- deferred needs ---------- */

const needFields = {
  title: z.string().trim().min(1, 'title is required').max(300),
  reason: z.string().trim().max(2000),
  deferredById: ZUuid.nullable(),
  costNow: z.number().finite().min(0, 'costNow must be 0 or more'),
  annualFailureProbability: z.number().finite().min(0, 'annualFailureProbability must be between 0 and 1').max(1, 'annualFailureProbability must be between 0 and 1'),
  impact: z.number().finite().min(0, 'impact must be 0 or more'),
  services: z.string().trim().max(2000),
  deferredAt: ZIsoDate,
};
export const ZCreateDeferredNeedRequest = z.strictObject(needFields).partial({ reason: true, deferredById: true, services: true });
export type TCreateDeferredNeedRequest = z.input<typeof ZCreateDeferredNeedRequest>;
export const ZUpdateDeferredNeedRequest = z.strictObject(needFields).omit({ deferredAt: true }).partial();
export type TUpdateDeferredNeedRequest = z.input<typeof ZUpdateDeferredNeedRequest>;
/** Defer again (with a reason, by whom, from which day) or stop deferring (the need was done or dropped). */
export const ZDeferralRequest = z.strictObject({
  deferred: z.boolean(),
  on: ZIsoDate.optional(),
  reason: z.string().trim().max(2000).default(''),
  byPersonId: ZUuid.nullable().default(null),
});
export type TDeferralRequest = z.input<typeof ZDeferralRequest>;

export const ZDeferredNeedsQuery = ZPageQuery.extend({ asOf: ZIsoDate.optional(), all: z.enum(['true', 'false']).optional() });
export const ZDeferredNeed = z.object({
  id: ZUuid,
  title: z.string(),
  reason: z.string(),
  deferredById: ZUuid.nullable(),
  services: z.string(),
  costNow: z.number(),
  annualFailureProbability: z.number(),
  impact: z.number(),
  deferred: z.boolean(),
  deferredAt: z.string().nullable(),
  yearsDeferred: z.number(),
  exposure: z.number(),
  /** Exposure one year later if still deferred: the trend. */
  exposureInOneYear: z.number(),
  exceedsCost: z.boolean(),
});
export type TDeferredNeed = z.infer<typeof ZDeferredNeed>;
/** One page of the ledger (longest deferred first); the totals cover every need deferred now. */
export const ZDeferredNeedLedger = z.object({
  asOf: z.string(),
  items: z.array(ZDeferredNeed),
  nextCursor: z.string().nullable(),
  totalExposure: z.number(),
  totalCostNow: z.number(),
  exceedingCount: z.number().int(),
});
export type TDeferredNeedLedger = z.infer<typeof ZDeferredNeedLedger>;
export const ZDeferredNeedEvent = z.object({ action: z.enum(['deferred', 'undeferred']), on: z.string(), reason: z.string(), byPersonId: ZUuid.nullable(), actorUserId: ZUuid.nullable(), at: z.string() });
export const ZDeferredNeedHistory = zPage(ZDeferredNeedEvent);
