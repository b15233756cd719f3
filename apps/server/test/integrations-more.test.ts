import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';
import { startReceiver } from './receiver';

const SECRET_KEY = 'test-secret-key-0123456789-abcdefghijkl';

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

describe.each(engines())('webhook editing, more events and the fuller calendar feed on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let memberPersonId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const events = () => receiver.received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp(engine, { env: { TANDEM_SECRET_KEY: SECRET_KEY, TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', TANDEM_SESSION_IDLE_MINUTES: '43200' } });
    owner = (await setUp(t.app)).client;
    memberPersonId = (await owner.post('/api/v1/people', { name: 'Mo Member', email: 'mo@acme.test', department: 'Sales', side: 'business', level: 'employee' })).json().id;
    member = (await invite(t.app, owner, 'mo@acme.test', 'member', 'Mo Member')).client;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('edits a webhook, disables it (nothing queued, pending ones wait, no test), enables it again, and audits each change', async () => {
    const hook = (await owner.post('/api/v1/webhooks', { kind: 'slack', url: `${receiver.url}/chat`, events: ['request.status_changed'] })).json();
    const edited = await owner.patch(`/api/v1/webhooks/${hook.id}`, { kind: 'json', url: `${receiver.url}/edited`, events: ['request.status_changed', 'hackweek.voting_open'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ id: hook.id, kind: 'json', url: `${receiver.url}/edited`, events: ['request.status_changed', 'hackweek.voting_open'], signed: true, active: true });
    // Turned into JSON without a secret: one is made and shown here once.
    expect(edited.json().secret).toMatch(/^whsec_/);

    // Bad input: 400 with the reason, nothing changed; a member may not edit; a random id is 404.
    for (const [body, word] of [
      [{ url: 'http://10.0.0.5/x' }, 'private'],
      [{ events: [] }, 'events'],
      [{ events: ['pulse.exploded'] }, 'events'],
      [{}, 'at least one'],
      [{ active: 'no' }, 'active'],
    ] as const) {
      const res = await owner.patch(`/api/v1/webhooks/${hook.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(word);
    }
    expect((await member.patch(`/api/v1/webhooks/${hook.id}`, { active: false })).statusCode).toBe(403);
    expect((await owner.patch('/api/v1/webhooks/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
    expect((await owner.get('/api/v1/webhooks')).json().items[0]).toMatchObject({ url: `${receiver.url}/edited`, active: true });

    // A change queued while enabled, then the webhook disabled before the job runs: it waits.
    const req = (await owner.post('/api/v1/requests', { title: 'New laptop for design' })).json();
    expect((await owner.patch(`/api/v1/requests/${req.id}`, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await owner.patch(`/api/v1/webhooks/${hook.id}`, { active: false })).json()).toMatchObject({ active: false, secret: null });
    expect((await owner.patch(`/api/v1/requests/${req.id}`, { status: 'done' })).statusCode).toBe(200);
    const test = await owner.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(test.statusCode).toBe(409);
    await t.app.jobs.tick(t.clock.now);
    expect(receiver.received).toHaveLength(0);
    const log = (await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items;
    expect(log.map((d: { status: string }) => d.status)).toEqual(['pending']);

    // Enabled again: the waiting delivery goes out; the change made while disabled was never queued.
    expect((await owner.patch(`/api/v1/webhooks/${hook.id}`, { active: true })).json().active).toBe(true);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await t.app.jobs.tick(t.clock.now);
    expect(receiver.received.map((r) => r.url)).toEqual(['/edited']);
    expect(events()[0]).toMatchObject({ event: 'request.status_changed', data: { requestId: req.id, from: 'new', to: 'in_progress' } });
    expect(receiver.received[0]!.headers['x-tandem-signature']).toMatch(/^sha256=/);

    const audit = (await owner.get('/api/v1/audit?limit=50')).json();
    const actions = (audit.items ?? audit).filter((a: { target: string | null }) => a.target === hook.id).map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['webhook.created', 'webhook.updated', 'webhook.disabled', 'webhook.enabled']));
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('queues hackweek voting, coffee rounds and deferred needs past their cost through the outbox, each once', async () => {
    const hook = (await owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/all`, events: ['hackweek.voting_open', 'coffee.round_made', 'deferred_need.cost_passed'], secret: 'another-signing-secret-123' })).json();
    const from = receiver.received.length;

    const hw = (await owner.post('/api/v1/hackweeks', { title: 'Winter hackweek', startDate: '2026-12-07', endDate: '2026-12-11', maxTeamSize: 2 })).json();
    for (const phase of ['teams', 'hacking', 'demos', 'voting']) expect((await owner.post(`/api/v1/hackweeks/${hw.id}/phase`, { phase })).statusCode).toBe(200);

    const a = (await owner.post('/api/v1/people', { name: 'Ivy IT', email: 'ivy@acme.test', department: 'Platform', side: 'it', level: 'employee' })).json().id;
    const prog = (await owner.post('/api/v1/crossover/programmes', { name: 'Coffee across', cadence: 'weekly', groupSize: 2, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true })).json().id;
    expect((await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${prog}/participants`, json: { personIds: [a, memberPersonId] } })).statusCode).toBe(200);
    const round = await owner.post(`/api/v1/crossover/programmes/${prog}/rounds`);
    expect(round.statusCode, round.body).toBe(201);

    // Exposure after two years: (1 − 0.8²) × 100 000 = 36 000 > 15 000; a small need never passes.
    await owner.post('/api/v1/deferred-needs', { title: 'Replace the old generator', costNow: 15_000, annualFailureProbability: 0.2, impact: 100_000, deferredAt: '2024-11-28' });
    await owner.post('/api/v1/deferred-needs', { title: 'Patch the old switch', costNow: 50_000, annualFailureProbability: 0.05, impact: 20_000, deferredAt: '2026-05-28' });
    for (const hours of [1, 2]) {
      t.clock.now = new Date(t.clock.now.getTime() + hours * 3_600_000);
      await t.app.jobs.tick(t.clock.now);
    }
    const got = receiver.received.slice(from).filter((r) => r.url === '/all').map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
    expect(got.map((e) => e.event).sort()).toEqual(['coffee.round_made', 'deferred_need.cost_passed', 'hackweek.voting_open']);
    expect(got.find((e) => e.event === 'coffee.round_made')!.data).toMatchObject({ people: 2, groups: 1 });
    // Counts only: who meets whom does not leave Tandem.
    expect(JSON.stringify(got.find((e) => e.event === 'coffee.round_made'))).not.toContain('Mo Member');
    expect(got.find((e) => e.event === 'deferred_need.cost_passed')!.data).toMatchObject({ title: 'Replace the old generator', costNow: 15_000 });
    const log = (await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items;
    expect(log.every((d: { status: string }) => d.status === 'delivered')).toBe(true);
  });

  it('puts invited demos, round-tables and audience pulse deadlines in the feed, the same before and after answering', async () => {
    const demo = (await owner.post('/api/v1/demos', { title: 'Sprint 42', date: '2026-12-10T14:00:00Z', itemRefs: [], inviteePersonIds: [memberPersonId] })).json();
    const other = (await owner.post('/api/v1/demos', { title: 'Not for Mo', date: '2026-12-11T14:00:00Z', itemRefs: [], inviteePersonIds: [] })).json();
    expect(other.id).toBeTruthy();
    await owner.post('/api/v1/roundtables', { title: 'Business lunch', date: '2026-12-15', inviteePersonIds: [memberPersonId], questions: ['What slows you down?'] });
    const pulse = (await owner.post('/api/v1/pulses', { title: 'December pulse', template: 'tech-priorities-alignment', closesAt: '2026-12-20T17:00:00Z' })).json();
    const itPulse = (await owner.post('/api/v1/pulses', { title: 'IT only', template: 'tech-priorities-alignment', audience: { side: 'it' }, closesAt: '2026-12-21T17:00:00Z' })).json();
    expect((await owner.post(`/api/v1/pulses/${pulse.id}/open`)).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/pulses/${itPulse.id}/open`)).statusCode).toBe(200);

    const url = new URL((await member.post('/api/v1/me/calendar-feed')).json().url).pathname;
    const anon = new Client(t.app);
    const before = await anon.get(url);
    expect(before.statusCode).toBe(200);
    const evs = parseIcs(before.body);
    const byUid = new Map(evs.map((e) => [e.uid, e]));
    expect(byUid.get(`demo-${demo.id}@tandem`)!.summary).toBe('Sprint demo: Sprint 42');
    expect(byUid.get(`demo-${demo.id}@tandem`)!.startDate.toJSDate().toISOString()).toBe('2026-12-10T14:00:00.000Z');
    expect(evs.some((e) => e.summary === 'Round-table: Business lunch' && e.startDate.isDate)).toBe(true);
    expect(byUid.get(`pulse-deadline-${pulse.id}@tandem`)!.endDate.toJSDate().toISOString()).toBe('2026-12-20T17:00:00.000Z');
    expect(evs.map((e) => e.summary)).not.toContain('Sprint demo: Not for Mo');
    // Mo is on the business side: not in the IT pulse's audience.
    expect(byUid.has(`pulse-deadline-${itPulse.id}@tandem`)).toBe(false);

    // Answering changes nothing in the feed (but the stamp): being in an audience is not an answer.
    expect((await owner.post(`/api/v1/pulses/${pulse.id}/invitations`, { unlinked: true, count: 1 })).statusCode).toBe(201);
    const form = (await member.get(`/api/v1/me/pulses/${pulse.id}`)).json();
    const answered = await member.post(`/api/v1/me/pulses/${pulse.id}/response`, { answers: form.questions.map((q: { id: string }) => ({ questionId: q.id, value: 4 })) });
    expect(answered.statusCode, answered.body).toBeLessThan(300);
    const after = await anon.get(url);
    const strip = (s: string) => s.replace(/^DTSTAMP:.*$/gm, '');
    expect(strip(after.body)).toBe(strip(before.body));

    // A pulse closed early moves its deadline in place (same UID, new time).
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    const closedAt = t.clock.now.toISOString();
    expect((await owner.post(`/api/v1/pulses/${pulse.id}/close`)).statusCode).toBe(200);
    const moved = parseIcs((await anon.get(url)).body).filter((e) => e.uid === `pulse-deadline-${pulse.id}@tandem`);
    expect(moved.map((e) => e.endDate.toJSDate().toISOString())).toEqual([closedAt]);
  });
});
