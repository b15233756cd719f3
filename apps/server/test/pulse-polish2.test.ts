import { sql } from 'drizzle-orm';
import { addMonthsUtc } from '@tandem/core';
import { queryRows } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNextPulses } from '../src/features/pulse/repeat-pulses';
import { Client, createTestApp, engines, invite as inviteMember, OWNER, setUp, type TestApp } from './harness';
import { createMailApp, createPulse, group, importPeople, issueUnlinked, mailedLinks, respond, type Attrs } from './pulse-helpers';

const IT_EMP: Attrs = { side: 'it', level: 'employee', department: 'Apps', location: 'Oslo' };
const BIZ_LEAD: Attrs = { side: 'business', level: 'leader', department: 'Sales', location: 'Lima' };
const K3 = { template: 'tech-priorities-alignment', minGroupSize: 3, minCommentGroupSize: 3 };
const DAY = 86_400_000;

/** A closed pulse of unlinked links: `answers[i]` is the value every statement gets from respondent i, with its stated segment. */
async function closedPulse(t: TestApp, admin: Client, title: string, answers: { value: number; segment: Partial<Attrs> }[], extra: Record<string, unknown> = {}) {
  const p = await createPulse(admin, { title, ...K3, ...extra });
  const links = await issueUnlinked(admin, p.id, answers.length);
  for (const [i, a] of answers.entries()) expect((await respond(t.app, links[i]!.token, p.questions, a.value, undefined, a.segment)).statusCode).toBe(201);
  expect((await admin.post(`/api/v1/pulses/${p.id}/close`)).statusCode).toBe(200);
  return p;
}

/** After the clock jumps months ahead the session has ended, as it would for a person: sign in again. */
async function signIn(c: Client) {
  expect((await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password })).statusCode).toBe(200);
}

async function count(t: TestApp, table: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return Number(r!.n);
}

describe.each(engines())('pulse polish 2 (paged lists, actions, change since last pulse, repeats) on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let people: { id: string; name: string }[];
  const itEmp = { side: 'it', level: 'employee' } as const;
  const bizLead = { side: 'business', level: 'leader' } as const;

  beforeAll(async () => {
    // The jobs tick months ahead, and the daily housekeeping would end idle sessions.
    t = await createTestApp(engine, { env: { TANDEM_RESPOND_RATE_LIMIT: '100000', TANDEM_SESSION_IDLE_MINUTES: '1000000' } });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, [...group(4, IT_EMP), ...group(3, BIZ_LEAD)], 'pp');
    people = (await admin.get('/api/v1/people?limit=500')).json().items;
  });
  afterAll(() => t.close());

  let first: { id: string; questions: { id: string }[] };
  let second: { id: string; questions: { id: string }[] };

  it('compares each visible segment with the previous closed pulse, and never a hidden one', async () => {
    // January: 3 IT employees disagree (2), 3 Business leaders agree (5): every segment visible.
    first = await closedPulse(t, admin, 'January', [...[0, 1, 2].map(() => ({ value: 2, segment: itEmp })), ...[0, 1, 2].map(() => ({ value: 5, segment: bizLead }))]);
    t.clock.now = new Date(t.clock.now.getTime() + DAY);
    // February: 3 IT employees agree (4), 1 Business leader: Business is hidden (1 < 3), and the audit hides more so that it cannot be worked out.
    second = await closedPulse(t, admin, 'February', [...[0, 1, 2].map(() => ({ value: 4, segment: itEmp })), { value: 5, segment: bizLead }]);
    const r = (await admin.get(`/api/v1/pulses/${second.id}/results?by=side`)).json();
    expect(r.previous).toMatchObject({ pulseId: first.id, title: 'January' });
    const prev = (await admin.get(`/api/v1/pulses/${first.id}/results?by=side`)).json();
    const then = new Map(prev.questions[0].segments.map((s: { key: object }) => [JSON.stringify(s.key), s]));
    let shown = 0;
    for (const seg of r.questions[0].segments as { key: object; suppressed?: true; n: number; favourable: number; distribution: number[]; change?: { favourable: number; distribution: number[] } | null }[]) {
      const old = then.get(JSON.stringify(seg.key)) as typeof seg;
      expect(old.suppressed).toBeUndefined();
      if (seg.suppressed) {
        // A hidden segment carries nothing, not even a change.
        expect(Object.keys(seg).sort()).toEqual(['key', 'suppressed']);
        continue;
      }
      shown++;
      // Each change is exactly the difference of two published numbers.
      expect(seg.change!.favourable).toBeCloseTo(seg.favourable - old.favourable, 12);
      seg.change!.distribution.forEach((d, i) => expect(d).toBeCloseTo(seg.distribution[i]! / seg.n - old.distribution[i]! / old.n, 12));
    }
    expect(shown).toBeGreaterThan(0);
    expect(r.questions[0].segments.find((s: { key: object }) => JSON.stringify(s.key) === '{"side":"business"}').suppressed).toBe(true);
    // The first pulse has nothing before it.
    expect(prev.previous).toBeNull();
  });

  it('gives a member the change only against a published previous pulse', async () => {
    const member = (await inviteMember(t.app, admin, 'member@acme.test', 'member')).client;
    expect((await admin.post(`/api/v1/pulses/${second.id}/publish`)).statusCode).toBe(200);
    const before = (await member.get(`/api/v1/pulses/${second.id}/results`)).json();
    expect(before.previous).toBeNull();
    expect(before.questions[0].segments[0].change).toBeUndefined();
    expect((await admin.post(`/api/v1/pulses/${first.id}/publish`)).statusCode).toBe(200);
    const after = (await member.get(`/api/v1/pulses/${second.id}/results`)).json();
    expect(after.previous.pulseId).toBe(first.id);
    expect(after.questions[0].segments[0].change.favourable).toBeGreaterThan(0);
  });

  it('pages the pulse list newest first by cursor, filters archived, shows members published ones only', async () => {
    await createPulse(admin, { title: 'Draft A', ...K3 });
    await createPulse(admin, { title: 'Draft B', ...K3 });
    const all: { title: string }[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const res = await admin.get(`/api/v1/pulses?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      sizes.push(res.json().items.length);
      all.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2]);
    expect(all.map((p) => p.title)).toEqual((await admin.get('/api/v1/pulses')).json().items.map((p: { title: string }) => p.title));
    expect(new Set(all.map((p) => p.title))).toEqual(new Set(['January', 'February', 'Draft A', 'Draft B']));
    expect((await admin.post(`/api/v1/pulses/${first.id}/archive`)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/pulses?archived=true')).json().items.map((p: { title: string }) => p.title)).toEqual(['January']);
    expect((await admin.get('/api/v1/pulses?archived=false')).json().items).toHaveLength(3);
    expect((await admin.post(`/api/v1/pulses/${first.id}/unarchive`)).statusCode).toBe(200);
    const member = new Client(t.app);
    await member.post('/api/v1/auth/login', { email: 'member@acme.test', password: 'a long enough password' });
    expect((await member.get('/api/v1/pulses?limit=1')).json().items).toHaveLength(1);
    expect((await member.get('/api/v1/pulses')).json().items.map((p: { title: string }) => p.title).sort()).toEqual(['February', 'January']);
    for (const bad of ['limit=0', 'limit=501', 'cursor=not!base64', `cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'archived=maybe']) {
      const res = await admin.get(`/api/v1/pulses?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
  });

  it('creates actions from a result, lists them paged by due date, tracks them to done, and refuses bad input writing nothing', async () => {
    const goal = (await admin.post('/api/v1/goals', { title: 'Shared roadmap' })).json();
    const owner = people[0]!;
    const base = { title: 'Open the roadmap review to employees', questionId: second.questions[0]!.id, segment: { side: 'it' }, ownerId: owner.id, dueDate: '2027-01-15', goalId: goal.id };
    const created = await admin.post(`/api/v1/pulses/${second.id}/actions`, base);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ pulseTitle: 'February', segment: { side: 'it' }, ownerName: owner.name, goalTitle: 'Shared roadmap', status: 'open', doneAt: null });
    expect(created.json().questionText).toBeTruthy();
    for (let i = 0; i < 2; i++) expect((await admin.post(`/api/v1/pulses/${second.id}/actions`, { title: `Follow-up ${i}`, ownerId: owner.id, dueDate: `2026-12-1${i}` })).statusCode).toBe(201);
    const before = await count(t, 'pulse_actions');
    const draft = await createPulse(admin, { title: 'Not closed', questions: [{ text: 'Only the draft asks this.' }], minGroupSize: 3, minCommentGroupSize: 3 });
    const bads: [string, unknown, number, string][] = [
      [second.id, { ...base, ownerId: '00000000-0000-4000-8000-000000000000' }, 400, 'ownerId'],
      [second.id, { ...base, goalId: '00000000-0000-4000-8000-000000000000' }, 400, 'goalId'],
      [second.id, { ...base, questionId: draft.questions[0]!.id }, 400, 'questionId'],
      [second.id, { ...base, dueDate: '2027-02-30' }, 400, 'dueDate'],
      [second.id, { ...base, title: 'x' }, 400, 'title'],
      [second.id, { ...base, questionId: undefined }, 400, 'segment'],
      [draft.id, { title: 'Too early', ownerId: owner.id, dueDate: '2027-01-01' }, 409, 'closes'],
    ];
    for (const [pulseId, body, status, word] of bads) {
      const res = await admin.post(`/api/v1/pulses/${pulseId}/actions`, body);
      expect(res.statusCode, word).toBe(status);
      expect(res.json().error.message).toContain(word);
    }
    expect(await count(t, 'pulse_actions')).toBe(before);

    const page1 = (await admin.get(`/api/v1/pulses/actions?pulseId=${second.id}&limit=2`)).json();
    expect(page1.items.map((a: { title: string }) => a.title)).toEqual(['Follow-up 0', 'Follow-up 1']);
    const page2 = (await admin.get(`/api/v1/pulses/actions?pulseId=${second.id}&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((a: { title: string }) => a.title)).toEqual([base.title]);
    expect(page2.nextCursor).toBeNull();

    const done = await admin.patch(`/api/v1/pulses/actions/${created.json().id}`, { status: 'done' });
    expect(done.statusCode).toBe(200);
    expect(done.json().doneAt).toBe(t.clock.now.toISOString());
    expect((await admin.get('/api/v1/pulses/actions?status=done')).json().items.map((a: { id: string }) => a.id)).toEqual([created.json().id]);
    expect((await admin.get('/api/v1/pulses/actions?status=open')).json().items).toHaveLength(2);
    expect((await admin.patch(`/api/v1/pulses/actions/${created.json().id}`, { status: 'open' })).json().doneAt).toBeNull();
    // Deleting the goal in the roadmap never fails on the action; the action shows the link as gone.
    expect((await admin.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(200);
    const gone = (await admin.get(`/api/v1/pulses/actions?pulseId=${second.id}`)).json().items.find((a: { id: string }) => a.id === created.json().id);
    expect(gone).toMatchObject({ goalId: goal.id, goalTitle: null });

    // Another organisation sees none of it.
    const outsider = (await inviteMember(t.app, admin, 'outsider@acme.test', 'member', 'Oscar', 'quiet foreign meadow 9')).client;
    expect((await outsider.post('/api/v1/orgs', { name: 'Other', currency: 'USD' })).statusCode).toBe(201);
    const members = (await admin.get('/api/v1/members')).json().items as { email: string; userId: string }[];
    await admin.delete(`/api/v1/members/${members.find((m) => m.email === 'outsider@acme.test')!.userId}`);
    const otherAdmin = new Client(t.app);
    await otherAdmin.post('/api/v1/auth/login', { email: 'outsider@acme.test', password: 'quiet foreign meadow 9' });
    expect((await otherAdmin.get('/api/v1/pulses/actions')).json().items).toEqual([]);
    expect((await otherAdmin.get(`/api/v1/pulses/actions?pulseId=${second.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/pulses/actions/${created.json().id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/pulses/actions/${created.json().id}`)).statusCode).toBe(404);
    // A member cannot reach actions at all.
    const member = new Client(t.app);
    await member.post('/api/v1/auth/login', { email: 'member@acme.test', password: 'a long enough password' });
    expect((await member.get('/api/v1/pulses/actions')).statusCode).toBe(403);
  });

  it('makes the next pulse of a repeating one once it closes, exactly once, as a draft with the same statements and audience', async () => {
    const opensAt = new Date(t.clock.now.getTime() + DAY);
    const p = await createPulse(admin, {
      title: 'Team pulse 2026 Q4',
      questions: [{ text: 'We know why the roadmap changed.' }],
      minGroupSize: 3,
      minCommentGroupSize: 3,
      audience: { side: 'it' },
      opensAt: opensAt.toISOString(),
      closesAt: new Date(opensAt.getTime() + 7 * DAY).toISOString(),
      repeat: { every: 'quarter' },
    });
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().repeat).toEqual({ every: 'quarter', autoOpen: false });
    // A draft, or an open pulse, has no successor yet.
    expect(await makeNextPulses(t.app.ctx, t.clock.now)).toBe(0);
    await issueUnlinked(admin, p.id, 3);
    expect(await makeNextPulses(t.app.ctx, opensAt)).toBe(0);
    // A week later it has closed by itself; the hourly job makes the next one.
    t.clock.now = new Date(opensAt.getTime() + 8 * DAY);
    const ran = await t.app.jobs.tick(t.clock.now);
    expect(ran.find((r) => r.job === 'pulse.repeat')).toMatchObject({ ran: true });
    expect(ran.find((r) => r.job === 'pulse.repeat')?.error).toBeUndefined();
    // Two more makers at once (another instance, the next slot) add nothing.
    expect((await Promise.all([makeNextPulses(t.app.ctx, t.clock.now), makeNextPulses(t.app.ctx, t.clock.now)])).reduce((a, b) => a + b, 0)).toBe(0);
    const [next, ...more] = (await queryRows<{ id: string }>(t.database.db, sql`select id from pulses where previous_pulse_id = ${p.id}`)).map((r) => r.id);
    expect(more).toEqual([]);
    await signIn(admin);
    const n = (await admin.get(`/api/v1/pulses/${next}`)).json();
    expect(n).toMatchObject({ title: 'Team pulse 2027 Q1', status: 'draft', audience: { side: 'it' }, minGroupSize: 3, previousPulseId: p.id, repeat: { every: 'quarter', autoOpen: false } });
    expect(n.questions.map((q: { text: string }) => q.text)).toEqual(['We know why the roadmap changed.']);
    const threeMonths = addMonthsUtc(opensAt, 3);
    expect(n.opensAt).toBe(threeMonths.toISOString());
    expect(new Date(n.closesAt).getTime() - new Date(n.opensAt).getTime()).toBe(7 * DAY);
    // A draft that is not auto-open stays a draft when its date comes.
    t.clock.now = new Date(threeMonths.getTime() + 3_600_000);
    await t.app.jobs.tick(t.clock.now);
    await signIn(admin);
    expect((await admin.get(`/api/v1/pulses/${next}`)).json().status).toBe('draft');
    // Stopping the series on a closed pulse is allowed; anything else still is not.
    expect((await admin.patch(`/api/v1/pulses/${p.id}`, { repeat: null })).json().repeat).toBeNull();
    expect((await admin.patch(`/api/v1/pulses/${p.id}`, { title: 'Renamed' })).statusCode).toBe(409);
    expect((await admin.post('/api/v1/pulses', { title: 'Bad', ...K3, repeat: { every: 'week' } })).statusCode).toBe(400);
  });
});

describe.each(engines())('a repeating pulse that opens by itself, with mail, on %s', (engine) => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createMailApp(engine, { TANDEM_SESSION_IDLE_MINUTES: '1000000' });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, group(3, IT_EMP), 'auto');
  });
  afterAll(() => t.close());

  it('opens the next pulse at its date, mails each person their own link once, and closes on schedule', async () => {
    const now = t.clock.now;
    const p = await createPulse(admin, {
      title: 'Monthly pulse',
      ...K3,
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 5 * DAY).toISOString(),
      repeat: { every: 'month', autoOpen: true },
    });
    // The first one opens on the first tick at its date (auto-open applies to every draft of the series).
    const mails = t.smtp.received.length;
    await t.app.jobs.tick(new Date(now.getTime() + 60_000));
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().status).toBe('open');
    expect(mailedLinks(t.smtp.received, mails)).toHaveLength(3);
    // Closed by its date; the next tick makes the next one, and the one after opens it on its date.
    const later = new Date(now.getTime() + 6 * DAY);
    t.clock.now = later;
    await t.app.jobs.tick(later);
    await signIn(admin);
    const [next] = (await queryRows<{ id: string }>(t.database.db, sql`select id from pulses where previous_pulse_id = ${p.id}`)).map((r) => r.id);
    expect((await admin.get(`/api/v1/pulses/${next}`)).json()).toMatchObject({ status: 'draft', title: 'Monthly pulse (2026-12)' });
    const due = new Date((await admin.get(`/api/v1/pulses/${next}`)).json().opensAt);
    const before = t.smtp.received.length;
    t.clock.now = new Date(due.getTime() + 60_000);
    await t.app.jobs.tick(t.clock.now);
    // Another instance's tick in the same hour runs nothing.
    expect((await t.app.jobs.tick(t.clock.now)).find((r) => r.job === 'pulse.repeat')).toMatchObject({ ran: false });
    await signIn(admin);
    expect((await admin.get(`/api/v1/pulses/${next}`)).json().status).toBe('open');
    expect(mailedLinks(t.smtp.received, before)).toHaveLength(3);
    t.clock.now = new Date(due.getTime() + 6 * DAY);
    await signIn(admin);
    expect((await admin.get(`/api/v1/pulses/${next}`)).json().status).toBe('closed');
  });
});
