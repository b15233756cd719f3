// The pulse submission measurement, shared by bench/pulse/submit.bench.ts (absolute targets per
// engine) and bench/platform/pulse-submit.bench.ts (issue #15's ratio on PostgreSQL): 20 concurrent
// respondents over real HTTP (the client in a worker thread) against the same storage work (consume
// the link, insert the response and its answers) done straight on the database by 20 concurrent
// workers, without HTTP, validation or lookups. 0 lost and 0 duplicated are counted afterwards.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { consumePulseInvitation, insertPulseResponse, queryRows } from '@tandem/db';
import { api, benchApp, count, median, memoryMailer, seedPeople, type benchEngines } from './setup';

export const CONCURRENCY = 20;
const TARGET = { pglite: 500, postgres: 1500 } as const;

export type SubmitClient = 'fetch' | 'http';

/**
 * `clients`: the HTTP load generators to run, each on its own share of the links, before the
 * storage baseline, in each of `rounds` rounds; rates are medians over rounds, and the ratio is the
 * median of each round's ratio to that round's baseline. The first client is the one judged.
 */
export async function runSubmit(e: Awaited<ReturnType<typeof benchEngines>>[number], clients: SubmitClient[] = ['fetch'], rounds = 1) {
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
    // The links are shared out evenly over rounds; in each round every HTTP client, then the storage
    // baseline, gets its own share. Rounds alternate the two so that a noisy machine hits both alike.
    const parts = rounds * (clients.length + 1);
    const share = Math.floor(tokens.length / parts);
    const { createHash } = await import('node:crypto');
    const rowOf = new Map(
      (
        await queryRows<{ token_hash: string; id: string; side: string; level: string; department: string; location: string }>(
          b.database.db,
          sql`select token_hash, id, side, level, department, location from pulse_invitations where pulse_id = ${pulse.id}`,
        )
      ).map((r) => [r.token_hash, r]),
    );
    const address = await b.app.listen({ port: 0, host: '127.0.0.1' });
    const httpRates = new Map<SubmitClient, number[]>(clients.map((c) => [c, []]));
    const baseRates: number[] = [];
    const ratios = new Map<SubmitClient, number[]>(clients.map((c) => [c, []]));
    const failures: Record<string, number> = {};
    let ok = 0;
    let baseOk = 0;
    let part = 0;
    for (let round = 0; round < rounds; round++) {
      const roundRates = new Map<SubmitClient, number>();
      for (const client of clients) {
        const slice = tokens.slice(part * share, ++part * share);
        // The client runs in a worker thread, so the server keeps its event loop to itself.
        const worker = new Worker(new URL('./submit-client.mjs', import.meta.url), {
          workerData: { address, tokens: slice, questionIds: pulse.questions.map((q) => q.id), concurrency: CONCURRENCY, client },
        });
        const r = await new Promise<{ ok: number; failures: Record<string, number>; seconds: number }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        await worker.terminate();
        ok += r.ok;
        for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v;
        roundRates.set(client, r.ok / r.seconds);
        httpRates.get(client)!.push(r.ok / r.seconds);
      }
      const baseRows = tokens.slice(part * share, ++part * share).map((t) => rowOf.get(createHash('sha256').update(t).digest('hex'))!);
      let nextBase = 0;
      let roundOk = 0;
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
            roundOk++;
          }
        }),
      );
      const baseRate = roundOk / ((performance.now() - t1) / 1000);
      baseOk += roundOk;
      baseRates.push(baseRate);
      for (const c of clients) ratios.get(c)!.push(roundRates.get(c)! / baseRate);
    }

    const responses = await count(b, sql`select count(*)::int as n from pulse_responses where pulse_id = ${pulse.id}`);
    const used = await count(b, sql`select count(*)::int as n from pulse_invitations where pulse_id = ${pulse.id} and used`);
    const answers = await count(b, sql`select coalesce(sum(cardinality(answers)), 0)::int as n from pulse_responses where pulse_id = ${pulse.id}`);
    const expected = ok + baseOk;
    const rate = median(httpRates.get(clients[0]!)!);
    const baseRate = median(baseRates);
    const ratio = median(ratios.get(clients[0]!)!);
    const lost = Math.max(0, expected - responses);
    const duplicated = Math.max(0, responses - used) + Math.max(0, responses - expected);
    return {
      engine: e.engine,
      concurrency: CONCURRENCY,
      questions: pulse.questions.length,
      submitted: share * clients.length * rounds,
      rounds,
      clients: clients.map((c) => ({ client: c, responsesPerSecond: Math.round(median(httpRates.get(c)!)), ratioToBaseline: Math.round(median(ratios.get(c)!) * 100) / 100 })),
      accepted: ok,
      failures,
      responsesPerSecond: Math.round(rate),
      baselineStoragePerSecond: Math.round(baseRate),
      ratioToBaseline: Math.round(ratio * 100) / 100,
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

