import {
  deferredNeedFigures,
  deleteDeferredNeed,
  findDeferredNeed,
  insertDeferredNeedEvents,
  insertDeferredNeeds,
  listDeferredNeedEvents,
  listDeferredNeeds,
  updateDeferredNeed,
  type DeferredNeedRow,
} from '@tandem/db';
import {
  ZCreateDeferredNeedRequest,
  ZPageQuery,
  ZDeferralRequest,
  ZUpdateDeferredNeedRequest,
  type TCreateDeferredNeedRequest,
  type TDeferralRequest,
  type TDeferredNeed,
  type TDeferredNeedLedger,
  type TUpdateDeferredNeedRequest,
} from '@tandem/contracts';
import { exposure, yearsDeferred } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { checkPeople } from '../strategy';
import { recordRequestsAudit } from './audit';
import { badField, isCursorDay, isCursorInstant, isUuid, today } from './dates';

/** The totals read at most this many deferred needs. */
export const MAX_LEDGER_NEEDS = 10_000;

/** A need on the ledger on `asOf`: exposure = (1 − (1 − p)^t) × impact with t = days deferred / 365.25. */
export function toNeed(r: DeferredNeedRow, asOf: string): TDeferredNeed {
  const t = r.deferredOn ? yearsDeferred(r.deferredOn, asOf) : 0;
  const e = r.deferredOn ? exposure(r.annualFailureProbability, t, r.impact) : 0;
  return {
    id: r.id,
    title: r.title,
    reason: r.reason,
    deferredById: r.deferredById,
    services: r.services,
    costNow: r.costNow,
    annualFailureProbability: r.annualFailureProbability,
    impact: r.impact,
    deferred: r.deferredOn !== null,
    deferredAt: r.deferredOn,
    yearsDeferred: t,
    exposure: e,
    exposureInOneYear: r.deferredOn ? exposure(r.annualFailureProbability, t + 1, r.impact) : 0,
    exceedsCost: e > r.costNow,
  };
}

export async function createDeferredNeed(ctx: AppContext, auth: OrgAuth, input: TCreateDeferredNeedRequest): Promise<TDeferredNeed> {
  const v = ZCreateDeferredNeedRequest.parse(input);
  const now = today(ctx);
  if (v.deferredAt > now) throw badField('body.deferredAt', `${v.deferredAt} is in the future (today is ${now})`);
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, auth.orgId, { deferredById: v.deferredById });
    const at = ctx.now();
    const [row] = await insertDeferredNeeds(tx, auth.orgId, [
      { title: v.title, reason: v.reason ?? '', deferredById: v.deferredById ?? null, costNow: v.costNow, annualFailureProbability: v.annualFailureProbability, impact: v.impact, services: v.services ?? '', deferredOn: v.deferredAt, createdAt: at, updatedAt: at },
    ]);
    await insertDeferredNeedEvents(tx, auth.orgId, [{ needId: row!.id, action: 'deferred', onDay: v.deferredAt, reason: v.reason ?? '', byPersonId: v.deferredById ?? null, actorUserId: auth.userId, at }]);
    await recordRequestsAudit(ctx, tx, auth, 'deferred_need.created', row!.id, { title: v.title });
    return toNeed(row!, now);
  });
}

export async function updateOrgDeferredNeed(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateDeferredNeedRequest): Promise<TDeferredNeed> {
  const v = ZUpdateDeferredNeedRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    if (!(await findDeferredNeed(tx, auth.orgId, id))) throw notFound('Deferred need');
    await checkPeople(tx, auth.orgId, { deferredById: v.deferredById });
    const row = await updateDeferredNeed(tx, auth.orgId, id, { ...v, updatedAt: ctx.now() });
    await recordRequestsAudit(ctx, tx, auth, 'deferred_need.updated', id, { fields: Object.keys(v) });
    return toNeed(row!, today(ctx));
  });
}

/** Defer (again) from a day, with a reason and by whom, or stop deferring; both kept in the history. */
export async function setDeferral(ctx: AppContext, auth: OrgAuth, id: string, input: TDeferralRequest): Promise<TDeferredNeed> {
  const v = ZDeferralRequest.parse(input);
  const now = today(ctx);
  const on = v.on ?? now;
  if (on > now) throw badField('body.on', `${on} is in the future (today is ${now})`);
  return ctx.db.transaction(async (tx) => {
    const before = await findDeferredNeed(tx, auth.orgId, id);
    if (!before) throw notFound('Deferred need');
    if (v.deferred === (before.deferredOn !== null)) throw new AppError('conflict', v.deferred ? 'This need is already deferred' : 'This need is not deferred');
    if (v.deferred) await checkPeople(tx, auth.orgId, { byPersonId: v.byPersonId });
    const at = ctx.now();
    const row = await updateDeferredNeed(tx, auth.orgId, id, {
      deferredOn: v.deferred ? on : null,
      ...(v.deferred ? { reason: v.reason, deferredById: v.byPersonId } : {}),
      updatedAt: at,
    });
    await insertDeferredNeedEvents(tx, auth.orgId, [{ needId: id, action: v.deferred ? 'deferred' : 'undeferred', onDay: on, reason: v.reason, byPersonId: v.byPersonId, actorUserId: auth.userId, at }]);
    await recordRequestsAudit(ctx, tx, auth, v.deferred ? 'deferred_need.deferred' : 'deferred_need.undeferred', id);
    return toNeed(row!, now);
  });
}

export async function deleteOrgDeferredNeed(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findDeferredNeed(tx, auth.orgId, id);
    if (!row) throw notFound('Deferred need');
    await deleteDeferredNeed(tx, auth.orgId, id);
    await recordRequestsAudit(ctx, tx, auth, 'deferred_need.deleted', id, { title: row.title });
  });
}

const badCursor = () => new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');

/**
 * The ledger on `asOf` (default today): one page of needs, longest deferred first (the ones no
 * longer deferred last, with `all`), and totals over every need deferred now: exposure, cost of
 * doing them now, and how many have an exposure past their cost.
 */
export async function ledger(ctx: AppContext, auth: OrgAuth, asOf: string | undefined, all: boolean, page: { limit?: number; cursor?: string } = {}): Promise<TDeferredNeedLedger> {
  const p = ZPageQuery.parse(page);
  const day = asOf ?? today(ctx);
  const key = p.cursor ? decodeCursor(p.cursor, ['string', 'string', 'string']) : undefined;
  if (key && !(isCursorDay(String(key[0])) && isUuid(String(key[2])))) throw badCursor();
  const after = key ? { sort: String(key[0]), title: String(key[1]), id: String(key[2]) } : undefined;
  const [rows, figures] = await Promise.all([listDeferredNeeds(ctx.db, auth.orgId, all, p.limit + 1, after), deferredNeedFigures(ctx.db, auth.orgId)]);
  let totalExposure = 0;
  let totalCostNow = 0;
  let exceedingCount = 0;
  for (const f of figures.slice(0, MAX_LEDGER_NEEDS)) {
    const e = exposure(f.annualFailureProbability, yearsDeferred(f.deferredOn!, day), f.impact);
    totalExposure += e;
    totalCostNow += f.costNow;
    if (e > f.costNow) exceedingCount++;
  }
  const { items, nextCursor } = pageOf(rows, p.limit, (r) => [r.sort, r.title, r.id], (r) => toNeed(r, day));
  return { asOf: day, items, nextCursor, totalExposure, totalCostNow, exceedingCount };
}

/** Deferrals and un-deferrals of a need, oldest first, paged. */
export async function needHistory(ctx: AppContext, auth: OrgAuth, id: string, query: unknown = {}) {
  const q = ZPageQuery.parse(query);
  if (!(await findDeferredNeed(ctx.db, auth.orgId, id))) throw notFound('Deferred need');
  const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  if (key && (!isCursorInstant(String(key[0])) || !isUuid(String(key[1])))) throw badCursor();
  const rows = await listDeferredNeedEvents(ctx.db, auth.orgId, id, q.limit + 1, key ? { at: String(key[0]), id: String(key[1]) } : undefined);
  return pageOf(rows, q.limit, (e) => [e.at.toISOString(), e.id], (e) => ({ action: e.action, on: e.onDay, reason: e.reason, byPersonId: e.byPersonId, actorUserId: e.actorUserId, at: e.at.toISOString() }));
}
