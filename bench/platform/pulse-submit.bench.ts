/**
 * Platform benchmark (issue #15, "fast request path"): pulse submissions on PostgreSQL at ≥ 0.8 of
 * the bare storage transaction. The measurement is bench/pulse's (submit-run.ts: 20 concurrent
 * respondents over HTTP from a worker thread against the same consume-link + insert-response
 * transaction run straight on the database by 20 concurrent workers, same run, same database);
 * this file runs it on PostgreSQL only and judges the ratio. BENCH_PEOPLE sets the links (default
 * 24,000: 12,000 per side). Prints one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { benchEngines } from '../pulse/setup';
import { runSubmit, CONCURRENCY } from '../pulse/submit-run';

const TARGET = 0.8;
const pgEngine = (await benchEngines()).find((e) => e.engine === 'postgres');
if (!pgEngine) throw new Error('PostgreSQL is not reachable (TEST_DATABASE_URL): this benchmark is about PostgreSQL');
const load1 = loadavg()[0]!;
const r = await runSubmit(pgEngine);
console.log(
  JSON.stringify({
    name: 'platform.pulse-submit',
    date: new Date().toISOString(),
    engine: 'postgres',
    loadGenerator: `undici fetch from a worker thread, ${CONCURRENCY} concurrent respondents, one request per link`,
    cpus: cpus().length,
    loadavg1: { start: +load1.toFixed(1), end: +loadavg()[0]!.toFixed(1) },
    submitted: r.submitted,
    responsesPerSecond: r.responsesPerSecond,
    baselineStoragePerSecond: r.baselineStoragePerSecond,
    ratio: r.ratioToBaseline,
    target: `>= ${TARGET}`,
    met: r.ratioToBaseline >= TARGET,
    lost: r.lost,
    duplicated: r.duplicated,
    failures: r.failures,
  }),
);
if (r.lost > 0 || r.duplicated > 0 || Object.keys(r.failures).length > 0) process.exitCode = 1;
