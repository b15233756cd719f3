import { sql } from 'drizzle-orm';
import { queryRows } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, invite as inviteMember, type Client } from './harness';
import { setUp } from './harness';
import { createMailApp, createPulse, group, importPeople, invite, respond, type Attrs } from './pulse-helpers';

const IT_EMP: Attrs = { side: 'it', level: 'employee', department: 'Apps', location: 'Oslo' };
const IT_LEAD: Attrs = { side: 'it', level: 'leader', department: 'Apps', location: 'Oslo' };
const BIZ_EMP: Attrs = { side: 'business', level: 'employee', department: 'Sales', location: 'Lima' };
const BIZ_LEAD: Attrs = { side: 'business', level: 'leader', department: 'Sales', location: 'Lima' };
const MISSING = '00000000-0000-4000-8000-000000000000';

describe.each(engines())('pulse delete, archive, trend and audience on %s', (engine) => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let admin: Client;

  async function pulseCount() {
    const [r] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pulses`);
    return Number(r!.n);
  }

  /** A closed pulse where everyone answered `value`: every segment is visible. */
  async function closedPulse(title: string, value: number) {
    const p = await createPulse(admin, { title, template: 'tech-priorities-alignment' });
    const inv = await invite(admin, p.id, t.smtp);
    for (const i of inv.invitations) expect((await respond(t.app, i.token, p.questions, value)).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/pulses/${p.id}/close`)).statusCode).toBe(200);
    return p;
  }

  beforeAll(async () => {
    t = await createMailApp(engine, { TANDEM_RESPOND_RATE_LIMIT: '100000', TANDEM_AUTH_RATE_LIMIT: '1000' });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, [...group(6, IT_LEAD), ...group(6, IT_EMP), ...group(5, BIZ_LEAD), ...group(5, BIZ_EMP)]);
  });
  afterAll(() => t.close());

  it('deletes a draft (204) with its statements, and refuses an open or closed pulse (409) without change', async () => {
    const draft = await createPulse(admin, { title: 'Draft to delete', template: 'tech-priorities-alignment' });
    const res = await admin.delete(`/api/v1/pulses/${draft.id}`);
    expect(res.statusCode).toBe(204);
    expect((await admin.get(`/api/v1/pulses/${draft.id}`)).statusCode).toBe(404);
    const [items] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pulse_items where pulse_id = ${draft.id}`);
    expect(Number(items!.n)).toBe(0);
    expect((await admin.delete(`/api/v1/pulses/${draft.id}`)).statusCode).toBe(404);

    const open = await createPulse(admin, { title: 'Open one', template: 'tech-priorities-alignment' });
    await invite(admin, open.id, t.smtp);
    const before = await pulseCount();
    const refused = await admin.delete(`/api/v1/pulses/${open.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Only a draft pulse can be deleted');
    expect(await pulseCount()).toBe(before);
    await admin.post(`/api/v1/pulses/${open.id}/close`);
    expect((await admin.delete(`/api/v1/pulses/${open.id}`)).statusCode).toBe(409);
    expect((await admin.get(`/api/v1/pulses/${open.id}`)).json().status).toBe('closed');
  });

  it('answers 404 for an unknown id and 400 naming the id for a malformed one', async () => {
    expect((await admin.delete(`/api/v1/pulses/${MISSING}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/pulses/${MISSING}/archive`)).statusCode).toBe(404);
    const bad = await admin.delete('/api/v1/pulses/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('params.id');
  });

  it('archives only a closed pulse, leaves it out of the trend, and restores it', async () => {
    const first = await closedPulse('Spring', 4);
    const second = await closedPulse('Summer', 2);
    const trendTitles = async () => ((await admin.get('/api/v1/pulses/trend')).json().questions[0]?.points ?? []).map((x: { title: string }) => x.title);
    expect(await trendTitles()).toEqual(expect.arrayContaining(['Spring', 'Summer']));

    const draft = await createPulse(admin, { title: 'Not closed', template: 'tech-priorities-alignment' });
    const refused = await admin.post(`/api/v1/pulses/${draft.id}/archive`);
    expect(refused.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/pulses/${draft.id}`)).json().archived).toBe(false);

    const archived = await admin.post(`/api/v1/pulses/${first.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect(await trendTitles()).not.toContain('Spring');
    expect(await trendTitles()).toContain('Summer');
    // Still readable: archiving puts a pulse away, it does not delete its results.
    expect((await admin.get(`/api/v1/pulses/${first.id}/results`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/pulses/${first.id}/archive`)).statusCode).toBe(200);

    const restored = await admin.post(`/api/v1/pulses/${first.id}/unarchive`);
    expect(restored.json().archived).toBe(false);
    expect(await trendTitles()).toContain('Spring');
    await admin.delete(`/api/v1/pulses/${draft.id}`);
    void second;
  });

  it('a closed pulse can be left out of the trend and back, and nothing else about it changes', async () => {
    const p = await closedPulse('Autumn', 5);
    const out = await admin.patch(`/api/v1/pulses/${p.id}`, { inTrend: false });
    expect(out.statusCode).toBe(200);
    expect(out.json().inTrend).toBe(false);
    const titles = ((await admin.get('/api/v1/pulses/trend')).json().questions[0].points as { title: string }[]).map((x) => x.title);
    expect(titles).not.toContain('Autumn');
    expect((await admin.patch(`/api/v1/pulses/${p.id}`, { title: 'Renamed', inTrend: true })).statusCode).toBe(409);
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json()).toMatchObject({ title: 'Autumn', inTrend: false });
    const bad = await admin.patch(`/api/v1/pulses/${p.id}`, { inTrend: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('inTrend');
    expect((await admin.patch(`/api/v1/pulses/${p.id}`, { inTrend: true })).json().inTrend).toBe(true);
  });

  it('counts the people an audience rule matches, with the organisation’s departments and locations', async () => {
    const all = (await admin.get('/api/v1/pulses/audience')).json();
    expect(all).toEqual({ matches: 22, departments: ['Apps', 'Sales'], locations: ['Lima', 'Oslo'] });
    expect((await admin.get('/api/v1/pulses/audience?side=it')).json().matches).toBe(12);
    expect((await admin.get('/api/v1/pulses/audience?side=business&level=leader')).json().matches).toBe(5);
    expect((await admin.get('/api/v1/pulses/audience?department=sales')).json().matches).toBe(10);
    expect((await admin.get('/api/v1/pulses/audience?department=Apps&location=Lima')).json().matches).toBe(0);
    for (const [q, field] of [
      ['side=sales', 'querystring.side'],
      ['level=boss', 'querystring.level'],
      ['colour=red', 'querystring'],
      [`department=${'x'.repeat(121)}`, 'querystring.department'],
    ] as const) {
      const res = await admin.get(`/api/v1/pulses/audience?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('keeps the audience count to leaders and admins', async () => {
    const { client: member } = await inviteMember(t.app, admin, 'member@acme.test', 'member', 'Mia Member', 'quiet harbour lantern 7', t.smtp);
    expect((await member.get('/api/v1/pulses/audience')).statusCode).toBe(403);
    expect((await member.delete(`/api/v1/pulses/${MISSING}`)).statusCode).toBe(403);
  });

  it('an audience of nobody cannot be opened, by open or by issuing links; the pulse stays a draft', async () => {
    const p = await createPulse(admin, { title: 'Nobody', template: 'tech-priorities-alignment', audience: { department: 'Apps', location: 'Lima' } });
    const open = await admin.post(`/api/v1/pulses/${p.id}/open`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('matches no active people');
    const links = await admin.post(`/api/v1/pulses/${p.id}/invitations`);
    expect(links.statusCode).toBe(409);
    const unlinked = await admin.post(`/api/v1/pulses/${p.id}/invitations`, { unlinked: true, count: 5 });
    expect(unlinked.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().status).toBe('draft');
    const [inv] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pulse_invitations where pulse_id = ${p.id}`);
    expect(Number(inv!.n)).toBe(0);
  });
});
