import type { RequestLadderRungRow, RequestRow, RequestTransitionRow } from '@tandem/db';
import type { TLadderRungItem, TRequest, TRequestDetail } from '@tandem/contracts';
import { wholeDays, type StatusCategory } from '@tandem/core';

const RUNG_ORDER = { now: 0, next_week: 1, next_month: 2, next_year: 3 } as const;

export function toRequest(r: RequestRow, initiativeIds: string[], goalIds: string[]): TRequest {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    requesterId: r.requesterId,
    side: r.side,
    department: r.department,
    type: r.type,
    valueText: r.valueText,
    valueAmount: r.valueAmount,
    urgency: r.urgency,
    desiredDate: r.desiredDate,
    status: r.status,
    statusCategory: categoryOf(r),
    createdAt: r.createdOn,
    startedAt: r.startedOn,
    doneAt: r.doneOn,
    itInvolvedAt: r.itInvolvedOn,
    initiativeIds,
    goalIds,
    leadTimeDays: r.doneOn ? wholeDays(r.createdOn, r.doneOn) : null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toRungs(rows: RequestLadderRungRow[]): TLadderRungItem[] {
  return rows.map((r) => ({ rung: r.rung, deliverable: r.deliverable, date: r.dueDate, done: r.done })).sort((a, b) => RUNG_ORDER[a.rung] - RUNG_ORDER[b.rung]);
}

export function toTransitions(rows: RequestTransitionRow[]): TRequestDetail['transitions'] {
  return rows.map((t) => ({ from: t.fromStatus ?? null, to: t.toStatus, at: t.at.toISOString(), reason: t.reason, actorUserId: t.actorUserId }));
}

/** The category of a request's status; rows from before the configurable flow hold a default-flow key, which is its own category. */
export function categoryOf(r: Pick<RequestRow, 'status' | 'statusCategory'>): StatusCategory {
  return (r.statusCategory ?? r.status) as StatusCategory;
}
