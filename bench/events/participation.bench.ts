/**
 * Participation benchmark on PostgreSQL: `GET /api/v1/participation` over 5,000 people in 20
 * departments and two years of activity (fortnightly sprint demos with ~80 check-ins each,
 * quarterly hackweeks with teams and votes, monthly round-tables), through the whole app (session,
 * validation, every participation source, the rates, the gap correlation, serialisation) with
 * `app.inject`. Baseline in the same run: raw SQL (node-postgres, no ORM) that only fetches the same
 * participation rows and the people, so the ratio says what the feature adds to reading the data.
 * No pulse is closed in this data set, so the pulse results are not part of the figure. Budget: 300 ms.
 * Prints ONE JSON object.
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * throwaway database is created and dropped.
 * Run: npx tsx bench/events/participation.bench.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { addDays, createRng } from '@tandem/core';
import {
  insertDemo,
  insertDemoInvitees,
  insertHackweek,
  insertIdea,
  insertPeople,
  insertRoundtable,
  insertRoundtableInvitees,
  openDatabase,
  schema,
} from '@tandem/db';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';

const PEOPLE = 5_000;
const RUNS = 9;
const WARMUP = 2;
const TODAY = '2026-11-28';
const FROM = addDays(TODAY, -730);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tandem_bench_${randomBytes(5).toString('hex')}`;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const u = new URL(base);
u.pathname = `/${name}`;
const url = u.toString();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const database = await openDatabase({ url });
const app = await buildApp({ database, config: loadConfig({ TANDEM_AUTH_RATE_LIMIT: '1000' }), webDir: null, logger: false, now: () => new Date(`${TODAY}T09:00:00Z`) });
try {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { organisation: { name: 'Bench', currency: 'EUR' }, owner: { name: 'Bench Owner', email: 'bench@bench.test', password: 'quiet harbour lantern 7' } } });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
  const orgId = (setup.json() as { current: { id: string } }).current.id;
  const cookies = Object.fromEntries(setup.cookies.map((c) => [c.name, c.value]));
  const rng = createRng('events-participation-bench');
  const pick = <T>(xs: T[]) => xs[Math.floor(rng.next() * xs.length)]!;
  let rows = 0;
  await database.db.transaction(async (tx) => {
    const people = await insertPeople(
      tx,
      orgId,
      Array.from({ length: PEOPLE }, (_, i) => ({
        name: `Person ${i}`,
        email: `p${i}@bench.test`,
        department: `Dept ${i % 20}`,
        side: i % 20 < 8 ? ('it' as const) : ('business' as const),
        level: i % 25 === 0 ? ('leader' as const) : ('employee' as const),
      })),
    );
    const ids = people.map((p) => p.id);
    // Fortnightly demos, ~80 check-ins each.
    for (let d = 0; d < 52; d++) {
      const day = addDays(FROM, d * 14 + 3);
      const demo = await insertDemo(tx, orgId, { title: `Sprint ${d}`, startsAt: new Date(`${day}T14:00:00Z`), checkInToken: randomBytes(12).toString('hex') });
      const who = [...new Set(Array.from({ length: 80 }, () => pick(ids)))];
      await insertDemoInvitees(
        tx,
        orgId,
        who.map((personId) => ({ demoId: demo.id, personId, rsvpToken: randomBytes(12).toString('hex'), checkedInAt: new Date(`${day}T14:05:00Z`) })),
      );
      rows += who.length;
    }
    // Quarterly hackweeks: 30 ideas, ~150 members, ~400 votes.
    for (let h = 0; h < 8; h++) {
      const start = addDays(FROM, h * 91 + 20);
      const hw = await insertHackweek(tx, orgId, { title: `Hackweek ${h}`, startDate: start, endDate: addDays(start, 4), maxTeamSize: 6, phase: 'outcomes', votingClosedAt: new Date(`${addDays(start, 4)}T17:00:00Z`) });
      const at = new Date(`${start}T09:00:00Z`);
      const ideas: Array<{ id: string }> = [];
      for (let i = 0; i < 30; i++) ideas.push(await insertIdea(tx, orgId, { hackweekId: hw.id, title: `Idea ${h}.${i}`, pitch: '', personId: pick(ids), createdAt: at }));
      const members = [...new Set(Array.from({ length: 150 }, () => pick(ids)))];
      if (members.length) await tx.insert(schema.hackweekMembers).values(members.map((personId, k) => ({ orgId, hackweekId: hw.id, ideaId: ideas[k % 30]!.id, personId, joinedAt: at })));
      const voters = [...new Set(Array.from({ length: 200 }, () => pick(ids)))];
      await tx.insert(schema.hackweekVotes).values(
        voters.flatMap((personId, k) => (['impact', 'creativity'] as const).map((category) => ({ orgId, hackweekId: hw.id, personId, category, ideaId: ideas[(k + (category === 'impact' ? 0 : 7)) % 30]!.id, at }))),
      );
      rows += ideas.length + members.length + voters.length * 2;
    }
    // Monthly round-tables of 12.
    for (let m = 0; m < 24; m++) {
      const rt = await insertRoundtable(tx, orgId, { title: `Round-table ${m}`, date: addDays(FROM, m * 30 + 10), questions: [] });
      const who = [...new Set(Array.from({ length: 12 }, () => pick(ids)))];
      await insertRoundtableInvitees(tx, orgId, who.map((personId) => ({ roundtableId: rt.id, personId, attended: true })));
      rows += who.length;
    }
  });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  await raw.query('analyze');

  const get = () => app.inject({ method: 'GET', url: `/api/v1/participation?from=${FROM}&to=${TODAY}`, cookies });
  const fetchRows = async () => {
    const to = addDays(TODAY, 1);
    // One connection runs one query at a time: sequential, as the app's pool of one per request would not.
    const queries: [string, unknown[]][] = [
      ['select id, side, department from people where org_id = $1 and active', [orgId]],
      ['select person_id, joined_at from hackweek_members where org_id = $1 and joined_at >= $2 and joined_at < $3', [orgId, FROM, to]],
      ['select person_id, created_at from hackweek_ideas where org_id = $1 and created_at >= $2 and created_at < $3', [orgId, FROM, to]],
      ['select person_id, at from hackweek_votes where org_id = $1 and at >= $2 and at < $3', [orgId, FROM, to]],
      ['select person_id, checked_in_at from demo_invitees where org_id = $1 and checked_in_at >= $2 and checked_in_at < $3', [orgId, FROM, to]],
      ['select i.person_id, r.date from roundtable_invitees i join roundtables r on r.id = i.roundtable_id where i.org_id = $1 and i.attended and r.date >= $2 and r.date < $3', [orgId, FROM, to]],
    ];
    const r = [];
    for (const [q, params] of queries) r.push(await raw.query(q, params));
    return r.reduce((n, x) => n + x.rowCount!, 0);
  };
  const first = await get();
  if (first.statusCode !== 200) throw new Error(`participation failed: ${first.statusCode} ${first.body}`);
  const body = first.json() as { bySide: unknown; byDepartment: unknown[] };
  for (let i = 0; i < WARMUP; i++) {
    await get();
    await fetchRows();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    await get();
    a.push(performance.now() - t0);
    t0 = performance.now();
    await fetchRows();
    b.push(performance.now() - t0);
  }
  await raw.end();
  const r = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      name: 'events.participation',
      engine: 'postgres',
      people: PEOPLE,
      activityRows: rows,
      departments: body.byDepartment.length,
      bySide: body.bySide,
      runs: RUNS,
      participationMedianMs: r(median(a)),
      baseline: 'raw SQL (node-postgres) fetching the same people and participation rows',
      baselineMedianMs: r(median(b)),
      ratio: r(median(a) / median(b)),
      budgetMs: 300,
      met: median(a) < 300,
    }),
  );
} finally {
  await app.close();
  await database.close();
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}
