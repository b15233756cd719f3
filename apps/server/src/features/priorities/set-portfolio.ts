import { findPrioritySettings, savePrioritySettings, type PrioritySettingsRow } from '@tandem/db';
import { DEFAULT_CATEGORY_LABELS, type TCategoryLabels, type TPortfolioSettings, type TPutPortfolioRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { recordPrioritiesAudit } from './audit';

/** The organisation's names for the three categories, or the defaults (decision 147). */
export function categoryLabelsOf(s: PrioritySettingsRow | null): TCategoryLabels {
  return s?.categoryLabels ? { ...s.categoryLabels } : { ...DEFAULT_CATEGORY_LABELS };
}

export function toSettings(s: PrioritySettingsRow): TPortfolioSettings {
  return {
    capacity: s.capacity,
    targetMix: { run: s.targetRun, grow: s.targetGrow, transform: s.targetTransform },
    disagreementThreshold: s.disagreementThreshold,
    disagreementTopN: s.disagreementTopN,
    categoryLabels: categoryLabelsOf(s),
  };
}

/** Capacity (effort units per period), the target mix and the queue rule of the organisation. */
export async function setPortfolio(ctx: AppContext, auth: OrgAuth, input: TPutPortfolioRequest): Promise<TPortfolioSettings> {
  return ctx.db.transaction(async (tx) => {
    const before = await findPrioritySettings(tx, auth.orgId);
    const row = await savePrioritySettings(tx, {
      orgId: auth.orgId,
      capacity: input.capacity,
      targetRun: input.targetMix.run,
      targetGrow: input.targetMix.grow,
      targetTransform: input.targetMix.transform,
      disagreementThreshold: input.disagreementThreshold === undefined ? (before?.disagreementThreshold ?? null) : input.disagreementThreshold,
      disagreementTopN: input.disagreementTopN ?? before?.disagreementTopN ?? 3,
      categoryLabels: input.categoryLabels === undefined ? (before?.categoryLabels ?? null) : input.categoryLabels,
      updatedAt: ctx.now(),
    });
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.portfolio_set', null, {
      capacity: input.capacity,
      targetMix: input.targetMix,
      ...(input.categoryLabels === undefined ? {} : { categoryLabels: input.categoryLabels }),
    });
    return toSettings(row);
  });
}

export async function getPortfolioSettings(ctx: AppContext, auth: OrgAuth): Promise<{ settings: TPortfolioSettings | null }> {
  const s = await findPrioritySettings(ctx.db, auth.orgId);
  return { settings: s ? toSettings(s) : null };
}
