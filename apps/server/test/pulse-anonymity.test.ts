import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, setUp, type Client } from './harness';
import { createMailApp, createPulse, importPeople, invite, respond, type Attrs } from './pulse-helpers';

const DIMS = ['side', 'level', 'department', 'location'] as const;
type Key = Partial<Record<(typeof DIMS)[number], string>>;
const id = (k: Key) => DIMS.filter((d) => k[d] !== undefined).map((d) => `${d}=${k[d]}`).join('|');
const contains = (outer: Key, inner: Key) => DIMS.every((d) => outer[d] === undefined || inner[d] === outer[d]);

/** Every `by` a leader can ask for: all 16 subsets of the four dimensions. */
const BREAKDOWNS = Array.from({ length: 16 }, (_, m) => DIMS.filter((_, i) => m & (1 << i)).join(','));

const person = fc.record({
  side: fc.constantFrom('it' as const, 'business' as const),
  level: fc.constantFrom('leader' as const, 'employee' as const, 'employee' as const),
  department: fc.constantFrom('Sales', 'Sales', 'Apps'),
  location: fc.constantFrom('Oslo', 'Oslo', 'Lima'),
  answers: fc.boolean().chain((a) => (a ? fc.integer({ min: 1, max: 5 }).map((v) => v as number | null) : fc.constant(null))),
});

/**
 * The anonymity invariant end to end: random populations, answers and k; every number a leader can
 * read through the API (results for all 16 breakdowns, response rates, CSV, the pulse itself) is
 * gathered, and no two of them, one nested in the other, differ by 1..k−1 respondents.
 */
describe.each(engines())('pulse anonymity through the API on %s (property)', (engine) => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let admin: Client;
  beforeAll(async () => {
    // Person links reach people only by mail (decision 024): the test reads them from a real SMTP server.
    t = await createMailApp(engine, { TANDEM_RESPOND_RATE_LIMIT: '100000', TANDEM_AUTH_RATE_LIMIT: '1000' });
    admin = (await setUp(t.app)).client;
  });
  afterAll(() => t.close());

  it('no pair of visible aggregates isolates fewer than k people', async () => {
    let run = 0;
    let pairs = 0;
    let numbers = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 110, size: 'max' }), fc.integer({ min: 3, max: 6 }), async (population, k) => {
        run++;
        const org = await admin.post('/api/v1/orgs', { name: `Run ${run}`, currency: 'EUR' });
        expect(org.statusCode).toBe(201);
        await importPeople(admin, population.map(({ side, level, department, location }): Attrs => ({ side, level, department, location })), `r${run}x`);
        const p = await createPulse(admin, { title: `Run ${run}`, questions: [{ text: 'IT and Business are aligned on tech priorities' }, { text: 'We move at a similar pace' }], minGroupSize: k, minCommentGroupSize: Math.max(k, 10) });
        const inv = await invite(admin, p.id, t.smtp);
        const people = (await admin.get('/api/v1/people')).json().people as { id: string; email: string }[];
        const indexOf = new Map(people.map((x) => [x.id, Number(/x(\d+)@/.exec(x.email)![1])]));
        for (const i of inv.invitations) {
          const v = population[indexOf.get(i.personId)!]!.answers;
          if (v !== null) expect((await respond(t.app, i.token!, p.questions, v)).statusCode).toBe(201);
        }
        await admin.post(`/api/v1/pulses/${p.id}/close`);

        const seen = new Map<string, { key: Key; n: number }>();
        const record = (key: Key, n: number) => {
          numbers++;
          const prev = seen.get(id(key));
          if (prev) expect(prev.n).toBe(n);
          seen.set(id(key), { key, n });
        };
        for (const by of BREAKDOWNS) {
          const r = (await admin.get(`/api/v1/pulses/${p.id}/results${by ? `?by=${by}` : ''}`)).json();
          for (const q of r.questions) for (const s of q.segments) if (!s.suppressed) record(s.key, s.n);
          for (const rr of r.responseRates) if (!rr.suppressed) record(rr.key, rr.responded);
          if (r.respondents !== null) record({}, r.respondents);
          const csv = (await admin.get(`/api/v1/pulses/${p.id}/results.csv${by ? `?by=${by}` : ''}`)).body;
          expect(csv.split('\r\n').filter((l) => l.startsWith('score,')).length).toBe(r.questions.reduce((s: number, q: { segments: unknown[] }) => s + q.segments.length, 0));
        }
        const pulse = (await admin.get(`/api/v1/pulses/${p.id}`)).json();
        if (pulse.respondents !== null) record({}, pulse.respondents);

        const answered = population.filter((x) => x.answers !== null);
        for (const { key, n } of seen.values()) {
          expect(n).toBeGreaterThanOrEqual(k);
          expect(n).toBe(answered.filter((x) => contains(key, x as unknown as Key)).length);
        }
        const vis = [...seen.values()];
        for (const a of vis) {
          for (const b of vis) {
            if (a === b || !contains(b.key, a.key)) continue;
            pairs++;
            const diff = b.n - a.n;
            expect(diff === 0 || diff >= k, `${id(b.key)} (${b.n}) − ${id(a.key)} (${a.n}) = ${diff} < k=${k}`).toBe(true);
          }
        }
      }),
      { numRuns: 6, seed: 4242 },
    );
    console.log(`pulse anonymity through the API (${engine}): ${run} populations, ${numbers} visible numbers read, ${pairs} nested pairs of visible aggregates tried, 0 isolating fewer than k`);
    expect(pairs).toBeGreaterThan(20);
  }, 240_000);
});
