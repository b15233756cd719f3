import { primaryKey, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per (job, slot) that some app instance claimed. The primary key is the lock: with any
 * number of instances on one database, the INSERT of exactly one of them succeeds, so each slot of
 * a scheduled job runs once (decision 060). Rows also are the job history (status, error, timing).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    instance: text('instance').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    status: text('status').notNull().default('running'),
    error: text('error'),
  },
  (t) => [primaryKey({ name: 'job_runs_pkey', columns: [t.job, t.slot] })],
);
