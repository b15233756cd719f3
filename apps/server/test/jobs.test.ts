import { describe, expect, it } from 'vitest';
import { listJobRuns } from '@tandem/db';
import { JobRunner, hourSlot } from '../src/lib/jobs';
import { createTestApp, engines } from './harness';

describe.each(engines())('scheduled jobs on %s', (engine) => {
  it('run once per slot however many instances tick, record failures, and run again in the next slot', async () => {
    const t = await createTestApp(engine);
    try {
      const runs: string[] = [];
      // Two runners on one database stand for two app instances.
      const a = new JobRunner(t.app.ctx);
      const b = new JobRunner(t.app.ctx);
      for (const r of [a, b]) {
        r.register({ name: 'test.hourly', slotOf: hourSlot, run: async (_ctx, slot) => void runs.push(slot) });
        r.register({ name: 'test.failing', slotOf: hourSlot, run: async () => Promise.reject(new Error('receiver down')) });
      }
      const at = new Date('2026-12-02T10:15:00Z');
      const [ra, rb] = await Promise.all([a.tick(at), b.tick(at)]);
      const ran = [...ra, ...rb].filter((r) => r.job === 'test.hourly' && r.ran);
      expect(ran).toHaveLength(1);
      expect(runs).toEqual(['2026-12-02T10']);

      // Same hour again: nothing; the next hour: once more.
      await a.tick(new Date('2026-12-02T10:45:00Z'));
      await b.tick(new Date('2026-12-02T11:01:00Z'));
      await a.tick(new Date('2026-12-02T11:02:00Z'));
      expect(runs).toEqual(['2026-12-02T10', '2026-12-02T11']);

      const failed = await listJobRuns(t.app.ctx.db, 'test.failing');
      expect(failed.map((r) => [r.slot, r.status, r.error])).toEqual([
        ['2026-12-02T11', 'failed', 'receiver down'],
        ['2026-12-02T10', 'failed', 'receiver down'],
      ]);
      expect(() => a.register({ name: 'test.hourly', slotOf: hourSlot, run: async () => {} })).toThrow(/twice/);
    } finally {
      await t.close();
    }
  });
});
