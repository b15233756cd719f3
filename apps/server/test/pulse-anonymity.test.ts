import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePulseResults, createRng, rollUp, SEGMENT_DIMENSIONS, suppressSegments, type CellKey } from '@tandem/core';
import { exactAudit, failures, keyId, type Key, type PublishedSegment, type TruthCell } from '../../../packages/core/src/pulse/exact-audit.testkit';
import { demoPeople } from '../src/demo/people';
import { engines, setUp, type Client } from './harness';
import { createMailApp, createPulse, importPeople, invite, respond, type Attrs } from './pulse-helpers';

/** An app with a real SMTP server: person links reach people only by mail (decision 024). */
type MailApp = Awaited<ReturnType<typeof createMailApp>>;

const DIMS = SEGMENT_DIMENSIONS;
/** Every `by` a leader can ask for: all 16 subsets of the four dimensions. */
const BREAKDOWNS = Array.from({ length: 16 }, (_, m) => DIMS.filter((_, i) => m & (1 << i)).join(','));
const QUESTIONS = [{ text: 'IT and Business are aligned on tech priorities' }, { text: 'We move at a similar pace' }];

type Person = Attrs & { answers: number[] | null };

function truthOf(population: Person[]): TruthCell[] {
  const cells = new Map<string, TruthCell>();
  for (const p of population) {
    const key = { side: p.side, level: p.level, department: p.department, location: p.location };
    const id = keyId(key);
    const c = cells.get(id) ?? { key, invited: 0, respondents: [] };
    c.invited++;
    if (p.answers) c.respondents.push(p.answers);
    cells.set(id, c);
  }
  return [...cells.values()];
}

/**
 * Every number a leader can read about one closed pulse through the API: results for all 16
 * breakdowns, the CSV of each, the trend, the pulse and the pulse list. Counts and distributions
 * become published segments; the other numbers are checked to be the known invitations.
 */
async function collectApi(admin: Client, pulseId: string, truth: TruthCell[]): Promise<PublishedSegment[]> {
  const out: PublishedSegment[] = [];
  const invitedOf = (key: Key) => truth.filter((c) => DIMS.every((d) => key[d] === undefined || key[d] === c.key[d])).reduce((s, c) => s + c.invited, 0);
  let everyone: number | null = null;
  for (const by of BREAKDOWNS) {
    const q = by ? `?by=${by}` : '';
    const res = await admin.get(`/api/v1/pulses/${pulseId}/results${q}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const here = new Map<string, PublishedSegment>();
    r.questions.forEach((question: { segments: { key: Key; suppressed?: true; n: number; distribution: number[] }[] }, qi: number) => {
      for (const s of question.segments) {
        if (s.suppressed) continue;
        const p = here.get(keyId(s.key)) ?? { key: s.key, n: s.n, tallies: r.questions.map(() => [0, 0, 0, 0, 0]) };
        p.tallies[qi] = s.distribution;
        here.set(keyId(s.key), p);
      }
    });
    out.push(...here.values());
    for (const rr of r.responseRates) {
      expect(rr.invited).toBe(invitedOf(rr.key));
      if (!rr.suppressed) expect(here.get(keyId(rr.key))?.n).toBe(rr.responded);
    }
    if (r.respondents !== null) everyone = r.respondents;
    // The CSV holds the same numbers: every number in a score or response-rate row is a visible segment's.
    const label = (key: Key) => DIMS.filter((d) => key[d] !== undefined).map((d) => `${d}=${key[d]}`).join('; ') || 'Everyone';
    const byLabel = new Map([...here.values()].map((p) => [label(p.key), p]));
    const csv = Papa.parse<Record<string, string>>((await admin.get(`/api/v1/pulses/${pulseId}/results.csv${q}`)).body.trim(), { header: true }).data;
    for (const row of csv) {
      if (row.section === 'score' && row.n !== '') expect(byLabel.get(row.segment!)?.n).toBe(Number(row.n));
      if (row.section === 'response_rate' && row.responded !== '') expect(byLabel.get(row.segment!)?.n).toBe(Number(row.responded));
    }
  }
  // The trend shows, per question, segments of this pulse: each must be one the results publish, with the same numbers.
  const trend = (await admin.get('/api/v1/pulses/trend')).json();
  trend.questions.forEach((tq: { points: { pulseId: string; segments: { key: Key; suppressed?: true; n: number; distribution: number[] }[] }[] }, qi: number) => {
    for (const point of tq.points.filter((x) => x.pulseId === pulseId)) {
      for (const s of point.segments) {
        if (s.suppressed) continue;
        const published = out.find((p) => keyId(p.key) === keyId(s.key));
        expect(published, `the trend shows ${keyId(s.key)}, which the results do not`).toBeDefined();
        expect([published!.n, published!.tallies[qi]]).toEqual([s.n, s.distribution]);
      }
    }
  });
  const pulse = (await admin.get(`/api/v1/pulses/${pulseId}`)).json();
  const listed = (await admin.get('/api/v1/pulses')).json().items.find((p: { id: string }) => p.id === pulseId);
  expect(listed.respondents).toBe(pulse.respondents);
  if (pulse.respondents !== null || everyone !== null) expect(pulse.respondents).toBe(everyone);
  return out;
}

async function runPulse(t: MailApp, admin: Client, population: Person[], k: number, tag: string) {
  const org = await admin.post('/api/v1/orgs', { name: `Org ${tag}`, currency: 'EUR' });
  expect(org.statusCode).toBe(201);
  await importPeople(admin, population, `${tag}x`);
  const p = await createPulse(admin, { title: `Pulse ${tag}`, questions: QUESTIONS, minGroupSize: k, minCommentGroupSize: Math.max(k, 10) });
  const inv = await invite(admin, p.id, t.smtp);
  const people = (await admin.get('/api/v1/people?limit=500')).json().items as { id: string; email: string }[];
  const indexOf = new Map(people.map((x) => [x.id, Number(/x(\d+)@/.exec(x.email)![1])]));
  for (const i of inv.invitations) {
    const v = population[indexOf.get(i.personId)!]!.answers;
    if (v !== null) expect((await respond(t.app, i.token!, p.questions, (qi) => v[qi]!)).statusCode).toBe(201);
  }
  // While open: no count anywhere, only invitations.
  const live = (await admin.get(`/api/v1/pulses/${p.id}/results?by=side,level,department,location`)).json();
  expect(live.respondents).toBeNull();
  expect(live.responseRates.every((r: { suppressed?: true }) => r.suppressed)).toBe(true);
  expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().respondents).toBeNull();
  expect((await admin.post(`/api/v1/pulses/${p.id}/close`)).statusCode).toBe(200);
  return p.id;
}

const person = fc.record({
  side: fc.constantFrom('it' as const, 'business' as const),
  level: fc.constantFrom('leader' as const, 'employee' as const, 'employee' as const),
  department: fc.constantFrom('Sales', 'Sales', 'Apps'),
  location: fc.constantFrom('Oslo', 'Oslo', 'Lima'),
  answers: fc.option(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { freq: 3 }),
});

/** Issue 18's worked example as people: k = 5, one department and location, two extra invitations per cell. */
const WORKED: Person[] = [
  ...Array.from({ length: 7 }, (_, i): Person => ({ side: 'it', level: 'leader', department: 'Ops', location: 'Oslo', answers: i < 5 ? [4, 4] : null })),
  ...Array.from({ length: 7 }, (_, i): Person => ({ side: 'it', level: 'employee', department: 'Ops', location: 'Oslo', answers: i < 5 ? [3, 2] : null })),
  ...Array.from({ length: 10 }, (_, i): Person => ({ side: 'business', level: 'leader', department: 'Ops', location: 'Oslo', answers: i < 8 ? [5, 4] : null })),
  ...Array.from({ length: 4 }, (_, i): Person => ({ side: 'business', level: 'employee', department: 'Ops', location: 'Oslo', answers: i < 2 ? [1 + i, 2 - i] : null })),
];

/** The shipped demo's people (apps/server/src/demo/people.ts), 97% answering, as in demo/pulse.ts. */
function demoPopulation(): Person[] {
  const rng = createRng('northwind-audit');
  return demoPeople(createRng('northwind')).map((p) => ({
    side: p.side as Attrs['side'],
    level: p.level as Attrs['level'],
    department: p.department,
    location: p.location ?? '',
    answers: rng.next() < 0.97 ? [1 + Math.floor(rng.next() * 5), 1 + Math.floor(rng.next() * 5)] : null,
  }));
}

/** What decision 020's rule would have published for the same truth, through the same results code. */
function oldRulePublishes(truth: TruthCell[], k: number): PublishedSegment[] {
  const input = {
    questions: QUESTIONS.map((q, i) => ({ id: `q${i}`, text: q.text })),
    invited: truth.map((c) => ({ key: c.key as CellKey, count: c.invited })),
    answers: truth.flatMap((c) => c.respondents.flatMap((r) => r.map((v, i) => ({ questionId: `q${i}`, key: c.key as CellKey, value: v, count: 1 })))),
    minGroupSize: k,
    minCommentGroupSize: 10,
  };
  const lattice = rollUp(truth.map((c) => ({ key: c.key as CellKey, counts: [c.respondents.length] })), DIMS);
  const { visible } = suppressSegments([...lattice.values()].map((s) => ({ id: s.id, key: s.key, n: s.counts[0]! })), k);
  const r = computePulseResults({ ...input, by: [...DIMS], live: false, visible });
  const out = new Map<string, PublishedSegment>();
  r.questions.forEach((q, qi) => {
    for (const s of q.segments) {
      if (s.suppressed) continue;
      const p = out.get(keyId(s.key)) ?? { key: s.key, n: s.n, tallies: QUESTIONS.map(() => [0, 0, 0, 0, 0]) };
      p.tallies[qi] = s.distribution;
      out.set(keyId(s.key), p);
    }
  });
  return [...out.values()];
}

/**
 * The attacker's test end to end: every number the API gives a leader about a closed pulse goes to
 * the independent exact audit (packages/core/src/pulse/exact-audit.testkit.ts); no group of 1..k−1
 * respondents may have a determined count or answer tally.
 */
describe.each(engines())('pulse disclosure through the API on %s', (engine) => {
  let t: MailApp;
  let admin: Client;
  beforeAll(async () => {
    // Person links reach people only by mail (decision 024): the test reads them from a real SMTP server.
    t = await createMailApp(engine, { TANDEM_RESPOND_RATE_LIMIT: '100000', TANDEM_AUTH_RATE_LIMIT: '1000' });
    admin = (await setUp(t.app)).client;
  });
  afterAll(() => t.close());

  it('the worked example: nothing determines the 2 Business employees (the old rule did)', async () => {
    const truth = truthOf(WORKED);
    expect(failures(exactAudit(truth, oldRulePublishes(truth, 5), 5, 2)).map((v) => v.group)).toContain('side=business|level=employee');
    const id = await runPulse(t, admin, WORKED, 5, 'worked');
    const verdicts = exactAudit(truth, await collectApi(admin, id, truth), 5, 2);
    expect(verdicts.some((v) => v.group === 'side=business|level=employee')).toBe(true);
    expect(failures(verdicts)).toEqual([]);
  });

  it('a demo-shaped population (about 150 people, 13 departments, 5 locations): the old rule leaked, the audit does not', async () => {
    const population = demoPopulation();
    const truth = truthOf(population);
    expect(failures(exactAudit(truth, oldRulePublishes(truth, 5), 5, 2)).length).toBeGreaterThan(0);
    const id = await runPulse(t, admin, population, 5, 'demo');
    const verdicts = exactAudit(truth, await collectApi(admin, id, truth), 5, 2);
    console.log(`demo-shaped pulse (${engine}): ${verdicts.length} groups of 1..4 respondents audited, ${failures(verdicts).length} determined`);
    expect(failures(verdicts)).toEqual([]);
  }, 240_000);

  it('random populations: no group of 1..k−1 respondents is determined by anything the API returns', async () => {
    let run = 0;
    let groups = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 60, size: 'max' }), fc.constantFrom(3, 5), async (population, k) => {
        run++;
        const truth = truthOf(population);
        const id = await runPulse(t, admin, population, k, `r${run}`);
        const verdicts = exactAudit(truth, await collectApi(admin, id, truth), k, 2);
        groups += verdicts.length;
        expect(failures(verdicts)).toEqual([]);
      }),
      { numRuns: 5, seed: 4242 },
    );
    console.log(`pulse disclosure through the API (${engine}): ${run} populations, ${groups} groups of 1..k−1 audited, 0 determined`);
    expect(groups).toBeGreaterThan(5);
  }, 240_000);
});
