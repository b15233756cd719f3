import {
  findInsight,
  findRoundtable,
  insertAction,
  insertInsight,
  insertRoundtable,
  insertRoundtableInvitees,
  listActions,
  listInsights,
  listRoundtableInvitees,
  listRoundtables,
  setActionDone,
  setRoundtableAttendance,
  updateRoundtable,
} from '@tandem/db';
import type { TActionRequest, TCreateRoundtableRequest, TPageQuery, TRoundtable, TRoundtableList, TUpdateRoundtableRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { badField, checkCursorKey, checkLink, checkPeopleIds } from './acting-person';
import { recordEventsAudit } from './audit';

export async function createRoundtable(ctx: AppContext, auth: OrgAuth, v: TCreateRoundtableRequest): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    await checkPeopleIds(tx, auth.orgId, 'inviteePersonIds', v.inviteePersonIds);
    const rt = await insertRoundtable(tx, auth.orgId, { title: v.title, date: v.date, questions: v.questions, notes: v.notes ?? '', createdAt: ctx.now() });
    await insertRoundtableInvitees(
      tx,
      auth.orgId,
      [...new Set(v.inviteePersonIds)].map((personId) => ({ roundtableId: rt.id, personId, attended: false })),
    );
    await recordEventsAudit(ctx, tx, auth, 'roundtable.created', rt.id);
    return { id: rt.id };
  });
}

export async function listOrgRoundtables(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<TRoundtableList> {
  const after = q.cursor ? checkCursorKey(decodeCursor(q.cursor, ['string', 'string']) as [string, string], 'day') : undefined;
  const rows = await listRoundtables(ctx.db, auth.orgId, q.limit + 1, after);
  return pageOf(
    rows,
    q.limit,
    (r) => [r.date, r.id],
    (r) => ({ id: r.id, title: r.title, date: r.date }),
  );
}

/** The round-table's page: who came, the questions and notes, and what came of each insight. */
export async function getRoundtable(ctx: AppContext, auth: OrgAuth, id: string): Promise<TRoundtable> {
  const rt = await findRoundtable(ctx.db, auth.orgId, id);
  if (!rt) throw notFound('Round-table');
  const [invitees, insights, actions] = await Promise.all([listRoundtableInvitees(ctx.db, auth.orgId, id), listInsights(ctx.db, auth.orgId, id), listActions(ctx.db, auth.orgId, id)]);
  const byInsight = new Map(actions.map((a) => [a.insightId, a]));
  return {
    id: rt.id,
    title: rt.title,
    date: rt.date,
    questions: rt.questions,
    notes: rt.notes,
    invitees,
    insights: insights.map((i) => {
      const a = byInsight.get(i.id);
      return {
        id: i.id,
        text: i.text,
        action: a
          ? { ownerId: a.ownerId, dueDate: a.dueDate, link: a.linkType && a.linkId ? { type: a.linkType, id: a.linkId } : null, done: a.doneAt !== null, doneAt: a.doneAt?.toISOString() ?? null }
          : null,
      };
    }),
    actions: { total: actions.length, done: actions.filter((a) => a.doneAt !== null).length },
  };
}

/** Title, questions and notes after the meeting (notes are often written up later); the page is returned as it now reads. */
export async function editRoundtable(ctx: AppContext, auth: OrgAuth, id: string, v: TUpdateRoundtableRequest): Promise<TRoundtable> {
  await ctx.db.transaction(async (tx) => {
    const rt = await findRoundtable(tx, auth.orgId, id);
    if (!rt) throw notFound('Round-table');
    await updateRoundtable(tx, auth.orgId, id, { ...(v.title !== undefined ? { title: v.title } : {}), ...(v.questions !== undefined ? { questions: v.questions } : {}), ...(v.notes !== undefined ? { notes: v.notes } : {}) });
    await recordEventsAudit(ctx, tx, auth, 'roundtable.updated', id, { fields: Object.keys(v) });
  });
  return getRoundtable(ctx, auth, id);
}

export async function recordAttendance(ctx: AppContext, auth: OrgAuth, id: string, personId: string, attended: boolean): Promise<{ ok: true }> {
  const rt = await findRoundtable(ctx.db, auth.orgId, id);
  if (!rt) throw notFound('Round-table');
  if (!(await setRoundtableAttendance(ctx.db, auth.orgId, id, personId, attended))) throw badField('personId', 'is not invited to this round-table');
  return { ok: true as const };
}

export async function addInsight(ctx: AppContext, auth: OrgAuth, id: string, text: string): Promise<{ id: string }> {
  const rt = await findRoundtable(ctx.db, auth.orgId, id);
  if (!rt) throw notFound('Round-table');
  const row = await insertInsight(ctx.db, auth.orgId, { roundtableId: id, text, createdAt: ctx.now() });
  return { id: row.id };
}

/** Turns an insight into an action with an owner, a due date and an optional link (same organisation). */
export async function createAction(ctx: AppContext, auth: OrgAuth, id: string, insightId: string, v: TActionRequest): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const insight = await findInsight(tx, auth.orgId, id, insightId);
    if (!insight) throw notFound('Insight');
    await checkPeopleIds(tx, auth.orgId, 'ownerId', [v.ownerId]);
    if (v.link) await checkLink(tx, auth.orgId, 'link', v.link.type, v.link.id);
    const ok = await insertAction(tx, auth.orgId, { insightId, roundtableId: id, ownerId: v.ownerId, dueDate: v.dueDate, linkType: v.link?.type ?? null, linkId: v.link?.id ?? null, createdAt: ctx.now() });
    if (!ok) throw new AppError('conflict', 'This insight already has an action');
    await recordEventsAudit(ctx, tx, auth, 'roundtable.action_created', insightId, { ownerId: v.ownerId, dueDate: v.dueDate });
    return { ok: true as const };
  });
}

export async function markActionDone(ctx: AppContext, auth: OrgAuth, id: string, insightId: string, done: boolean): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    if (!(await setActionDone(tx, auth.orgId, id, insightId, done ? ctx.now() : null))) throw notFound('Action');
    await recordEventsAudit(ctx, tx, auth, 'roundtable.action_done', insightId, { done });
    return { ok: true as const };
  });
}
