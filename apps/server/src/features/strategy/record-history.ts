import { insertAudit, insertHistory, type Executor, type StrategyItemType } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';

/** The fields whose every change is kept: dates, status and owners. Slips are data. */
export const TRACKED: Record<StrategyItemType, readonly string[]> = {
  goal: ['dueDate', 'ownerId'],
  initiative: ['startDate', 'endDate', 'status', 'ownerId', 'businessChampionId', 'itChampionId', 'itInvolvedAt'],
  enabler: ['startDate', 'endDate', 'status', 'ownerId'],
};

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Appends one history row per tracked field that changed between `before` (null on creation) and
 * `after`, inside the caller's transaction.
 */
export async function recordChanges(
  ctx: AppContext,
  x: Executor,
  auth: OrgAuth,
  itemType: StrategyItemType,
  itemId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  extra: { field: string; from: string | null; to: string | null }[] = [],
): Promise<void> {
  const at = ctx.now();
  const rows = TRACKED[itemType]
    .map((field) => ({ field, from: str(before?.[field]), to: str(after[field]) }))
    .concat(extra)
    .filter((c) => c.from !== c.to)
    .map((c) => ({ itemType, itemId, field: c.field, fromValue: c.from, toValue: c.to, actorUserId: auth.userId, at }));
  await insertHistory(x, auth.orgId, rows);
}

export type StrategyAuditAction =
  | 'goal.created'
  | 'goal.updated'
  | 'goal.deleted'
  | 'initiative.created'
  | 'initiative.updated'
  | 'initiative.deleted'
  | 'initiative.ladder_set'
  | 'enabler.created'
  | 'enabler.updated'
  | 'enabler.deleted'
  | 'swot.created'
  | 'swot.updated'
  | 'swot.deleted'
  | 'strategy.imported'
  | 'strategy.exported'
  | 'strategy.settings_changed';

/**
 * Appends one audit entry inside the caller's transaction. Written through @tandem/db rather than
 * the org feature's recordAudit, because a feature reaches another only through its index.ts
 * and org has none yet (docs/decisions/010-strategy-model.md).
 */
export function recordStrategyAudit(ctx: AppContext, x: Executor, auth: OrgAuth, action: StrategyAuditAction, target?: string | null, details?: Record<string, unknown>) {
  return insertAudit(x, { orgId: auth.orgId, actorUserId: auth.userId, action, target: target ?? null, details: details ?? null, at: ctx.now() });
}
