import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { jobRuns } from '../schema/jobs';

export type JobRunRow = typeof jobRuns.$inferSelect;

/** Claims a job's slot for this instance; false when another instance (or an earlier tick) has it. */
export async function claimJobSlot(x: Executor, job: string, slot: string, instance: string, at: Date): Promise<boolean> {
  const rows = await x
    .insert(jobRuns)
    .values({ job, slot, instance, startedAt: at })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function finishJobSlot(x: Executor, job: string, slot: string, at: Date, error: string | null): Promise<void> {
  await x
    .update(jobRuns)
    .set({ finishedAt: at, status: error === null ? 'done' : 'failed', error })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.slot, slot)));
}

/** The most recent runs of a job, newest first. */
export async function listJobRuns(x: Executor, job: string, limit = 20): Promise<JobRunRow[]> {
  return x.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}
