import { actualMix, cutLine, movesInIfDropped, type Mix } from '@tandem/core';
import { findPrioritySettings, findRound, type Executor, type PrioritySettingsRow, type RoundItemView, type RoundRow } from '@tandem/db';
import type { TPortfolio } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { computeRoundResults } from './compute-results';
import { categoryLabelsOf } from './set-portfolio';

/** The round (closed) and the organisation's settings, or the reason the portfolio cannot be shown. */
export async function portfolioInputs(x: Executor, orgId: string, roundId: string): Promise<{ round: RoundRow; settings: PrioritySettingsRow }> {
  const round = await findRound(x, orgId, roundId);
  if (!round) throw notFound('Round');
  if (round.status !== 'closed') throw new AppError('conflict', 'The portfolio uses the combined ranking, which exists once the round is closed');
  const settings = await findPrioritySettings(x, orgId);
  if (!settings) throw new AppError('conflict', 'Set the capacity and the target mix first (PUT /api/v1/priorities/portfolio)');
  return { round, settings };
}

export function targetOf(s: PrioritySettingsRow): Mix {
  return { run: s.targetRun, grow: s.targetGrow, transform: s.targetTransform };
}

/** Cut line, mix and split of one ordering of a round's items. */
export function balance(order: string[], items: RoundItemView[], s: PrioritySettingsRow) {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const effort = (id: string) => {
    const e = byId.get(id)?.effort;
    return e === null || e === undefined ? null : Number(e);
  };
  const cut = cutLine(order, effort, s.capacity);
  const target = targetOf(s);
  const inItems = cut.in.map((id) => ({ effort: effort(id), category: byId.get(id)!.category }));
  const mix = actualMix(inItems, target.run + target.grow + target.transform);
  let business = 0;
  let it = 0;
  for (const id of cut.in) {
    if (byId.get(id)!.type === 'initiative') business += effort(id) ?? 0;
    else it += effort(id) ?? 0;
  }
  const total = business + it;
  return { cut, mix, target, split: { business: total > 0 ? business / total : 0, it: total > 0 ? it / total : 0 }, effort };
}

/**
 * The portfolio of a closed round: the combined ranking cut at capacity (walking from the top,
 * items are in while the cumulative effort fits; the first that does not and all after are out),
 * the actual mix of the in-effort against the target, and what moves in if `drop` were dropped.
 */
export async function getPortfolio(ctx: AppContext, auth: OrgAuth, roundId: string, drop?: string): Promise<TPortfolio> {
  const { round, settings } = await portfolioInputs(ctx.db, auth.orgId, roundId);
  const r = await computeRoundResults(ctx.db, auth.orgId, round, ctx.now());
  if (drop && !r.combinedRank.has(drop)) throw new AppError('validation', 'Invalid querystring.drop: this item is not in the round', [{ path: 'querystring.drop', message: 'not in the round' }]);
  const b = balance(r.order, r.items, settings);
  const inSet = new Set(b.cut.in);
  const byId = new Map(r.items.map((i) => [i.itemId, i]));
  return {
    roundId,
    capacity: settings.capacity,
    used: b.cut.used,
    cutLine: { in: b.cut.in, out: b.cut.out },
    mix: { actual: b.mix.actual, target: b.target, uncategorised: b.mix.uncategorised },
    split: b.split,
    ranking: r.order.map((id, k) => {
      const i = byId.get(id)!;
      return { itemId: id, title: i.title, type: i.type, effort: b.effort(id), category: i.category, horizon: i.horizon, combinedRank: k + 1, in: inSet.has(id) };
    }),
    ifDropped: drop ? { itemId: drop, movesIn: movesInIfDropped(r.order, b.effort, settings.capacity, drop) } : null,
    categoryLabels: categoryLabelsOf(settings),
  };
}
