// Results for a pulse of 100,000 respondents × 12 questions with every segment breakdown
// (by=side,level,department,location returns all 16 subsets). Times the results endpoint and, in
// the same run on the same engine, one raw SQL GROUP BY computing the same counts. Target: ratio
// (endpoint / GROUP BY) at most 1.5 on PGlite and PostgreSQL. Prints one JSON object.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows } from '@tandem/db';
import { api, benchApp, benchEngines, median } from './setup';

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);

async function run(e: Awaited<ReturnType<typeof benchEngines>>[number]) {
  const b = await benchApp(e);
  try {
    const t0 = performance.now();
    await b.database.db.execute(sql`
      insert into people (org_id, name, email, department, side, level, location)
      select ${b.orgId}, 'Person ' || g, 'p' || g || '@bench.test', 'Dept ' || (g % 11),
             case when (g / 7) % 3 = 0 then 'it' else 'business' end, case when g % 7 = 0 then 'leader' else 'employee' end, 'Loc ' || ((g / 11) % 6)
      from generate_series(1, ${RESPONDENTS}) g`);
    const pulse = (
      await api(b, 'POST', '/api/v1/pulses', {
        title: 'Bench pulse',
        template: 'tech-priorities-alignment',
        questions: [{ text: 'Bench statement one' }, { text: 'Bench statement two' }, { text: 'Bench statement three' }],
      })
    ).json() as { id: string; questions: { id: string }[] };
    await api(b, 'POST', `/api/v1/pulses/${pulse.id}/open`);
    const db = b.database.db;
    await db.execute(sql`
      insert into pulse_invitations (org_id, pulse_id, person_id, token_hash, side, level, department, location, used)
      select org_id, ${pulse.id}, id, md5(id::text), side, level, department, location, true from people where org_id = ${b.orgId}`);
    // Answers skewed by level so the gaps are not zero: leaders agree more (the level reference
    // also makes the subquery run per row).
    await db.execute(sql`
      insert into pulse_responses (org_id, pulse_id, day, side, level, department, location, answers)
      select org_id, pulse_id, date '2026-11-20', side, level, department, location,
             array(select least(5, 1 + floor(random() * 5)::int + case when level = 'leader' and random() < 0.4 then 1 else 0 end)::smallint
                   from generate_series(1, ${pulse.questions.length}))
      from pulse_invitations where pulse_id = ${pulse.id}`);
    await db.execute(sql`analyze`);
    await api(b, 'POST', `/api/v1/pulses/${pulse.id}/close`);
    const seedSeconds = (performance.now() - t0) / 1000;

    const url = `/api/v1/pulses/${pulse.id}/results?by=side,level,department,location`;
    const baselineSql = sql`select a.pos, r.side, r.level, r.department, r.location, a.value, count(*)::int as n
      from pulse_responses r cross join lateral unnest(r.answers) with ordinality as a(value, pos)
      where r.org_id = ${b.orgId} and r.pulse_id = ${pulse.id}
      group by a.pos, r.side, r.level, r.department, r.location, a.value`;
    // Warm both paths once (plans, caches, JIT), then alternate so drift hits both equally.
    const first = await api(b, 'GET', url);
    const baseRows = await queryRows(db, baselineSql);
    const endpoint: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      let t = performance.now();
      await queryRows(db, baselineSql);
      baseline.push(performance.now() - t);
      t = performance.now();
      await api(b, 'GET', url);
      endpoint.push(performance.now() - t);
    }
    const body = first.json() as { respondents: number; questions: { segments: { suppressed?: boolean }[] }[]; suppression: { segments: number } };
    const e2 = median(endpoint);
    const b2 = median(baseline);
    return {
      engine: e.engine,
      respondents: body.respondents,
      questions: body.questions.length,
      segmentsPerQuestion: body.questions[0]!.segments.length,
      latticeSegments: body.suppression.segments,
      suppressedPerQuestion: body.questions[0]!.segments.filter((s) => s.suppressed).length,
      groupByRows: baseRows.length,
      responseBytes: first.body.length,
      endpointMedianMs: Math.round(e2 * 10) / 10,
      baselineGroupByMedianMs: Math.round(b2 * 10) / 10,
      ratio: Math.round((e2 / b2) * 100) / 100,
      target: 1.5,
      pass: e2 / b2 <= 1.5,
      iterations: ITERATIONS,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
    };
  } finally {
    await b.close();
  }
}

const results = [];
for (const e of await benchEngines()) results.push(await run(e));
console.log(JSON.stringify({ benchmark: 'pulse/results', respondents: RESPONDENTS, baseline: 'one raw SQL GROUP BY of the same counts, same engine, same run', results, pass: results.every((r) => r.pass) }));
