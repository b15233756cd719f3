import { deleteExpiredSessions, deleteStaleInvitations } from '@tandem/db';
import { daySlot, type Job } from '../../lib/jobs';
import { endCachedSessions } from '../../lib/session-cache';

/** Unaccepted invitations stay listed as expired for this long, then go (decision 106). */
export const STALE_INVITATION_DAYS = 30;

/**
 * Daily housekeeping (decision 106): sessions past their idle or absolute expiry are deleted (they
 * already sign nobody in), and invitations that expired unaccepted more than 30 days ago.
 */
export const housekeepingJob: Job = {
  name: 'org.housekeeping',
  slotOf: daySlot,
  run: async (ctx, _slot, now) => {
    // A deleted session must not live on in any instance's session cache (decision 156): the job's
    // `now` is its slot, which need not be the clock the cache checks expiry against.
    if ((await deleteExpiredSessions(ctx.db, now)) > 0) await endCachedSessions(ctx, { all: true });
    await deleteStaleInvitations(ctx.db, new Date(now.getTime() - STALE_INVITATION_DAYS * 86_400_000));
  },
};
