// The pulse submission measurement, shared by bench/pulse/submit.bench.ts (absolute targets per
// engine) and bench/platform/pulse-submit.bench.ts (issue #15's ratio on PostgreSQL): 20 concurrent
// respondents over real HTTP (the client in a worker thread) against the same storage work (consume
// the link, insert the response and its answers) done straight on the database by 20 concurrent
// workers, without HTTP, validation or lookups. 0 lost and 0 duplicated are counted afterwards.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { consumePulseInvitation, insertPulseResponse, queryRows } from '@tandem/db';
import { api, benchApp, count, memoryMailer, seedPeople, type benchEngines } from './setup';

export const CONCURRENCY = 20;
const TARGET = { pglite: 500, postgres: 1500 } as const;

export async function runSubmit(e: Awaited<ReturnType<typeof benchEngines>>[number]) {
  const people = Number(process.env.BENCH_PEOPLE ?? (e.engine === 'postgres' ? 24_000 : 8_000));
  const mailer = memoryMailer();
  const b = await benchApp(e, CONCURRENCY + 5, mailer);
  try {
    await seedPeople(b, people);
    const pulse = (
      await api(b, 'POST', '/api/v1/pulses', {
        title: 'Submit bench',
        template: 'tech-priorities-alignment',
        questions: [{ text: 'Bench statement one' }, { text: 'Bench statement two' }, { text: 'Bench statement three' }],
      })
    ).json() as { id: string; questions: { id: string }[] };
    await api(b, 'POST', `/api/v1/pulses/${pulse.id}/invitations`);
    // Each person's link is in the mail they were sent; the leader's answer holds counts only.
    const tokens = mailer.sent.map((m) => /\/respond\/([A-Za-z0-9_-]{22})/.exec(m.text)![1]!);
    // Half the links go to the HTTP run, half to the storage baseline.
    const httpTokens = tokens.slice(0, tokens.length / 2);
    const baseInvitations = await queryRows<{ id: string; side: string; level: string; department: string; location: string }>(
      b.database.db,
      sql`select id, side, level, department, location from pulse_invitations where pulse_id = ${pulse.id} order by id`,
    );
    const httpHashes = new Set<string>();
    const { createHash } = await import('node:crypto');
    for (const t of httpTokens) httpHashes.add(createHash('sha256').update(t).digest('hex'));
    const hashOf = new Map(
      (await queryRows<{ id: string; token_hash: string }>(b.database.db, sql`select id, token_hash from pulse_invitations where pulse_id = ${pulse.id}`)).map((r) => [r.id, r.token_hash]),
    );
    const baseRows = baseInvitations.filter((r) => !httpHashes.has(hashOf.get(r.id)!));

    const address = await b.app.listen({ port: 0, host: '127.0.0.1' });
    // The client runs in a worker thread, so the server keeps its event loop to itself.
    const worker = new Worker(new URL('./submit-client.mjs', import.meta.url), {
      workerData: { address, tokens: httpTokens, questionIds: pulse.questions.map((q) => q.id), concurrency: CONCURRENCY },
    });
    const { ok, failures, seconds: httpSeconds } = await new Promise<{ ok: number; failures: Record<string, number>; seconds: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();

    let nextBase = 0;
    let baseOk = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextBase < baseRows.length) {
          const r = baseRows[nextBase++]!;
          await b.database.db.transaction(async (tx) => {
            if (!(await consumePulseInvitation(tx, r.id))) throw new Error('baseline link already used');
            await insertPulseResponse(
              tx,
              { orgId: b.orgId, pulseId: pulse.id, day: '2026-11-28', side: r.side, level: r.level, department: r.department, location: r.location },
              pulse.questions.map((_, i) => ((nextBase + i) % 5) + 1),
            );
          });
          baseOk++;
        }
      }),
    );
    const baseSeconds = (performance.now() - t1) / 1000;

    const responses = await count(b, sql`select count(*)::int as n from pulse_responses where pulse_id = ${pulse.id}`);
    const used = await count(b, sql`select count(*)::int as n from pulse_invitations where pulse_id = ${pulse.id} and used`);
    const answers = await count(b, sql`select coalesce(sum(cardinality(answers)), 0)::int as n from pulse_responses where pulse_id = ${pulse.id}`);
    const expected = ok + baseOk;
    const rate = ok / httpSeconds;
    const baseRate = baseOk / baseSeconds;
    const lost = Math.max(0, expected - responses);
    const duplicated = Math.max(0, responses - used) + Math.max(0, responses - expected);
    return {
      engine: e.engine,
      concurrency: CONCURRENCY,
      questions: pulse.questions.length,
      submitted: httpTokens.length,
      accepted: ok,
      failures,
      responsesPerSecond: Math.round(rate),
      baselineStoragePerSecond: Math.round(baseRate),
      ratioToBaseline: Math.round((rate / baseRate) * 100) / 100,
      target: TARGET[e.engine],
      counted: { responses, usedLinks: used, answers, expectedAnswers: expected * pulse.questions.length },
      lost,
      duplicated,
      pass: rate >= TARGET[e.engine] && lost === 0 && duplicated === 0 && answers === expected * pulse.questions.length && Object.keys(failures).length === 0,
    };
  } finally {
    await b.close();
  }
}

