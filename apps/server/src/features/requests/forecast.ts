import { doneCountsByDay, doneDaysAfter, findRequest, insertForecastLog, listForecastLog, type Executor } from '@tandem/db';
import {
  ZForecastHowManyQuery,
  ZForecastWhenQuery,
  ZRecordForecastHowManyRequest,
  ZRecordForecastWhenRequest,
  type TCalibration,
  type TForecastHowMany,
  type TForecastHowManyQuery,
  type TForecastWhen,
  type TForecastWhenQuery,
  type TRecordForecastHowManyRequest,
  type TRecordForecastWhenRequest,
} from '@tandem/contracts';
import { addDays, dailyThroughput, howManyCounts, whenDays, wholeDays } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { recordRequestsAudit } from './audit';
import { badField, today } from './dates';

export const FORECAST_METHOD =
  'Exact: daily throughput drawn independently from the calendar days of the window before asOf (days with nothing done count as zero), the distribution of the total computed by convolution, no sampling';
export const MAX_HOW_MANY_DAYS = 1830;
const CALIBRATION_ENTRIES = 200;

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

/** The "when" forecast shown in the app, recorded in the calibration log. Remaining = a count, or the listed requests not yet done. */
export async function recordForecastWhen(ctx: AppContext, auth: OrgAuth, input: TRecordForecastWhenRequest): Promise<TForecastWhen> {
  const v = ZRecordForecastWhenRequest.parse(input);
  if ((v.remaining === undefined) === (v.requestIds === undefined)) throw badField('body.remaining', 'give either remaining or requestIds');
  const asOf = v.asOf ?? today(ctx);
  return ctx.db.transaction(async (tx) => {
    let remaining = v.remaining ?? 0;
    if (v.requestIds) {
      for (const id of new Set(v.requestIds)) {
        const r = await findRequest(tx, auth.orgId, id);
        if (!r) throw badField('body.requestIds', 'no such request in this organisation');
        if (!(r.doneOn && r.doneOn <= asOf)) remaining++;
      }
      if (remaining === 0) throw badField('body.requestIds', 'every listed request is already done: nothing remains to forecast');
    }
    const f = when(await history(tx, auth.orgId, asOf, v.windowDays), remaining, asOf, v.windowDays);
    const row = await insertForecastLog(tx, auth.orgId, { kind: 'when', asOf, windowDays: v.windowDays, remaining, byDay: null, result: f, actorUserId: auth.userId, at: ctx.now() });
    await recordRequestsAudit(ctx, tx, auth, 'forecast.recorded', row.id, { kind: 'when', remaining });
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
 * The calibration log: the latest recorded forecasts and what happened. A 'when' forecast resolves
 * on the day the K-th request after asOf was done (throughput forecasts count items, not particular
 * ones); a 'how many' forecast resolves once its date has passed. Within 85% means the real date
 * fell on or before the 85% date, or the real count reached the 85% count.
 */
export async function getCalibration(ctx: AppContext, auth: OrgAuth): Promise<TCalibration> {
  const now = today(ctx);
  const log = await listForecastLog(ctx.db, auth.orgId, CALIBRATION_ENTRIES);
  const minAsOf = log.reduce((m, r) => (r.asOf < m ? r.asOf : m), now);
  // One read of done days after the earliest asOf, enough for the largest K.
  const doneDays = log.length ? await doneDaysAfter(ctx.db, auth.orgId, minAsOf, 200_000) : [];
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
  const entries: TCalibration['entries'] = [];
  for (const r of log) {
    if (r.kind === 'when') {
      const f = r.result as TForecastWhen;
      const k = r.remaining ?? 0;
      const idx = firstAfter(r.asOf) + k - 1;
      const actual = k > 0 && idx < doneDays.length ? doneDays[idx]! : null;
      entries.push({ id: r.id, kind: 'when', at: r.at.toISOString(), asOf: r.asOf, windowDays: r.windowDays, remaining: k, by: null, p85: f.p85.date, actual, within85: actual === null ? null : actual <= f.p85.date });
    } else {
      const f = r.result as TForecastHowMany;
      const resolved = r.byDay! <= now;
      const actual = resolved ? firstAfter(r.byDay!) - firstAfter(r.asOf) : null;
      entries.push({ id: r.id, kind: 'how_many', at: r.at.toISOString(), asOf: r.asOf, windowDays: r.windowDays, remaining: null, by: r.byDay, p85: String(f.p85), actual: actual === null ? null : String(actual), within85: actual === null ? null : actual >= f.p85 });
    }
  }
  const resolved = entries.filter((e) => e.within85 !== null).length;
  const within85 = entries.filter((e) => e.within85 === true).length;
  const hitRate = resolved ? within85 / resolved : null;
  const verdict = hitRate === null || resolved < 10 ? 'not_enough_data' : Math.abs(hitRate - 0.85) <= 0.1 ? 'calibrated' : hitRate < 0.85 ? 'overconfident' : 'underconfident';
  return { entries, resolved, within85, hitRate, verdict };
}
