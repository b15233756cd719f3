import {
  doneCountsByDay,
  doneDaysAfter,
  findRequest,
  forecastLogOutcomes,
  insertForecastLog,
  insertForecastLogRequests,
  listForecastLog,
  openRequestIds,
  type Executor,
} from '@tandem/db';
import {
  ZCalibrationQuery,
  ZForecastHowManyQuery,
  ZForecastWhenQuery,
  ZRecordForecastHowManyRequest,
  ZRecordForecastWhenRequest,
  type TCalibration,
  type TCalibrationEntry,
  type TForecastHowMany,
  type TForecastHowManyQuery,
  type TForecastWhen,
  type TForecastWhenQuery,
  type TRecordForecastHowManyRequest,
  type TRecordForecastWhenRequest,
} from '@tandem/contracts';
import { addDays, calibrationVerdict, dailyThroughput, finishedOn, howManyCounts, whenDays, wholeDays } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { decodeCursor, encodeCursor } from '../../lib/paging';
import { recordRequestsAudit } from './audit';
import { badField, today } from './dates';

export const FORECAST_METHOD =
  'Exact: daily throughput drawn independently from the calendar days of the window before asOf (days with nothing done count as zero), the distribution of the total computed by convolution, no sampling';
export const MAX_HOW_MANY_DAYS = 1830;
/** The calibration summary reads at most this many recorded forecasts (the newest). */
export const CALIBRATION_SUMMARY_LIMIT = 10_000;
/** A filter's open requests recorded with a forecast, at most. */
export const MAX_FORECAST_REQUESTS = 5000;

/** Daily throughput of the W days before asOf; 422 when no request was done in them. */
async function history(x: Executor, orgId: string, asOf: string, windowDays: number): Promise<number[]> {
  const from = addDays(asOf, -windowDays);
  const rows = await doneCountsByDay(x, orgId, from, asOf);
  const days: string[] = [];
  for (const r of rows) for (let i = 0; i < r.n; i++) days.push(r.day);
  const h = dailyThroughput(days, asOf, windowDays);
  const daysWithDone = h.filter((n) => n > 0).length;
  if (daysWithDone === 0) {
    throw new AppError('unprocessable', `not enough history: ${daysWithDone} days`, { windowDays, from, to: addDays(asOf, -1), daysWithDone, hint: 'no request was done in the window: widen windowDays or load history' });
  }
  return h;
}

function when(h: number[], remaining: number, asOf: string, windowDays: number): TForecastWhen {
  let d;
  try {
    d = whenDays(h, remaining);
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('unprocessable', `throughput too low: ${remaining} items are less than 95% likely within 100 years at the pace of the window`);
    throw e;
  }
  const level = (days: number) => ({ days, date: addDays(asOf, days) });
  return { p50: level(d.p50), p85: level(d.p85), p95: level(d.p95), remaining, asOf, windowDays, method: FORECAST_METHOD };
}

function howMany(h: number[], by: string, asOf: string, windowDays: number): TForecastHowMany {
  const days = wholeDays(asOf, by);
  if (days < 1) throw badField('by', `by (${by}) must be after asOf (${asOf})`);
  if (days > MAX_HOW_MANY_DAYS) throw badField('by', `by may be at most ${MAX_HOW_MANY_DAYS} days after asOf`);
  const c = howManyCounts(h, days);
  return { ...c, by, asOf, windowDays, method: FORECAST_METHOD };
}

/** "When will these K be done": p50/p85/p95 days and dates; the same data always gives the same answer. */
export async function forecastWhenFor(ctx: AppContext, auth: OrgAuth, query: TForecastWhenQuery): Promise<TForecastWhen> {
  const q = ZForecastWhenQuery.parse(query);
  const asOf = q.asOf ?? today(ctx);
  return when(await history(ctx.db, auth.orgId, asOf, q.windowDays), q.remaining, asOf, q.windowDays);
}

/** "How many by this date": p50/p85/p95 counts. */
export async function forecastHowManyFor(ctx: AppContext, auth: OrgAuth, query: TForecastHowManyQuery): Promise<TForecastHowMany> {
  const q = ZForecastHowManyQuery.parse(query);
  const asOf = q.asOf ?? today(ctx);
  if (wholeDays(asOf, q.by) < 1) throw badField('querystring.by', `by (${q.by}) must be after asOf (${asOf})`);
  return howMany(await history(ctx.db, auth.orgId, asOf, q.windowDays), q.by, asOf, q.windowDays);
}

/**
 * The "when" forecast shown in the app, recorded in the calibration log. What remains is a bare
 * count, the listed requests not done by asOf, or the open requests of a filter now; with a list or
 * a filter the log keeps those requests, and the forecast resolves when they are finished.
 */
export async function recordForecastWhen(ctx: AppContext, auth: OrgAuth, input: TRecordForecastWhenRequest): Promise<TForecastWhen> {
  const v = ZRecordForecastWhenRequest.parse(input);
  const given = [v.remaining, v.requestIds, v.filter].filter((x) => x !== undefined).length;
  if (given !== 1) throw badField('body.remaining', 'give exactly one of remaining, requestIds or filter');
  const asOf = v.asOf ?? today(ctx);
  return ctx.db.transaction(async (tx) => {
    let ids: string[] | null = null;
    if (v.requestIds) {
      ids = [];
      for (const id of new Set(v.requestIds)) {
        const r = await findRequest(tx, auth.orgId, id);
        if (!r) throw badField('body.requestIds', 'no such request in this organisation');
        if (!(r.doneOn && r.doneOn <= asOf)) ids.push(id);
      }
      if (ids.length === 0) throw badField('body.requestIds', 'every listed request is already done: nothing remains to forecast');
    } else if (v.filter) {
      ids = await openRequestIds(tx, auth.orgId, v.filter, MAX_FORECAST_REQUESTS + 1);
      if (ids.length === 0) throw badField('body.filter', 'no open request matches this filter: nothing remains to forecast');
      if (ids.length > MAX_FORECAST_REQUESTS) throw badField('body.filter', `more than ${MAX_FORECAST_REQUESTS} open requests match: narrow the filter`);
    }
    const remaining = ids ? ids.length : v.remaining!;
    const f = when(await history(tx, auth.orgId, asOf, v.windowDays), remaining, asOf, v.windowDays);
    const row = await insertForecastLog(tx, auth.orgId, {
      kind: 'when',
      asOf,
      windowDays: v.windowDays,
      remaining,
      scope: ids ? 'requests' : 'count',
      byDay: null,
      result: f,
      actorUserId: auth.userId,
      at: ctx.now(),
    });
    if (ids) await insertForecastLogRequests(tx, auth.orgId, row.id, ids);
    await recordRequestsAudit(ctx, tx, auth, 'forecast.recorded', row.id, { kind: 'when', remaining, scope: ids ? 'requests' : 'count' });
    return { ...f, logId: row.id };
  });
}

export async function recordForecastHowMany(ctx: AppContext, auth: OrgAuth, input: TRecordForecastHowManyRequest): Promise<TForecastHowMany> {
  const v = ZRecordForecastHowManyRequest.parse(input);
  const asOf = v.asOf ?? today(ctx);
  if (wholeDays(asOf, v.by) < 1) throw badField('body.by', `by (${v.by}) must be after asOf (${asOf})`);
  return ctx.db.transaction(async (tx) => {
    const f = howMany(await history(tx, auth.orgId, asOf, v.windowDays), v.by, asOf, v.windowDays);
    const row = await insertForecastLog(tx, auth.orgId, { kind: 'how_many', asOf, windowDays: v.windowDays, remaining: null, byDay: v.by, result: f, actorUserId: auth.userId, at: ctx.now() });
    await recordRequestsAudit(ctx, tx, auth, 'forecast.recorded', row.id, { kind: 'how_many', by: v.by });
    return { ...f, logId: row.id };
  });
}

/**
 * The calibration log, newest first and paged, with a summary over every recorded forecast (the
 * newest 10,000). A 'when' forecast about particular requests (a list or a filter) resolves when
 * those are all settled, on the last done day (core's finishedOn); a bare count K resolves on the
 * day the K-th request after asOf was done. A 'how many' forecast resolves once its date has passed,
 * on the count done in (asOf, by]. Within 85% means the real date fell on or before the 85% date,
 * or the real count reached the 85% count.
 */
export async function getCalibration(ctx: AppContext, auth: OrgAuth, query: unknown = {}): Promise<TCalibration> {
  const q = ZCalibrationQuery.parse(query);
  const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  const now = today(ctx);
  const log = await listForecastLog(ctx.db, auth.orgId, CALIBRATION_SUMMARY_LIMIT);
  const minAsOf = log.reduce((m, r) => (r.asOf < m ? r.asOf : m), now);
  const withRequests = log.filter((r) => r.kind === 'when' && r.scope === 'requests').map((r) => r.id);
  // One read of done days after the earliest asOf (the K-th done for bare counts), one of the outcomes of the listed requests.
  const [doneDays, outcomes] = await Promise.all([
    log.some((r) => r.scope === 'count') ? doneDaysAfter(ctx.db, auth.orgId, minAsOf, 200_000) : Promise.resolve([] as string[]),
    forecastLogOutcomes(ctx.db, auth.orgId, withRequests),
  ]);
  const byLog = new Map<string, { doneOn: string | null; rejected: boolean }[]>();
  for (const o of outcomes) {
    const list = byLog.get(o.logId) ?? [];
    list.push({ doneOn: o.category === 'done' ? o.doneOn : null, rejected: o.category === 'rejected' });
    byLog.set(o.logId, list);
  }
  const firstAfter = (day: string) => {
    let lo = 0;
    let hi = doneDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doneDays[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const entries: TCalibrationEntry[] = log.map((r) => {
    const base = { id: r.id, at: r.at.toISOString(), asOf: r.asOf, windowDays: r.windowDays };
    if (r.kind === 'when') {
      const f = r.result as TForecastWhen;
      const k = r.remaining ?? 0;
      let actual: string | null;
      if (r.scope === 'requests') actual = finishedOn(byLog.get(r.id) ?? []);
      else {
        const idx = firstAfter(r.asOf) + k - 1;
        actual = k > 0 && idx < doneDays.length ? doneDays[idx]! : null;
      }
      return { ...base, kind: 'when', remaining: k, scope: r.scope, by: null, p85: f.p85.date, actual, within85: actual === null ? null : actual <= f.p85.date };
    }
    const f = r.result as TForecastHowMany;
    const actual = r.byDay! <= now ? firstAfter(r.byDay!) - firstAfter(r.asOf) : null;
    return { ...base, kind: 'how_many', remaining: null, scope: null, by: r.byDay, p85: String(f.p85), actual: actual === null ? null : String(actual), within85: actual === null ? null : actual >= f.p85 };
  });
  const resolved = entries.filter((e) => e.within85 !== null).length;
  const within85 = entries.filter((e) => e.within85 === true).length;
  const start = key ? entries.findIndex((e) => e.at < String(key[0]) || (e.at === String(key[0]) && e.id < String(key[1]))) : 0;
  const from = start < 0 ? entries.length : start;
  const items = entries.slice(from, from + q.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: from + q.limit < entries.length && last ? encodeCursor([last.at, last.id]) : null,
    summary: { resolved, within85, ...calibrationVerdict(resolved, within85) },
  };
}
