import {
  countRequests,
  deleteRequest,
  findRequest,
  insertRequests,
  insertTransitions,
  linksOfRequests,
  listRequestLadder,
  listRequests,
  listTransitions,
  replaceRequestLadder,
  replaceRequestLinks,
  updateRequest,
  type Executor,
  type NewRequest,
  type RequestRow,
} from '@tandem/db';
import {
  ZCreateRequestRequest,
  ZPageQuery,
  ZPutLadderRequest,
  ZRequestFilter,
  ZRequestListQuery,
  ZUpdateRequestRequest,
  type TCreateRequestRequest,
  type TPutLadderRequest,
  type TRequest,
  type TRequestDetail,
  type TRequestLadder,
  type TRequestList,
  type TRequestListQuery,
  type TRequestStatus,
  type TRequestTransitionList,
  type TUpdateRequestRequest,
} from '@tandem/contracts';
import { DEFAULT_FLOW, checkTransition, findStatus, initialStatus, stampsOnMove, statusOfCategory, type FlowDefinition, type FlowStatus, type StatusCategory } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { checkIds, checkPeople } from '../strategy';
import { appLink, emitEvent } from '../integrations';
import { recordRequestsAudit } from './audit';
import { badField, checkOrder, isCursorDay, isCursorInstant, isUuid, startOfDay, today } from './dates';
import { flowOf } from './get-request-flow';
import { categoryOf, toRequest, toRungs, toTransitions } from './requests.mapper';

const ADMIN = new Set(['admin', 'owner']);

/** Loading history (past dates, a status other than new) is for admins only. */
function requireAdminForHistory(auth: OrgAuth, fields: string[]): void {
  if (fields.length && !ADMIN.has(auth.role)) {
    throw new AppError('forbidden', `Only admins may set ${fields.join(', ')} (loading history); file the request without them`);
  }
}

/** A status as people read it: its label in the organisation's flow (the key when the flow no longer has it). */
function labelOf(flow: FlowDefinition, key: string): string {
  return findStatus(flow, key)?.label ?? key;
}

function checkNotFuture(day: string, field: string, now: string): void {
  if (day > now) throw badField(`body.${field}`, `${day} is in the future (today is ${now})`);
}

/** The dates of a request must follow each other: created ≤ started ≤ done, none in the future. */
export function checkRequestDates(r: { createdOn: string; startedOn: string | null; doneOn: string | null }, now: string): void {
  checkNotFuture(r.createdOn, 'createdAt', now);
  if (r.startedOn) checkNotFuture(r.startedOn, 'startedAt', now);
  if (r.doneOn) checkNotFuture(r.doneOn, 'doneAt', now);
  checkOrder('createdAt', r.createdOn, 'doneAt', r.doneOn);
  checkOrder('createdAt', r.createdOn, 'startedAt', r.startedOn);
  checkOrder('startedAt', r.startedOn, 'doneAt', r.doneOn);
}

/**
 * The status implied by loaded dates when none is given: the flow's first status of category done
 * when there is a done day, of category in progress when there is a start day, else the initial one.
 */
export function impliedStatus(status: TRequestStatus | undefined, startedOn: string | null, doneOn: string | null, flow: FlowDefinition = DEFAULT_FLOW): FlowStatus | undefined {
  if (status !== undefined) return findStatus(flow, status);
  if (doneOn) return statusOfCategory(flow, 'done');
  return (startedOn ? statusOfCategory(flow, 'in_progress') : undefined) ?? initialStatus(flow);
}

/**
 * The transitions of a request loaded from history (not checked against the flow's moves: they
 * happened elsewhere): created in the initial status, started in an in-progress status, then done
 * or its loaded status, each at its day.
 */
export function historyTransitions(row: RequestRow, actorUserId: string, at: Date, flow: FlowDefinition = DEFAULT_FLOW) {
  const start = initialStatus(flow).key;
  const category = categoryOf(row);
  const out: { requestId: string; fromStatus: string | null; toStatus: string; reason: string | null; actorUserId: string; at: Date }[] = [
    { requestId: row.id, fromStatus: null, toStatus: start, reason: null, actorUserId, at: row.createdOn === at.toISOString().slice(0, 10) ? at : startOfDay(row.createdOn) },
  ];
  let from = start;
  const startedKey = category === 'in_progress' ? row.status : statusOfCategory(flow, 'in_progress')?.key;
  if (row.startedOn && startedKey && startedKey !== from) {
    out.push({ requestId: row.id, fromStatus: from, toStatus: startedKey, reason: null, actorUserId, at: startOfDay(row.startedOn) });
    from = startedKey;
  }
  if (row.doneOn && category === 'done') out.push({ requestId: row.id, fromStatus: from, toStatus: row.status, reason: null, actorUserId, at: startOfDay(row.doneOn) });
  else if (row.status !== from) out.push({ requestId: row.id, fromStatus: from, toStatus: row.status, reason: null, actorUserId, at });
  // Transitions loaded on the same day keep their order: one millisecond apart.
  return out.map((t, i) => ({ ...t, at: new Date(t.at.getTime() + i) }));
}

async function view(x: Executor, orgId: string, row: RequestRow): Promise<TRequest> {
  const links = await linksOfRequests(x, orgId, [row.id]);
  return toRequest(
    row,
    links.initiatives.map((l) => l.id),
    links.goals.map((l) => l.id),
  );
}

export async function createRequest(ctx: AppContext, auth: OrgAuth, input: TCreateRequestRequest): Promise<{ id: string }> {
  const v = ZCreateRequestRequest.parse(input);
  const flow = await flowOf(ctx.db, auth.orgId);
  const initial = initialStatus(flow);
  requireAdminForHistory(
    auth,
    (['createdAt', 'startedAt', 'doneAt', 'status'] as const).filter((k) => v[k] !== undefined && v[k] !== null && !(k === 'status' && v.status === initial.key)),
  );
  const now = today(ctx);
  const createdOn = v.createdAt ?? now;
  const startedOn = v.startedAt ?? null;
  const given = v.status === undefined ? undefined : findStatus(flow, v.status);
  if (v.status !== undefined && !given) throw badField('body.status', `"${v.status}" is not a status of this organisation's flow (${flow.statuses.map((s) => s.key).join(', ')})`);
  const doneOn = v.doneAt ?? (given?.category === 'done' ? now : null);
  checkRequestDates({ createdOn, startedOn, doneOn }, now);
  const target = impliedStatus(v.status, startedOn, doneOn, flow);
  if (!target) throw badField('body.doneAt', 'the flow has no status of category done for a request with a done date');
  if (doneOn && target.category !== 'done') throw badField('body.doneAt', `a request with a done date must be in a done status, not ${target.key}`);
  const status = target.key;
  return ctx.db.transaction(async (tx) => {
    await checkPeople(tx, auth.orgId, { requesterId: v.requesterId });
    await checkIds(tx, auth.orgId, 'initiative', 'initiativeIds', v.initiativeIds ?? []);
    await checkIds(tx, auth.orgId, 'goal', 'goalIds', v.goalIds ?? []);
    const at = ctx.now();
    const row: NewRequest = {
      title: v.title,
      description: v.description ?? '',
      requesterId: v.requesterId ?? null,
      side: v.side ?? (v.type === 'it_need' ? 'it' : 'business'),
      department: v.department ?? null,
      type: v.type ?? 'feature',
      valueText: v.valueText ?? null,
      valueAmount: v.valueAmount ?? null,
      urgency: v.urgency ?? 'normal',
      desiredDate: v.desiredDate ?? null,
      status,
      statusCategory: target.category,
      createdOn,
      startedOn,
      doneOn,
      itInvolvedOn: v.itInvolvedAt ?? (v.side === 'it' || v.type === 'it_need' ? createdOn : null),
      createdAt: at,
      updatedAt: at,
    };
    const [inserted] = await insertRequests(tx, auth.orgId, [row]);
    await replaceRequestLinks(tx, auth.orgId, inserted!.id, v.initiativeIds ?? [], v.goalIds ?? []);
    await insertTransitions(tx, auth.orgId, historyTransitions(inserted!, auth.userId, at, flow));
    await recordRequestsAudit(ctx, tx, auth, 'request.created', inserted!.id, { status });
    return { id: inserted!.id };
  });
}

/** Requests newest first, one page at a time (keyset on created day, time of filing and id), filtered by status, category, side, type. */
export async function listOrgRequests(ctx: AppContext, auth: OrgAuth, query: TRequestListQuery): Promise<TRequestList> {
  const q = ZRequestListQuery.parse(query);
  const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string', 'string']) : undefined;
  const after = key ? { createdOn: String(key[0]), createdAt: String(key[1]), id: String(key[2]) } : undefined;
  if (after && !(isCursorDay(after.createdOn) && isCursorInstant(after.createdAt) && isUuid(after.id))) {
    throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  }
  const fetched = await listRequests(ctx.db, auth.orgId, q, q.limit, after);
  const rows = fetched.slice(0, q.limit);
  const links = await linksOfRequests(ctx.db, auth.orgId, rows.map((r) => r.id));
  const group = (list: { requestId: string; id: string }[]) => {
    const m = new Map<string, string[]>();
    for (const l of list) m.set(l.requestId, [...(m.get(l.requestId) ?? []), l.id]);
    return m;
  };
  const ini = group(links.initiatives);
  const gl = group(links.goals);
  return pageOf(fetched, q.limit, (r) => [r.createdOn, r.createdAt.toISOString(), r.id], (r) => toRequest(r, ini.get(r.id) ?? [], gl.get(r.id) ?? []));
}

/** How many requests match the list's filters (the list is paged and carries no total). */
export async function countOrgRequests(ctx: AppContext, auth: OrgAuth, query: unknown): Promise<{ count: number }> {
  return { count: await countRequests(ctx.db, auth.orgId, ZRequestFilter.parse(query)) };
}

/** The transitions of a request, oldest first, paged. */
export async function listRequestTransitions(ctx: AppContext, auth: OrgAuth, id: string, query: unknown): Promise<TRequestTransitionList> {
  const q = ZPageQuery.parse(query);
  if (!(await findRequest(ctx.db, auth.orgId, id))) throw notFound('Request');
  const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : undefined;
  if (key && (!isCursorInstant(String(key[0])) || !isUuid(String(key[1])))) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  const rows = await listTransitions(ctx.db, auth.orgId, id, q.limit + 1, key ? { at: String(key[0]), id: String(key[1]) } : undefined);
  return pageOf(rows, q.limit, (t) => [t.at.toISOString(), t.id], (t) => toTransitions([t])[0]!);
}

export async function getRequest(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRequestDetail> {
  const row = await findRequest(ctx.db, auth.orgId, id);
  if (!row) throw notFound('Request');
  const [base, transitions, ladder] = await Promise.all([view(ctx.db, auth.orgId, row), listTransitions(ctx.db, auth.orgId, id), listRequestLadder(ctx.db, auth.orgId, id)]);
  return { ...base, transitions: toTransitions(transitions), ladder: toRungs(ladder) };
}

/**
 * Edits a request. A status change is a transition (timestamped, with who and why): moving to
 * in_progress stamps the start day, to done the done day, back out of done clears it; the first
 * move out of `new` records the day IT got involved when it was not known yet.
 */
export async function updateOrgRequest(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateRequestRequest): Promise<TRequestDetail> {
  const v = ZUpdateRequestRequest.parse(input);
  requireAdminForHistory(
    auth,
    (['createdAt', 'startedAt', 'doneAt'] as const).filter((k) => v[k] !== undefined),
  );
  const now = today(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await findRequest(tx, auth.orgId, id);
    if (!before) throw notFound('Request');
    const flow = await flowOf(tx, auth.orgId);
    const status = v.status ?? before.status;
    const fromCategory = categoryOf(before);
    let toCategory: StatusCategory = fromCategory;
    if (status !== before.status) {
      const check = checkTransition(flow, before.status, status);
      if (!check.ok) throw badField('body.status', check.reason);
      toCategory = check.to.category;
    }
    await checkPeople(tx, auth.orgId, { requesterId: v.requesterId });
    if (v.initiativeIds) await checkIds(tx, auth.orgId, 'initiative', 'initiativeIds', v.initiativeIds);
    if (v.goalIds) await checkIds(tx, auth.orgId, 'goal', 'goalIds', v.goalIds);
    const given = {
      startedOn: v.startedAt !== undefined ? v.startedAt : before.startedOn,
      doneOn: v.doneAt !== undefined ? v.doneAt : before.doneOn,
      itInvolvedOn: v.itInvolvedAt !== undefined ? v.itInvolvedAt : before.itInvolvedOn,
    };
    const stamped = status !== before.status ? stampsOnMove(fromCategory, toCategory, now, given) : given;
    const { startedOn, itInvolvedOn } = stamped;
    let doneOn = v.doneAt !== undefined ? v.doneAt : stamped.doneOn;
    if (toCategory !== 'done' && v.doneAt === undefined) doneOn = null;
    if (toCategory !== 'done' && doneOn) throw badField('body.doneAt', `a request with a done date must be in a done status, not ${status}`);
    const createdOn = v.createdAt ?? before.createdOn;
    checkRequestDates({ createdOn, startedOn, doneOn }, now);
    const at = ctx.now();
    const { reason, initiativeIds, goalIds, createdAt: _c, startedAt: _s, doneAt: _d, itInvolvedAt: _i, ...plain } = v;
    const after = await updateRequest(tx, auth.orgId, id, { ...plain, status, statusCategory: toCategory, createdOn, startedOn, doneOn, itInvolvedOn, updatedAt: at });
    await replaceRequestLinks(tx, auth.orgId, id, initiativeIds, goalIds);
    if (status !== before.status) {
      await insertTransitions(tx, auth.orgId, [{ requestId: id, fromStatus: before.status, toStatus: status, reason: reason ?? null, actorUserId: auth.userId, at }]);
      await emitEvent(ctx, tx, auth.orgId, 'request.status_changed', {
        summary: `Request “${after!.title}” moved from “${labelOf(flow, before.status)}” to “${labelOf(flow, status)}”${reason ? `: ${reason}` : ''}`,
        requestId: id,
        title: after!.title,
        from: before.status,
        to: status,
        fromLabel: labelOf(flow, before.status),
        toLabel: labelOf(flow, status),
        category: toCategory,
        reason: reason ?? null,
        url: appLink(ctx, `/requests/${id}`),
      });
    }
    await recordRequestsAudit(ctx, tx, auth, 'request.updated', id, { fields: Object.keys(v), ...(status !== before.status ? { from: before.status, to: status } : {}) });
    return after;
  });
  return getRequest(ctx, auth, id);
}

export async function deleteOrgRequest(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findRequest(tx, auth.orgId, id);
    if (!row) throw notFound('Request');
    await deleteRequest(tx, auth.orgId, id);
    await recordRequestsAudit(ctx, tx, auth, 'request.deleted', id, { title: row.title });
  });
}

export async function getRequestLadder(ctx: AppContext, auth: OrgAuth, requestId: string): Promise<TRequestLadder> {
  if (!(await findRequest(ctx.db, auth.orgId, requestId))) throw notFound('Request');
  return { requestId, rungs: toRungs(await listRequestLadder(ctx.db, auth.orgId, requestId)) };
}

/** Replaces the request's delivery ladder: one deliverable with a date per rung (now, next week, next month, next year). */
export async function setRequestLadder(ctx: AppContext, auth: OrgAuth, requestId: string, input: TPutLadderRequest): Promise<TRequestLadder> {
  const v = ZPutLadderRequest.parse(input);
  const seen = new Set<string>();
  for (const r of v.rungs) {
    if (seen.has(r.rung)) throw new AppError('validation', `rungs: "${r.rung}" appears twice; one deliverable per rung`, [{ path: 'body.rungs', message: 'duplicate rung' }]);
    seen.add(r.rung);
  }
  return ctx.db.transaction(async (tx) => {
    if (!(await findRequest(tx, auth.orgId, requestId))) throw notFound('Request');
    const rows = await replaceRequestLadder(
      tx,
      auth.orgId,
      requestId,
      v.rungs.map((r) => ({ rung: r.rung, deliverable: r.deliverable, dueDate: r.date, done: r.done })),
    );
    await updateRequest(tx, auth.orgId, requestId, { updatedAt: ctx.now() });
    await recordRequestsAudit(ctx, tx, auth, 'request.ladder_set', requestId, { rungs: v.rungs.length });
    return { requestId, rungs: toRungs(rows) };
  });
}
