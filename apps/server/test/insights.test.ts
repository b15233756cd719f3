import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo, DEMO_LOGIN } from '../src/demo/seed';
import { digestJob } from '../src/features/insights/send-digest';
import { JobRunner } from '../src/lib/jobs';
import { createMailer, type Mailer } from '../src/lib/mailer';
import { Client, createTestApp, engines, type TestApp } from './harness';
import { startSmtp } from './smtp';

type Smtp = Awaited<ReturnType<typeof startSmtp>>;
const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const decodeQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

describe.each(engines())('insights on %s', (engine) => {
  let t: TestApp;
  let smtp: Smtp;
  let mailer: Mailer;
  let demo: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@northwind.example>')!;
    // The jobs tick days ahead, and the daily housekeeping would end idle sessions.
    t = await createTestApp(engine, { mailer, env: { TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_SESSION_IDLE_MINUTES: '100000' } });
    await seedDemo(t.app.ctx);
    demo = new Client(t.app);
    expect((await demo.post('/api/v1/auth/login', DEMO_LOGIN)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    mailer.close();
    await smtp.close();
  });

  it("fills every tile from the demo, each equal to its own module's endpoint", async () => {
    const res = await demo.get('/api/v1/insights');
    expect(res.statusCode, res.body).toBe(200);
    const i = res.json();

    const health = (await demo.get('/api/v1/roadmap/health')).json();
    expect(i.health).toMatchObject({ overall: health.overall, scores: health.scores, findings: health.findings.length });
    expect(i.health.trend).toEqual((await demo.get('/api/v1/roadmap/health/history?days=90')).json().snapshots);

    expect(i.gap).not.toBeNull();
    expect(i.gap.byLevel).toEqual((await demo.get(`/api/v1/pulses/${i.gap.pulseId}/results?by=level`)).json().gaps);
    expect(i.gap.bySide).toEqual((await demo.get(`/api/v1/pulses/${i.gap.pulseId}/results?by=side`)).json().gaps);
    const trend = (await demo.get('/api/v1/pulses/trend')).json();
    const lastIds = trend.questions.flatMap((q: { points: { pulseId: string }[] }) => q.points.map((p) => p.pulseId));
    expect(lastIds).toContain(i.gap.pulseId);

    expect(i.agreement).not.toBeNull();
    const results = (await demo.get(`/api/v1/priorities/rounds/${i.agreement.roundId}/results`)).json();
    expect(i.agreement.kendallTauB).toBe(results.agreement.kendallTauB);
    expect(i.agreement.openDisagreements).toBe(results.disagreements.filter((d: { status: string }) => d.status !== 'decided').length);

    const analytics = (await demo.get('/api/v1/requests/analytics')).json();
    expect(i.leadTime).toMatchObject({ p85: analytics.leadTime.p85, doneCount: analytics.doneCount, from: analytics.from, to: analytics.to });
    expect(i.leadTime.ageingCount).toBe(analytics.ageing.filter((a: { percentile: number }) => a.percentile >= 85).length);

    expect(i.deferredExposure).toBe((await demo.get('/api/v1/deferred-needs')).json().totalExposure);

    const value = (await demo.get('/api/v1/value/summary')).json();
    expect(i.value).toEqual({ year: value.year, currency: value.currency, planned: value.planned, realised: value.realised, itEnabledShare: value.itEnabledShare });

    const part = (await demo.get(`/api/v1/participation?from=${i.participation.from}&to=${i.participation.to}`)).json();
    expect(i.participation).toEqual({ from: part.from, to: part.to, business: part.bySide.business.rate, it: part.bySide.it.rate, participants: part.bySide.business.participants + part.bySide.it.participants });
    expect(i.participation.participants).toBeGreaterThan(0);
    expect(i.guidance).toEqual([]);
    expect(i.changes.length).toBeLessThanOrEqual(5);
    for (const c of i.changes) expect(c.text).toMatch(/ (rose|fell) from /);
  });

  it("answers each trend point of lead time as the analytics endpoint does for that day's period", async () => {
    const i = (await demo.get('/api/v1/insights')).json();
    expect(i.leadTime.trend).toHaveLength(4);
    for (const p of i.leadTime.trend) {
      const a = (await demo.get(`/api/v1/requests/analytics?to=${p.label}`)).json();
      expect(p.value, p.label).toBe(a.leadTime?.p85 ?? null);
    }
    expect(i.leadTime.trend.filter((p: { value: number | null }) => p.value !== null).length).toBeGreaterThan(1);
  });

  it("memoises a closed pulse's results per view, and a fresh computation answers the same", async () => {
    const i = (await demo.get('/api/v1/insights')).json();
    const id = i.gap.pulseId as string;
    const views = rowsOf(await t.database.db.execute(sql`select view from pulse_result_memos where pulse_id = ${id} order by view`)).map((r) => r.view);
    expect(views).toEqual(expect.arrayContaining(['level', 'level+comments', 'side+comments']));
    const read = async () => ({
      level: (await demo.get(`/api/v1/pulses/${id}/results?by=level`)).json(),
      sideLevel: (await demo.get(`/api/v1/pulses/${id}/results?by=side,level`)).json(),
      trend: (await demo.get('/api/v1/pulses/trend')).json(),
      insights: (await demo.get('/api/v1/insights')).json(),
    });
    const memoised = await read();
    await t.database.db.execute(sql`delete from pulse_result_memos`);
    const fresh = await read();
    expect(fresh.level).toEqual(memoised.level);
    expect(fresh.sideLevel).toEqual(memoised.sideLevel);
    expect(fresh.trend).toEqual(memoised.trend);
    expect(fresh.insights.gap).toEqual(memoised.insights.gap);
    // A memo of another version is a miss: it is computed again and replaced.
    await t.database.db.execute(sql`update pulse_result_memos set version = 'old', results = '{}'::jsonb where pulse_id = ${id}`);
    expect((await demo.get(`/api/v1/pulses/${id}/results?by=level`)).json()).toEqual(memoised.level);
    const versions = rowsOf(await t.database.db.execute(sql`select version from pulse_result_memos where pulse_id = ${id} and view = 'level+comments'`));
    expect(versions).toHaveLength(1);
    expect(versions[0]!.version).not.toBe('old');
  });

  it('says a change in realised value among the movements, from the entries recorded a month ago', async () => {
    const me = (await demo.get('/api/v1/me')).json();
    const northwind = me.current.id as string;
    expect((await demo.post('/api/v1/orgs', { name: 'Value Co', currency: 'EUR' })).statusCode).toBe(201);
    const ini = (await demo.post('/api/v1/initiatives', { title: 'Webshop' })).json().id;
    const b = await demo.post('/api/v1/value/benefits', { initiativeId: ini, kind: 'revenue', period: '2026-Q4', realised: 12500 });
    expect(b.statusCode, b.body).toBe(201);
    const now = (await demo.get('/api/v1/insights')).json();
    expect(now.value).toMatchObject({ planned: 0, realised: 12500 });
    expect(now.changes).toEqual([{ tile: 'value', from: 0, to: 12500, text: 'Value realised this year rose from 0 EUR to 12,500 EUR (better).' }]);
    // Recorded more than a month ago, the same entry is in both figures: no movement.
    await t.database.db.execute(sql`update value_benefits set recorded_at = recorded_at - interval '40 days' where id = ${b.json().id}`);
    expect((await demo.get('/api/v1/insights')).json().changes).toEqual([]);
    await demo.post(`/api/v1/orgs/${northwind}/switch`);
  });

  it('shows an empty organisation guidance instead of zeros, and keeps the one-screen for leaders', async () => {
    const other = await demo.post('/api/v1/orgs', { name: 'Empty Co', currency: 'EUR' });
    expect(other.statusCode, other.body).toBe(201);
    const i = (await demo.get('/api/v1/insights')).json();
    expect(i).toMatchObject({ gap: null, health: null, agreement: null, leadTime: null, deferredExposure: null, value: null, participation: null, changes: [] });
    expect(i.guidance).toHaveLength(7);
    const me = (await demo.get('/api/v1/me')).json();
    await demo.post(`/api/v1/orgs/${me.organisations.find((o: { name: string }) => o.name === 'Northwind Manufacturing').id}/switch`);
  });

  it('validates digest settings and sends one mail per subscriber per slot across instances, with a working unsubscribe link', async () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ enabled: true, weekday: 1, hour: 24, timeZone: 'UTC' }, /hour/],
      [{ enabled: true, weekday: 1, hour: -1, timeZone: 'UTC' }, /hour/],
      [{ enabled: true, weekday: 1, hour: 8, timeZone: 'Mars/Olympus' }, /time zone "Mars\/Olympus"/],
      [{ enabled: true, weekday: 9, hour: 8, timeZone: 'UTC' }, /weekday/],
    ];
    for (const [body, msg] of bad) {
      const r = await demo.request({ method: 'PUT', url: '/api/v1/me/digest', json: body });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toMatch(msg);
    }
    expect((await demo.get('/api/v1/me/digest')).json()).toEqual({ enabled: false, weekday: 1, hour: 8, timeZone: 'UTC' });
    // Monday 08:00 in Amsterdam is 07:00 UTC in winter.
    const put = await demo.request({ method: 'PUT', url: '/api/v1/me/digest', json: { enabled: true, weekday: 1, hour: 8, timeZone: 'Europe/Amsterdam' } });
    expect(put.statusCode, put.body).toBe(200);

    const before = smtp.received.length;
    const a = new JobRunner(t.app.ctx);
    const b = t.app.jobs;
    a.register(digestJob(() => 'http://tandem.test'));
    await Promise.all([a.tick(new Date('2026-11-30T06:10:00Z')), b.tick(new Date('2026-11-30T06:10:00Z'))]);
    expect(smtp.received.length).toBe(before);
    await Promise.all([a.tick(new Date('2026-11-30T07:05:00Z')), b.tick(new Date('2026-11-30T07:06:00Z'))]);
    expect(smtp.received.length).toBe(before + 1);
    const mail = decodeQp(smtp.received[before]!);
    expect(mail).toMatch(/To: demo@northwind\.example/);
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);
    expect(mail).toMatch(/Roadmap health: \d+\/100/);
    const token = /\/digest\/unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(mail)![1]!;

    const anonymous = new Client(t.app);
    expect((await anonymous.post('/api/v1/digest/unsubscribe', { token })).statusCode).toBe(200);
    expect((await demo.get('/api/v1/me/digest')).json().enabled).toBe(false);
    await b.tick(new Date('2026-12-07T07:05:00Z'));
    expect(smtp.received.length).toBe(before + 1);
  });

  it('keeps the one-screen and the digest settings behind a leader session', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/v1/insights')).statusCode).toBe(401);
    expect((await anonymous.request({ method: 'PUT', url: '/api/v1/me/digest', json: { enabled: true, weekday: 1, hour: 8, timeZone: 'UTC' } })).statusCode).toBe(401);
  });
});
