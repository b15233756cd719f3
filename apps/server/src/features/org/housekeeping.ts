import { deleteExpiredSessions, deleteStaleInvitations } from '@tandem/db';
import { daySlot, type Job } from '../../lib/jobs';

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
    await deleteExpiredSessions(ctx.db, now);
    await deleteStaleInvitations(ctx.db, new Date(now.getTime() - STALE_INVITATION_DAYS * 86_400_000));
  },
};
