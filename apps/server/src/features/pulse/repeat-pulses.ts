import { nextPulseSchedule, nextPulseTitle } from '@tandem/core';
import { insertPulseItems, insertSuccessorPulse, listDueAutoOpenDrafts, listPulseItemIds, listRepeatingWithoutSuccessor, lockPulse } from '@tandem/db';
import type { AppContext } from '../../context';
import { hourSlot, type Job } from '../../lib/jobs';
import { recordPulseAudit } from './audit';
import { inviteOnSchedule } from './invite-respondents';
import { effectiveStatus } from './pulse.mapper';

/**
 * Makes the next pulse of every repeating pulse that has closed and has none yet (decision 135):
 * the same statements, audience, minimum groups and repeat rule, scheduled one period after the
 * previous opening. The unique (org, previous pulse) key makes it exactly once, even when two
 * instances or two slots race. Returns how many were made.
 */
export async function makeNextPulses(ctx: AppContext, now: Date): Promise<number> {
  let made = 0;
  for (const p of await listRepeatingWithoutSuccessor(ctx.db)) {
    if (effectiveStatus(p, now) !== 'closed' || !p.repeatEvery) continue;
    const every = p.repeatEvery;
    const created = await ctx.db.transaction(async (tx) => {
      const { opensAt, closesAt } = nextPulseSchedule(p, every, now);
      const next = await insertSuccessorPulse(tx, {
        orgId: p.orgId,
        title: nextPulseTitle(p.title, every, opensAt),
        audience: p.audience,
        minGroupSize: p.minGroupSize,
        minCommentGroupSize: p.minCommentGroupSize,
        opensAt,
        closesAt,
        repeatEvery: every,
        repeatAutoOpen: p.repeatAutoOpen,
        previousPulseId: p.id,
        createdBy: p.createdBy,
        createdAt: now,
      });
      if (!next) return false;
      await insertPulseItems(tx, p.orgId, next.id, await listPulseItemIds(tx, p.orgId, p.id));
      await recordPulseAudit(ctx, tx, { orgId: p.orgId, actorUserId: null, action: 'pulse.repeated', target: next.id, details: { previous: p.id, title: next.title, every } });
      return true;
    });
    if (created) made++;
  }
  return made;
}

/**
 * Opens the auto-open drafts whose date has come, issuing links as a leader would (mail when the
 * instance has mail, else members answer from My pulses). One pulse failing (an audience that now
 * matches nobody) does not stop the others; it stays a draft and the failure is in the job's log.
 */
export async function openDuePulses(ctx: AppContext, now: Date, origin: string): Promise<{ opened: number; failed: string[] }> {
  let opened = 0;
  const failed: string[] = [];
  for (const p of await listDueAutoOpenDrafts(ctx.db, now)) {
    try {
      // Re-read under the lock: another instance may have opened it a moment ago.
      const fresh = await ctx.db.transaction((tx) => lockPulse(tx, p.orgId, p.id));
      if (!fresh || fresh.status !== 'draft') continue;
      await inviteOnSchedule(ctx, p.orgId, p.id, origin);
      opened++;
    } catch (e) {
      failed.push(`${p.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { opened, failed };
}

/** Hourly: open what is due, then make the next pulse of what has closed (closing itself is the pulse's close date). */
export function repeatPulsesJob(origin: () => string): Job {
  return {
    name: 'pulse.repeat',
    slotOf: hourSlot,
    run: async (ctx, _slot, now) => {
      // The services read the clock from the context: the job's moment is theirs too.
      const at = { ...ctx, now: () => now };
      const { failed } = await openDuePulses(at, now, origin());
      await makeNextPulses(at, now);
      if (failed.length) throw new Error(`could not open ${failed.length} pulse(s): ${failed.join('; ')}`);
    },
  };
}
