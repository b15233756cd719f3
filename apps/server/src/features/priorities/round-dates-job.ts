import { roundScheduleStep } from '@tandem/core';
import { countRoundItems, lockRound, roundsDueOnSchedule } from '@tandem/db';
import type { AppContext } from '../../context';
import { hourSlot, type Job } from '../../lib/jobs';
import { closeRoundIn, openRoundIn } from './change-round-status';

/** At most this many rounds are moved per run (oldest first); the next slot takes the rest. */
const PER_RUN = 500;

/** The organisation's calendar day: UTC, as organisations have no time zone yet (decision 146). */
export const roundDay = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * Opens the drafts whose opening day has come and closes the open rounds whose closing day is
 * over (decision 146), each in its own transaction through the same service as a leader's
 * POST .../open and .../close: the results are computed and stored at close, and the audit names
 * no person (the calendar acted). The decision is taken again under the round's lock, so a leader
 * or another instance acting a moment earlier wins and nothing happens twice. One round failing
 * does not stop the others.
 */
export async function applyRoundDates(ctx: AppContext, now: Date): Promise<{ opened: string[]; closed: string[]; failed: string[] }> {
  const at: AppContext = { ...ctx, now: () => now };
  const today = roundDay(now);
  const opened: string[] = [];
  const closed: string[] = [];
  const failed: string[] = [];
  for (const due of await roundsDueOnSchedule(ctx.db, today, PER_RUN)) {
    try {
      const done = await ctx.db.transaction(async (tx) => {
        const round = await lockRound(tx, due.orgId, due.id);
        if (!round) return 'none';
        const step = roundScheduleStep({ status: round.status, opensAt: round.opensAt, closesAt: round.closesAt, today, itemCount: await countRoundItems(tx, due.orgId, due.id) });
        const actor = { orgId: due.orgId, userId: null };
        const details = { by: 'schedule', reason: step.reason, opensAt: round.opensAt, closesAt: round.closesAt };
        if (step.action === 'open') await openRoundIn(at, tx, actor, due.id, details);
        if (step.action === 'close') await closeRoundIn(at, tx, actor, due.id, details);
        return step.action;
      });
      if (done === 'open') opened.push(due.id);
      if (done === 'close') closed.push(due.id);
    } catch (e) {
      failed.push(`${due.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { opened, closed, failed };
}

/** Hourly, so a date changed today takes effect within the hour rather than tomorrow. */
export const roundDatesJob: Job = {
  name: 'priorities.round-dates',
  slotOf: hourSlot,
  run: async (ctx, _slot, now) => {
    const { failed } = await applyRoundDates(ctx, now);
    if (failed.length) throw new Error(`could not move ${failed.length} round(s): ${failed.join('; ')}`);
  },
};
