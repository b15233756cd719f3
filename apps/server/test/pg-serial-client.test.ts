import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '@tandem/db';
import { engines } from './harness';

const QUEUE_WARNING = /already executing a query/;

// Services run reads side by side with Promise.all; inside a transaction they share one
// connection. pg 8 warns (once per process) when a query is queued behind another queued one,
// and pg 9 will refuse it. The app's pool chains them itself; this file checks that, and then
// checks that a plain client does trigger the warning, so the first check can fail.
describe.runIf(engines().includes('postgres'))('PostgreSQL: concurrent queries on one transaction', () => {
  let database: Database;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);

  beforeAll(async () => {
    database = await openDatabase({ url: process.env.TEST_DATABASE_URL!, migrate: false });
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database.close();
  });

  it('answers six reads started at once inside a transaction, in order, without pg queueing them', async () => {
    const results = await database.db.transaction(async (tx) =>
      Promise.all([1, 2, 3, 4, 5, 6].map((n) => tx.execute(sql`select ${n}::int as n, pg_sleep(0.01)`))),
    );
    expect(results.map((r) => ((r as { rows: { n: number }[] }).rows[0]!).n)).toEqual([1, 2, 3, 4, 5, 6]);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((m) => QUEUE_WARNING.test(m))).toEqual([]);
  });

  it('keeps going after a failed query in the chain, and the failure reaches its caller', async () => {
    const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
    try {
      const [bad, good] = await Promise.allSettled([client.query('select * from no_such_table'), client.query('select 7 as n')]);
      expect(bad.status).toBe('rejected');
      expect(good.status === 'fulfilled' && good.value.rows[0].n).toBe(7);
    } finally {
      client.release();
    }
  });

  it('(control) a plain pg client given the same three queries at once does warn', async () => {
    const plain = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await plain.connect();
    try {
      await Promise.all([1, 2, 3].map((n) => plain.query('select $1::int as n, pg_sleep(0.01)', [n])));
      await new Promise((r) => setImmediate(r));
      expect(warnings.some((m) => QUEUE_WARNING.test(m))).toBe(true);
    } finally {
      await plain.end();
    }
  });
});
