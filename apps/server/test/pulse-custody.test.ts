import { sql } from 'drizzle-orm';
import { queryRows } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite as inviteMember, setUp, type TestApp } from './harness';
import { createMailApp, createPulse, group, importPeople, invite, issueUnlinked, mailedLinks, respond, type Attrs } from './pulse-helpers';

const IT_EMP: Attrs = { side: 'it', level: 'employee', department: 'Apps', location: 'Oslo' };
const BIZ_LEAD: Attrs = { side: 'business', level: 'leader', department: 'Sales', location: 'Lima' };
const TOKEN = /[A-Za-z0-9_-]{22}/;

/** Every token the server issued for a pulse is unknowable to the test except through mail or an unlinked answer; this collects the ones the test learned. */
function noneOf(tokens: string[], text: string) {
  return tokens.filter((tok) => text.includes(tok));
}

async function auditText(t: TestApp) {
  const rows = await queryRows<{ row: string }>(t.database.db, sql`select row_to_json(a)::text as row from audit_log a`);
  return rows.map((r) => r.row).join('\n');
}

describe.each(engines())('link custody with mail on %s', (engine) => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createMailApp(engine, { TANDEM_RESPOND_RATE_LIMIT: '100000' });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, [...group(6, IT_EMP), ...group(2, BIZ_LEAD)], 'mail');
  });
  afterAll(() => t.close());

  it('mails each person their own link and answers the leader with counts only', async () => {
    const p = await createPulse(admin, { title: 'Mailed', template: 'tech-priorities-alignment' });
    const before = t.smtp.received.length;
    const res = await admin.post(`/api/v1/pulses/${p.id}/invitations`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ issued: 8, mailed: 8 });
    const links = mailedLinks(t.smtp.received, before);
    expect(links.map((l) => l.email).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `mail${i}@acme.test`).sort());
    expect(new Set(links.map((l) => l.token)).size).toBe(8);
    expect(links.every((l) => l.url.startsWith('http') && l.url.endsWith(`/respond/${l.token}`))).toBe(true);
    // The mailed link works, once.
    expect((await respond(t.app, links[0]!.token, p.questions, 4)).statusCode).toBe(201);
    expect((await respond(t.app, links[0]!.token, p.questions, 4)).statusCode).toBe(409);
    const list = await admin.get(`/api/v1/pulses/${p.id}/invitations`);
    expect(list.statusCode).toBe(200);
    expect(list.json().issued).toBe(8);
    expect(noneOf(links.map((l) => l.token), res.body + list.body + (await auditText(t)))).toEqual([]);
  });

  it('lists the issued links after a reload: who and when, never used or token, no total while open', async () => {
    const p = await createPulse(admin, { title: 'Listed', template: 'tech-priorities-alignment', minGroupSize: 3, minCommentGroupSize: 3 });
    const inv = await invite(admin, p.id, t.smtp);
    const people = (await admin.get('/api/v1/people?limit=500')).json().items as { id: string; name: string }[];
    const first = await admin.get(`/api/v1/pulses/${p.id}/invitations`);
    expect(first.json().respondents).toBeNull();
    expect((await respond(t.app, inv.invitations[0]!.token, p.questions, 5)).statusCode).toBe(201);
    const after = (await admin.get(`/api/v1/pulses/${p.id}/invitations`)).json();
    // One answer in: the list is exactly as it was (items and counts), below k no total.
    expect(after).toEqual(first.json());
    expect(after.items).toHaveLength(8);
    for (const item of after.items) {
      expect(Object.keys(item).sort()).toEqual(['issuedAt', 'name', 'personId']);
      expect(people.some((x) => x.id === item.personId && x.name === item.name)).toBe(true);
    }
    for (const i of inv.invitations.slice(1, 3)) expect((await respond(t.app, i.token, p.questions, 5)).statusCode).toBe(201);
    // Even at k answers no total while open (decision 023: a count that moves while a leader watches tells who answered).
    expect((await admin.get(`/api/v1/pulses/${p.id}/invitations`)).json().respondents).toBeNull();
    // The paged-list contract: 3 + 3 + 2 by cursor, every link once, the same order as one page of all.
    const seen: unknown[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (await admin.get(`/api/v1/pulses/${p.id}/invitations?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json() as { issued: number; items: unknown[]; nextCursor: string | null };
      expect(page.issued).toBe(8);
      sizes.push(page.items.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 2]);
    expect(seen).toEqual(after.items);
    expect((await admin.get(`/api/v1/pulses/${p.id}/invitations?cursor=bm90LWEta2V5`)).statusCode).toBe(400);
    const bad = await admin.get(`/api/v1/pulses/${p.id}/invitations?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('limit');
  });

  it('reissue kills the old link, and answers the leader the same whether or not the person answered, without a second vote', async () => {
    const p = await createPulse(admin, { title: 'Reissue', template: 'tech-priorities-alignment' });
    const inv = await invite(admin, p.id, t.smtp);
    const [answered, pending] = inv.invitations;
    expect((await respond(t.app, answered!.token, p.questions, 2)).statusCode).toBe(201);
    const listBefore = (await admin.get(`/api/v1/pulses/${p.id}/invitations`)).json();

    const mark = t.smtp.received.length;
    const a = await admin.post(`/api/v1/pulses/${p.id}/invitations/${answered!.personId}/reissue`);
    const b = await admin.post(`/api/v1/pulses/${p.id}/invitations/${pending!.personId}/reissue`);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.body).toBe(b.body);
    expect(a.json()).toEqual({ ok: true });
    // Both get one mail; only the one who has not answered gets a link.
    const mails = t.smtp.received.slice(mark).map((m) => m.replace(/=\r?\n/g, ''));
    expect(mails).toHaveLength(2);
    expect(mails[0]).toContain(answered!.email);
    expect(mails[0]).toContain('already in');
    expect(mails[0]).not.toMatch(/\/respond\//);
    const fresh = mailedLinks(t.smtp.received, mark);
    expect(fresh.map((l) => l.email)).toEqual([pending!.email]);
    // The old link died, the new one works; the answered person still has no second vote.
    expect((await respond(t.app, pending!.token, p.questions, 4)).statusCode).toBe(404);
    expect((await respond(t.app, fresh[0]!.token, p.questions, 4)).statusCode).toBe(201);
    expect((await respond(t.app, answered!.token, p.questions, 4)).statusCode).toBe(409);
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from pulse_responses where pulse_id = ${p.id}`)) as [{ n: number }];
    expect(Number(n)).toBe(2);
    // The list moved both issue times alike, so it cannot tell them apart either.
    const listAfter = (await admin.get(`/api/v1/pulses/${p.id}/invitations`)).json();
    const at = (l: { items: { personId?: string; issuedAt: string }[] }, id: string) => l.items.find((x) => x.personId === id)!.issuedAt;
    expect(at(listAfter, answered!.personId)).toBe(at(listAfter, pending!.personId));
    expect(listAfter.issued).toBe(listBefore.issued);
    const audit = await auditText(t);
    expect(noneOf([...inv.invitations.map((i) => i.token), fresh[0]!.token], audit)).toEqual([]);
    expect(audit).not.toContain('already');
    // Someone without an invitation, and a random pulse: 404.
    const stranger = (await admin.post('/api/v1/people', { name: 'Late Comer', email: 'late@acme.test', department: 'Apps', side: 'it', level: 'employee' })).json();
    expect((await admin.post(`/api/v1/pulses/${p.id}/invitations/${stranger.id}/reissue`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/pulses/${crypto.randomUUID()}/invitations/${pending!.personId}/reissue`)).statusCode).toBe(404);
    await admin.patch(`/api/v1/people/${stranger.id}`, { active: false });
  });

  it('a signed-in member answers from My pulses, stored without identity; a second answer is 409', async () => {
    const member = (await inviteMember(t.app, admin, 'mail3@acme.test', 'member', undefined, undefined, t.smtp)).client;
    const other = (await inviteMember(t.app, admin, 'outside@acme.test', 'member', undefined, undefined, t.smtp)).client;
    const p = await createPulse(admin, { title: 'Members', template: 'tech-priorities-alignment' });
    await invite(admin, p.id, t.smtp);
    const mine = (await member.get('/api/v1/me/pulses')).json();
    expect(mine.pulses).toEqual(expect.arrayContaining([{ id: p.id, title: 'Members', closesAt: null, answered: false }]));
    expect(Object.keys(mine.pulses[0]).sort()).toEqual(['answered', 'closesAt', 'id', 'title']);
    expect((await other.get('/api/v1/me/pulses')).json().pulses).toEqual([]);
    const form = await member.get(`/api/v1/me/pulses/${p.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().segment).toBeNull();

    const answers = p.questions.map((q) => ({ questionId: q.id, value: 5 }));
    const before = await queryRows<{ id: string }>(t.database.db, sql`select id from pulse_responses where pulse_id = ${p.id}`);
    expect((await member.post(`/api/v1/me/pulses/${p.id}/response`, { answers })).statusCode).toBe(201);
    const second = await member.post(`/api/v1/me/pulses/${p.id}/response`, { answers });
    expect(second.statusCode).toBe(409);
    expect((await other.post(`/api/v1/me/pulses/${p.id}/response`, { answers })).statusCode).toBe(404);
    expect((await member.post(`/api/v1/me/pulses/${crypto.randomUUID()}/response`, { answers })).statusCode).toBe(404);

    // The response row: the invitation's segment (mail3 is an IT employee in Apps, Oslo) and nothing of the member.
    const rows = await queryRows<Record<string, unknown>>(t.database.db, sql`select * from pulse_responses where pulse_id = ${p.id}`);
    expect(rows.length - before.length).toBe(1);
    expect(rows[0]).toMatchObject({ side: 'it', level: 'employee', department: 'Apps', location: 'Oslo' });
    const cols = await queryRows<{ column_name: string }>(t.database.db, sql`select column_name from information_schema.columns where table_name = 'pulse_responses'`);
    expect(cols.map((c) => c.column_name).filter((c) => /person|user|token|email|invitation|_at$/.test(c))).toEqual([]);
    // The invitation keeps only a used flag: no time, no response id.
    const invCols = await queryRows<{ column_name: string }>(t.database.db, sql`select column_name from information_schema.columns where table_name = 'pulse_invitations'`);
    expect(invCols.map((c) => c.column_name).filter((c) => /response|used_at|answered/.test(c))).toEqual([]);
    const used = await queryRows<{ used: boolean }>(
      t.database.db,
      sql`select i.used from pulse_invitations i join people pe on pe.id = i.person_id where i.pulse_id = ${p.id} and pe.email = 'mail3@acme.test'`,
    );
    expect(used).toEqual([{ used: true }]);
    expect((await member.get('/api/v1/me/pulses')).json().pulses.find((x: { id: string }) => x.id === p.id).answered).toBe(true);
    // The member's own mailed link is the same vote.
    const mailed = mailedLinks(t.smtp.received).filter((l) => l.email === 'mail3@acme.test').at(-1)!;
    expect((await respond(t.app, mailed.token, p.questions, 1)).statusCode).toBe(409);
  });
});

describe.each(engines())('link custody without mail on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TANDEM_RESPOND_RATE_LIMIT: '100000' } });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, [...group(5, IT_EMP), ...group(3, BIZ_LEAD)], 'bare');
  });
  afterAll(() => t.close());

  it('refuses person links and their reissue with 409 mail_required; nothing is issued', async () => {
    const p = await createPulse(admin, { title: 'No mail', template: 'tech-priorities-alignment' });
    const res = await admin.post(`/api/v1/pulses/${p.id}/invitations`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('mail_required');
    expect(res.json().error.message).toMatch(/unlinked/);
    const pulse = (await admin.get(`/api/v1/pulses/${p.id}`)).json();
    expect(pulse.status).toBe('draft');
    expect(pulse.invited).toBe(0);
    const people = (await admin.get('/api/v1/people?limit=500')).json().items as { id: string }[];
    const reissue = await admin.post(`/api/v1/pulses/${p.id}/invitations/${people[0]!.id}/reissue`);
    expect(reissue.statusCode).toBe(409);
    expect(reissue.json().error.code).toBe('mail_required');
  });

  it.each([
    ['unlinked without a count', { unlinked: true }, 'count'],
    ['a count of 0', { unlinked: true, count: 0 }, 'count'],
    ['a count that is text', { unlinked: true, count: 'five' }, 'count'],
    ['unlinked false', { unlinked: false, count: 3 }, 'unlinked'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const p = await createPulse(admin, { title: 'Bad issue', template: 'tech-priorities-alignment' });
    const res = await admin.post(`/api/v1/pulses/${p.id}/invitations`, body);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().invited).toBe(0);
  });

  it('issues unlinked links tied to no person; respondents state side and level; results say segments were self-stated', async () => {
    const p = await createPulse(admin, { title: 'Unlinked', template: 'tech-priorities-alignment', minGroupSize: 3, minCommentGroupSize: 3 });
    const res = await admin.post(`/api/v1/pulses/${p.id}/invitations`, { unlinked: true, count: 7 });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['links']);
    const links = res.json().links as string[];
    expect(links).toHaveLength(7);
    expect(links.every((l) => /^http:\/\/[^/]+\/respond\/[A-Za-z0-9_-]{22}$/.test(l))).toBe(true);
    const tokens = links.map((l) => TOKEN.exec(l.split('/respond/')[1]!)![0]);
    const rows = await queryRows<{ person_id: string | null; side: string | null }>(t.database.db, sql`select person_id, side from pulse_invitations where pulse_id = ${p.id}`);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.person_id === null && r.side === null)).toBe(true);

    // The form asks for the segment, with the organisation's values.
    const form = (await new Client(t.app).get(`/api/v1/respond/${tokens[0]}`)).json();
    expect(form.segment).toEqual({ side: ['it', 'business'], level: ['leader', 'employee'], department: ['Apps', 'Sales'], location: ['Lima', 'Oslo'] });

    // Side and level are required (400 naming the field), and nothing is used up.
    const noSide = await respond(t.app, tokens[0]!, p.questions, 4);
    expect(noSide.statusCode).toBe(400);
    expect(noSide.json().error.message).toContain('body.side');
    const noLevel = await respond(t.app, tokens[0]!, p.questions, 4, undefined, { side: 'it' });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.json().error.message).toContain('body.level');
    const badDep = await respond(t.app, tokens[0]!, p.questions, 4, undefined, { side: 'it', level: 'employee', department: 'Nowhere' });
    expect(badDep.statusCode).toBe(400);
    expect(badDep.json().error.message).toContain('body.department');
    const badSide = await respond(t.app, tokens[0]!, p.questions, 4, undefined, { side: 'sideways' as 'it', level: 'employee' });
    expect(badSide.statusCode).toBe(400);
    expect(JSON.stringify(badSide.json().error)).toContain('side');
    expect((await queryRows(t.database.db, sql`select 1 from pulse_responses where pulse_id = ${p.id}`)).length).toBe(0);

    for (const tok of tokens.slice(0, 4)) expect((await respond(t.app, tok, p.questions, 4, undefined, { side: 'it', level: 'employee', department: 'apps' })).statusCode).toBe(201);
    for (const tok of tokens.slice(4, 7)) expect((await respond(t.app, tok, p.questions, 2, undefined, { side: 'business', level: 'leader' })).statusCode).toBe(201);
    expect((await respond(t.app, tokens[0]!, p.questions, 4, undefined, { side: 'it', level: 'employee' })).statusCode).toBe(409);
    const stored = await queryRows<{ side: string; level: string; department: string; location: string }>(
      t.database.db,
      sql`select side, level, department, location from pulse_responses where pulse_id = ${p.id} order by side`,
    );
    expect(stored).toEqual([
      ...Array.from({ length: 3 }, () => ({ side: 'business', level: 'leader', department: '', location: '' })),
      ...Array.from({ length: 4 }, () => ({ side: 'it', level: 'employee', department: 'Apps', location: '' })),
    ]);

    const list = await admin.get(`/api/v1/pulses/${p.id}/invitations`);
    expect(list.json()).toMatchObject({ issued: 7, unlinked: 7, respondents: null });
    expect(list.json().items.every((i: object) => Object.keys(i).join() === 'issuedAt')).toBe(true);
    await admin.post(`/api/v1/pulses/${p.id}/close`);
    const r = await admin.get(`/api/v1/pulses/${p.id}/results?by=side`);
    expect(r.json().selfStated).toBe(true);
    expect(r.json().invited).toBe(7);
    expect(r.json().responseRates).toEqual([{ key: {}, invited: 7, responded: 7, rate: 1 }]);
    const it = r.json().questions[0].segments.find((s: { key: { side?: string } }) => s.key.side === 'it');
    expect(it.n).toBe(4);
    const leaderSide = [res.body, list.body, r.body, (await admin.get(`/api/v1/pulses/${p.id}`)).body, await auditText(t)].join('\n');
    expect(noneOf(tokens, leaderSide.replace(res.body, ''))).toEqual([]);
  });

  it('invites the audience’s members without mail: they answer from My pulses, and no link of theirs is shown', async () => {
    const member = (await inviteMember(t.app, admin, 'bare1@acme.test', 'member')).client;
    const p = await createPulse(admin, { title: 'Mixed', template: 'tech-priorities-alignment' });
    expect(await issueUnlinked(admin, p.id, 2)).toHaveLength(2);
    // The owner (olivia@acme.test) is not in the directory; bare1 is: one person invitation.
    const list = (await admin.get(`/api/v1/pulses/${p.id}/invitations`)).json();
    expect(list.issued).toBe(3);
    expect(list.items.filter((i: { personId?: string }) => i.personId)).toHaveLength(1);
    const answers = p.questions.map((q) => ({ questionId: q.id, value: 3 }));
    expect((await member.post(`/api/v1/me/pulses/${p.id}/response`, { answers })).statusCode).toBe(201);
    const again = await member.post(`/api/v1/me/pulses/${p.id}/response`, { answers });
    expect(again.statusCode).toBe(409);
    const [row] = await queryRows<{ side: string; department: string }>(t.database.db, sql`select side, department from pulse_responses where pulse_id = ${p.id}`);
    expect(row).toEqual({ side: 'it', department: 'Apps' });
  });
});
