import type { RoadmapInput, StrategyStatus } from './types';

export interface ProgressRollUp {
  /** 0..1 per goal; null when no live initiative serves it. */
  goals: Map<string, number | null>;
  /** 0..1 per initiative; null when cancelled. */
  initiatives: Map<string, number | null>;
  /** 0 or 1 per enabler; null when cancelled. */
  enablers: Map<string, number | null>;
}

const statusProgress = (s: StrategyStatus): number | null => (s === 'cancelled' ? null : s === 'done' ? 1 : 0);

/**
 * Progress rolled up from the bottom, from facts rather than self-reported percentages:
 * - an enabler is 1 when done, 0 otherwise, and drops out when cancelled;
 * - an initiative is 1 when done; otherwise the share of its units that are finished, where its
 *   units are its non-cancelled enablers (done or not) and its ladder rungs (marked done or not);
 *   0 when it has no units yet; null when cancelled;
 * - a goal is the effort-weighted mean of the progress of its non-cancelled initiatives
 *   (unestimated effort weighs 1; all-zero efforts fall back to a plain mean); null without any.
 * Why: peers let goal progress be typed in by hand, so it never matches the work (PRODUCT.md).
 * O(goals + initiatives + enablers + links).
 * @example one initiative with 1 of 2 enablers done and 2 of 2 rungs done → 0.75, and its goal 0.75
 */
export function rollUpProgress(input: RoadmapInput): ProgressRollUp {
  const enablers = new Map<string, number | null>();
  const units = new Map<string, { done: number; total: number }>();
  for (const e of input.enablers) {
    const p = statusProgress(e.status);
    enablers.set(e.id, p);
    if (p === null) continue;
    for (const iid of e.initiativeIds) {
      const u = units.get(iid) ?? { done: 0, total: 0 };
      u.done += p;
      u.total += 1;
      units.set(iid, u);
    }
  }
  const initiatives = new Map<string, number | null>();
  const perGoal = new Map<string, { weighted: number; weight: number; plain: number; n: number }>();
  for (const i of input.initiatives) {
    let p = statusProgress(i.status);
    if (p === 0) {
      const u = units.get(i.id) ?? { done: 0, total: 0 };
      let done = u.done;
      let total = u.total;
      for (const r of i.ladder) {
        total += 1;
        if (r.done) done += 1;
      }
      p = total === 0 ? 0 : done / total;
    }
    initiatives.set(i.id, p);
    if (p === null) continue;
    const w = Math.max(0, i.effort ?? 1);
    for (const gid of i.goalIds) {
      const g = perGoal.get(gid) ?? { weighted: 0, weight: 0, plain: 0, n: 0 };
      g.weighted += w * p;
      g.weight += w;
      g.plain += p;
      g.n += 1;
      perGoal.set(gid, g);
    }
  }
  const goals = new Map<string, number | null>();
  for (const g of input.goals) {
    const acc = perGoal.get(g.id);
    goals.set(g.id, !acc ? null : acc.weight > 0 ? acc.weighted / acc.weight : acc.plain / acc.n);
  }
  return { goals, initiatives, enablers };
}
