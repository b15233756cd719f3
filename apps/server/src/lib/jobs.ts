import { randomUUID } from 'node:crypto';
import { claimJobSlot, finishJobSlot } from '@tandem/db';
import type { AppContext } from '../context';

/**
 * Scheduled jobs that run exactly once per slot with any number of app instances (decision 060).
 * A job names its current slot from the clock (an hour, a day, a minute: see the slot helpers);
 * on each tick every instance tries to claim (job, slot) in the database and only the one whose
 * INSERT succeeds runs it. A run that fails is recorded as failed and not retried in that slot.
 * Nothing is kept in memory that another instance would need.
 */
export interface Job {
  /** Stable name, e.g. 'insights.digest'. */
  name: string;
  /** The slot due at `now`, or null when nothing is due. */
  slotOf: (now: Date) => string | null;
  run: (ctx: AppContext, slot: string, now: Date) => Promise<void>;
}

export interface JobRunResult {
  job: string;
  slot: string;
  ran: boolean;
  error?: string;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<JobRunResult[]> | null = null;
  readonly instance = randomUUID();

  constructor(
    private readonly ctx: AppContext,
    private readonly onError: (job: string, err: unknown) => void = () => {},
  ) {}

  register(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs every job whose current slot nobody has claimed yet; tests call this directly. */
  tick(now: Date = this.ctx.now()): Promise<JobRunResult[]> {
    // One tick at a time per instance: a slow job never overlaps itself here.
    this.running ??= this.runDue(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runDue(now: Date): Promise<JobRunResult[]> {
    const results: JobRunResult[] = [];
    for (const job of this.jobs.values()) {
      const slot = job.slotOf(now);
      if (slot === null) continue;
      const claimed = await claimJobSlot(this.ctx.db, job.name, slot, this.instance, now);
      if (!claimed) {
        results.push({ job: job.name, slot, ran: false });
        continue;
      }
      let error: string | null = null;
      try {
        await job.run(this.ctx, slot, now);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        this.onError(job.name, e);
      }
      await finishJobSlot(this.ctx.db, job.name, slot, this.ctx.now(), error);
      results.push({ job: job.name, slot, ran: true, ...(error === null ? {} : { error }) });
    }
    return results;
  }

  /** Ticks every `intervalMs` (unref'd: never keeps the process alive). */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick().catch((e) => this.onError('tick', e)), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}

/** Slot helpers, in UTC: one slot per minute, hour or day. */
export const minuteSlot = (now: Date) => now.toISOString().slice(0, 16);
export const hourSlot = (now: Date) => now.toISOString().slice(0, 13);
export const daySlot = (now: Date) => now.toISOString().slice(0, 10);
