import { deferredNeedsNotYetPastCost } from '@tandem/db';
import type { AppContext } from '../../context';
import { hourSlot, type Job } from '../../lib/jobs';
import { appLink, emitEventOnce, moneyText } from '../integrations';
import { today } from './dates';
import { toNeed } from './deferred-needs';

/** At most this many deferred needs are looked at per run (oldest deferral first). */
const PER_RUN = 5000;

/**
 * A deferred need "passes its cost" when its exposure grows above the cost of doing it now: no
 * one acts, the calendar does. Every hour this job finds the needs that passed and queues
 * `deferred_need.cost_passed` once per need and deferral (decision 127), each in its own
 * transaction with the mark that says it was announced. Deferring the need again later (a new
 * deferral day) can announce it again.
 */
/** Returns how many deliveries were queued. */
export async function announceNeedsPastCost(ctx: AppContext): Promise<number> {
  const day = today(ctx);
  let queued = 0;
  for (const n of await deferredNeedsNotYetPastCost(ctx.db, PER_RUN)) {
    const need = toNeed({ ...n, reason: '', deferredById: null, services: '', createdAt: ctx.now(), updatedAt: ctx.now() }, day);
    if (!need.exceedsCost) continue;
    queued += await ctx.db.transaction((tx) =>
      emitEventOnce(ctx, tx, n.orgId, 'deferred_need.cost_passed', `${n.id}:${n.deferredOn}`, {
        summary: `Deferred need “${n.title}” now risks ${moneyText(need.exposure, n.currency)}, more than the ${moneyText(n.costNow, n.currency)} doing it costs (deferred since ${n.deferredOn})`,
        needId: n.id,
        title: n.title,
        deferredAt: n.deferredOn,
        currency: n.currency,
        costNow: n.costNow,
        exposure: Math.round(need.exposure * 100) / 100,
        impact: n.impact,
        url: appLink(ctx, '/requests/deferred-needs'),
      }),
    );
  }
  return queued;
}

export const deferredCostJob: Job = {
  name: 'requests.deferred_cost',
  slotOf: hourSlot,
  run: async (ctx) => {
    await announceNeedsPastCost(ctx);
  },
};
