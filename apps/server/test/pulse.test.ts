import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { queryRows } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite as inviteMember, sameAnswer, setUp, type TestApp } from './harness';
import { createMailApp, createPulse, group, importPeople, invite, respond, type Attrs } from './pulse-helpers';
import { startSmtp } from './smtp';
import { createMailer } from '../src/lib/mailer';
import { seedDemo, DEMO_LOGIN } from '../src/demo/seed';

const IT_EMP: Attrs = { side: 'it', level: 'employee', department: 'Apps', location: 'Oslo' };
const IT_LEAD: Attrs = { side: 'it', level: 'leader', department: 'Apps', location: 'Oslo' };
const BIZ_EMP: Attrs = { side: 'business', level: 'employee', department: 'Sales', location: 'Lima' };
const BIZ_LEAD: Attrs = { side: 'business', level: 'leader', department: 'Sales', location: 'Lima' };

async function counts(t: TestApp) {
  const [r] = await queryRows<{ responses: number; answers: number; used: number }>(
    t.database.db,
    sql`select (select count(*)::int from pulse_responses) as responses, (select coalesce(sum(cardinality(answers)), 0)::int from pulse_responses) as answers,
               (select count(*)::int from pulse_invitations where used) as used`,
  );
  return { responses: Number(r!.responses), answers: Number(r!.answers), used: Number(r!.used) };
}

describe.each(engines())('alignment pulse on %s', (engine) => {
  let t: Awaited<ReturnType<typeof createMailApp>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createMailApp(engine, { TANDEM_RESPOND_RATE_LIMIT: '100000', TANDEM_AUTH_RATE_LIMIT: '1000' });
    admin = (await setUp(t.app)).client;
    await importPeople(admin, [...group(6, IT_LEAD), ...group(12, IT_EMP), ...group(2, BIZ_LEAD), ...group(8, BIZ_EMP)]);
  });
  afterAll(() => t.close());

  it('creates a pulse from the template with bank questions that keep their ids across pulses', async () => {
    const res = await admin.post('/api/v1/pulses', { title: 'Q1', template: 'tech-priorities-alignment' });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.status).toBe('draft');
    expect(p.minGroupSize).toBe(5);
    expect(p.minCommentGroupSize).toBe(10);
    expect(p.questions[0].text).toBe('IT and Business are aligned on tech priorities');
    expect(p.questions.length).toBe(9);
    const again = await createPulse(admin, { title: 'Q2', template: 'tech-priorities-alignment', questions: [{ text: 'Our demos are attended by the business' }, { text: 'it and business are aligned on tech priorities' }] });
    expect(again.questions.slice(0, 9).map((q) => q.id)).toEqual(p.questions.map((q: { id: string }) => q.id));
    expect(again.questions).toHaveLength(10);
    const custom = await createPulse(admin, { title: 'Custom', questions: [{ text: 'Our demos are attended by the business' }], minGroupSize: 3, minCommentGroupSize: 3 });
    expect(custom.questions[0]!.id).toBe(again.questions[9]!.id);
    const list = (await admin.get('/api/v1/pulses')).json();
    expect(list.items.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Custom']));
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().title).toBe('Q1');
  });

  it.each([
    ['k below 3', { title: 'x', template: 'tech-priorities-alignment', minGroupSize: 2 }, 'body.minGroupSize'],
    ['comment group below k', { title: 'x', template: 'tech-priorities-alignment', minGroupSize: 8, minCommentGroupSize: 5 }, 'body.minCommentGroupSize'],
    ['no questions', { title: 'x' }, 'body.questions'],
    ['unknown template', { title: 'x', template: 'nope' }, 'body.template'],
    ['unknown field', { title: 'x', template: 'tech-priorities-alignment', secret: 1 }, 'body'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const before = (await admin.get('/api/v1/pulses')).json().items.length;
    const res = await admin.post('/api/v1/pulses', body);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
    expect((await admin.get('/api/v1/pulses')).json().items.length).toBe(before);
  });

  it('invites the audience with single-use 128-bit links stored only as hashes, and opens the pulse', async () => {
    const p = await createPulse(admin, { title: 'IT only', template: 'tech-priorities-alignment', audience: { side: 'it' } });
    const inv = await invite(admin, p.id, t.smtp);
    expect(inv.issued).toBe(18);
    expect(inv.mailed).toBe(18);
    expect(inv.invitations).toHaveLength(18);
    const first = inv.invitations[0]!;
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(first.url).toMatch(new RegExp(`/respond/${first.token}$`));
    expect(new Set(inv.invitations.map((i) => i.token)).size).toBe(18);
    const stored = await queryRows<{ token_hash: string }>(t.database.db, sql`select token_hash from pulse_invitations where pulse_id = ${p.id}`);
    expect(stored.some((r) => r.token_hash === first.token)).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().status).toBe('open');
    expect((await invite(admin, p.id, t.smtp)).issued).toBe(0);
  });

  it('stores a response with the segment and the day only, never the person, token, IP or time', async () => {
    const p = await createPulse(admin, { title: 'Anonymous', template: 'tech-priorities-alignment' });
    const inv = await invite(admin, p.id, t.smtp);
    const c = new Client(t.app);
    const form = await c.get(`/api/v1/respond/${inv.invitations[0]!.token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().questions).toHaveLength(9);
    expect(form.json().organisation).toBe('Acme');
    const before = await counts(t);
    const res = await respond(t.app, inv.invitations[0]!.token!, p.questions, 4, 'More demos please');
    expect(res.statusCode).toBe(201);
    const after = await counts(t);
    expect(after.responses - before.responses).toBe(1);
    expect(after.answers - before.answers).toBe(9);
    const cols = await queryRows<{ column_name: string }>(
      t.database.db,
      sql`select column_name from information_schema.columns where table_name = 'pulse_responses' order by column_name`,
    );
    expect(cols.map((x) => x.column_name)).toEqual(['answers', 'comments', 'day', 'department', 'id', 'level', 'location', 'org_id', 'pulse_id', 'side']);
    const [row] = await queryRows<{ day: string; side: string; answers: string; comments: string }>(
      t.database.db,
      sql`select day::text as day, side, answers::text as answers, comments::text as comments from pulse_responses where pulse_id = ${p.id}`,
    );
    expect(row!.day).toBe('2026-11-28');
    expect(row!.answers).toBe('{4,4,4,4,4,4,4,4,4}');
    expect(row!.comments).toBe('{"More demos please",NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL}');
    const invCols = await queryRows<{ column_name: string }>(t.database.db, sql`select column_name from information_schema.columns where table_name = 'pulse_invitations'`);
    expect(invCols.map((x) => x.column_name)).not.toContain('used_at');
  });

  describe('bad input changes nothing', () => {
    let p: { id: string; questions: { id: string }[] };
    let tokens: string[];
    beforeAll(async () => {
      p = await createPulse(admin, { title: 'Bad input', template: 'tech-priorities-alignment' });
      tokens = (await invite(admin, p.id, t.smtp)).invitations.map((i) => i.token!);
      expect((await respond(t.app, tokens[0]!, p.questions, 5)).statusCode).toBe(201);
    });

    it('a used link answers 409 and stores nothing', async () => {
      const before = await counts(t);
      const res = await respond(t.app, tokens[0]!, p.questions, 1);
      expect(res.statusCode).toBe(409);
      expect((await new Client(t.app).get(`/api/v1/respond/${tokens[0]}`)).statusCode).toBe(409);
      expect(await counts(t)).toEqual(before);
    });

    it('an unknown and a malformed link answer the same 404', async () => {
      const before = await counts(t);
      const unknown = await respond(t.app, 'AAAAAAAAAAAAAAAAAAAAAA', p.questions, 3);
      const malformed = await respond(t.app, 'not a token at all!', p.questions, 3);
      const long = await respond(t.app, 'x'.repeat(90), p.questions, 3);
      expect(unknown.statusCode).toBe(404);
      expect(sameAnswer(malformed)).toEqual(sameAnswer(unknown));
      expect(sameAnswer(long)).toEqual(sameAnswer(unknown));
      expect(sameAnswer(await new Client(t.app).get('/api/v1/respond/%27%3B--'))).toEqual(sameAnswer(unknown));
      expect(await counts(t)).toEqual(before);
    });

    it.each([
      ['a value outside the scale', (q: { id: string }[]) => q.map((x, i) => ({ questionId: x.id, value: i === 2 ? 6 : 3 })), 'body.answers.2.value'],
      ['a value of 0', (q: { id: string }[]) => q.map((x) => ({ questionId: x.id, value: 0 })), 'body.answers.0.value'],
      ['a fractional value', (q: { id: string }[]) => q.map((x) => ({ questionId: x.id, value: 2.5 })), 'body.answers.0.value'],
      ['a question not in the pulse', (q: { id: string }[]) => [...q.slice(1).map((x) => ({ questionId: x.id, value: 3 })), { questionId: '00000000-0000-4000-8000-000000000000', value: 3 }], 'body.answers.8.questionId'],
      ['a question answered twice', (q: { id: string }[]) => [...q.map((x) => ({ questionId: x.id, value: 3 })), { questionId: q[0]!.id, value: 2 }], 'body.answers.9.questionId'],
      ['a missing question', (q: { id: string }[]) => q.slice(1).map((x) => ({ questionId: x.id, value: 3 })), 'body.answers'],
    ])('%s answers 400 naming the field', async (_label, answers, field) => {
      const before = await counts(t);
      const res = await new Client(t.app).post(`/api/v1/respond/${tokens[1]}`, { answers: answers(p.questions) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(field);
      expect(await counts(t)).toEqual(before);
    });

    it('50 concurrent submissions of one link store exactly one response', async () => {
      const before = await counts(t);
      const results = await Promise.all(Array.from({ length: 50 }, () => respond(t.app, tokens[2]!, p.questions, 4)));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(49);
      const after = await counts(t);
      expect(after.responses - before.responses).toBe(1);
      expect(after.used - before.used).toBe(1);
    });

    it('changing k or the audience after the first response answers 409; the title may change', async () => {
      for (const body of [{ minGroupSize: 3 }, { minGroupSize: 9 }, { minCommentGroupSize: 20 }, { audience: { side: 'it' } }]) {
        const res = await admin.patch(`/api/v1/pulses/${p.id}`, body);
        expect(res.statusCode).toBe(409);
      }
      expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().minGroupSize).toBe(5);
      expect((await admin.patch(`/api/v1/pulses/${p.id}`, { title: 'Renamed' })).statusCode).toBe(200);
      const fresh = await createPulse(admin);
      const ok = await admin.patch(`/api/v1/pulses/${fresh.id}`, { minGroupSize: 7 });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().minCommentGroupSize).toBe(10);
      expect((await admin.patch(`/api/v1/pulses/${fresh.id}`, { minGroupSize: 2 })).statusCode).toBe(400);
    });

    it('while open, no response count shows at all, only the invitations (decision 023)', async () => {
      const r1 = (await admin.get(`/api/v1/pulses/${p.id}/results?by=side,level`)).json();
      expect(r1.status).toBe('open');
      expect(r1.respondents).toBeNull(); // 2 of 28 answered, k = 5
      expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().respondents).toBeNull();
      expect(r1.questions[0].segments.every((s: { suppressed?: boolean }) => s.suppressed)).toBe(true);
      for (const tok of tokens.slice(3, 6)) expect((await respond(t.app, tok, p.questions, 2)).statusCode).toBe(201);
      const r2 = (await admin.get(`/api/v1/pulses/${p.id}/results?by=side,level`)).json();
      // A live count that moves by one while a leader watches tells who just answered.
      expect(r2.respondents).toBeNull();
      expect((await admin.get(`/api/v1/pulses/${p.id}`)).json().respondents).toBeNull();
      expect(r2.responseRates[0]).toEqual({ key: {}, invited: 28, suppressed: true });
      expect(r2.responseRates.every((x: { suppressed?: boolean }) => x.suppressed)).toBe(true);
      expect(r2.questions[0].segments.every((s: { suppressed?: boolean }) => s.suppressed)).toBe(true);
      expect(r2.gaps).toEqual([]);
      expect(r2.headline).toBeNull();
    });

    it('a closed pulse answers 410 and stores nothing', async () => {
      expect((await admin.post(`/api/v1/pulses/${p.id}/close`)).json().status).toBe('closed');
      const before = await counts(t);
      expect((await respond(t.app, tokens[10]!, p.questions, 3)).statusCode).toBe(410);
      expect((await new Client(t.app).get(`/api/v1/respond/${tokens[10]}`)).statusCode).toBe(410);
      expect(await counts(t)).toEqual(before);
    });
  });

  it('shows results with small segments suppressed (and their complements), the gaps and the headline; the CSV agrees', async () => {
    const p = await createPulse(admin, { title: 'Suppression', template: 'tech-priorities-alignment' });
    const inv = await invite(admin, p.id, t.smtp);
    const people = (await admin.get('/api/v1/people?limit=500')).json().items as { id: string; side: string; level: string }[];
    const byId = new Map(people.map((x) => [x.id, x]));
    for (const i of inv.invitations) {
      const who = byId.get(i.personId)!;
      // Leaders agree (5) on everything; employees mostly disagree on the first statement.
      const v = who.level === 'leader' ? 5 : 2;
      const res = await respond(t.app, i.token!, p.questions, (qi) => (qi === 0 ? v : 4), who.side === 'it' ? 'Ship smaller increments' : '=HYPERLINK("x")');
      expect(res.statusCode).toBe(201);
    }
    expect((await admin.post(`/api/v1/pulses/${p.id}/close`)).statusCode).toBe(200);
    const res = await admin.get(`/api/v1/pulses/${p.id}/results?by=side,level`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.respondents).toBe(28);
    const q1 = r.questions[0];
    const seg = (key: object) => q1.segments.find((s: { key: object }) => JSON.stringify(s.key) === JSON.stringify(key));
    expect(seg({})).toMatchObject({ n: 28, distribution: [0, 20, 0, 0, 8] });
    expect(seg({}).favourable).toBeCloseTo(8 / 28, 10);
    expect(seg({}).ci[0]).toBeLessThan(8 / 28);
    // Business leaders (2) are below k; Business (10) − Business employees (8) would reveal them,
    // and leaders (8) − IT leaders (6) too. The audit (decision 023) keeps the leaders/employees
    // pair and hides IT and Business and IT leaders, so the 8 leaders split between IT and
    // Business in more than one way.
    expect(seg({ side: 'business', level: 'leader' })).toEqual({ key: { side: 'business', level: 'leader' }, suppressed: true });
    expect(seg({ side: 'it', level: 'leader' }).suppressed).toBe(true);
    expect(seg({ side: 'it' }).suppressed).toBe(true);
    expect(seg({ side: 'business' }).suppressed).toBe(true);
    expect(seg({ side: 'business', level: 'employee' })).toMatchObject({ n: 8 });
    expect(seg({ level: 'leader' })).toMatchObject({ n: 8, favourable: 1 });
    expect(seg({ level: 'employee' })).toMatchObject({ n: 20, favourable: 0 });
    expect(r.headline).toBe('100% of leaders say IT and Business are aligned, but only 0% of employees agree.');
    const lvlGap = r.gaps.find((g: { questionId: string; a: { level?: string } }) => g.questionId === q1.questionId && g.a.level === 'leader');
    expect(lvlGap.difference).toBe(1);
    expect(lvlGap.significant).toBe(true);
    expect(r.gaps.some((g: { a: object; b: object }) => JSON.stringify(g.a).includes('"side":"business","level":"leader"') || JSON.stringify(g.b).includes('"side":"business","level":"leader"'))).toBe(false);
    // Comments: 28 ≥ 10, sorted, with no segment.
    expect(q1.comments).toEqual([...Array(10).fill('=HYPERLINK("x")'), ...Array(18).fill('Ship smaller increments')]);
    // No visible number comes from fewer than k respondents.
    for (const q of r.questions) for (const s of q.segments) if (!s.suppressed) expect(s.n).toBeGreaterThanOrEqual(5);

    const csvRes = await admin.get(`/api/v1/pulses/${p.id}/results.csv?by=side,level`);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    const parsed = Papa.parse<Record<string, string>>(csvRes.body.trim(), { header: true }).data;
    const scoreRows = parsed.filter((x) => x.section === 'score' && x.question_id === q1.questionId);
    expect(scoreRows).toHaveLength(q1.segments.length);
    q1.segments.forEach((s: { suppressed?: boolean; n?: number; favourable?: number }, i: number) => {
      const row = scoreRows[i]!;
      if (s.suppressed) {
        expect(row.text).toBe('suppressed');
        expect(row.n).toBe('');
      } else {
        expect(Number(row.n)).toBe(s.n);
        expect(Number(row.favourable)).toBeCloseTo(s.favourable!, 4);
      }
    });
    expect(parsed.find((x) => x.section === 'headline')!.text).toBe(r.headline);
    expect(csvRes.body).toContain(`'=HYPERLINK`);
  });

  it('mails the pulse links through a real SMTP server, returns no links, and reminds only those who have not answered', async () => {
    const smtp = await startSmtp();
    const received = smtp.received;
    const mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>');
    const m = await createTestApp(engine, { mailer });
    try {
      const { client } = await setUp(m.app);
      await importPeople(client, group(3, IT_EMP), 'mail');
      const p = await createPulse(client);
      const res = await client.post(`/api/v1/pulses/${p.id}/invitations`);
      expect(res.json()).toEqual({ issued: 3, mailed: 3 });
      expect(received).toHaveLength(3);
      const unfolded = received.map((x) => x.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
      const tokenOf = (mail: string) => /\/respond\/([A-Za-z0-9_-]{22})/.exec(mail)![1]!;
      const to = (mail: string) => /To: (\S+)/.exec(mail)![1]!;
      expect(unfolded.map(to).sort()).toEqual(['mail0@acme.test', 'mail1@acme.test', 'mail2@acme.test']);
      const answered = unfolded.find((x) => to(x) === 'mail0@acme.test')!;
      expect((await respond(m.app, tokenOf(answered), p.questions, 4)).statusCode).toBe(201);
      const rem = await client.post(`/api/v1/pulses/${p.id}/reminders`);
      expect(rem.json()).toEqual({ ok: true });
      const reminders = received.slice(3).map((x) => x.replace(/=\r?\n/g, ''));
      expect(reminders.map(to).sort()).toEqual(['mail1@acme.test', 'mail2@acme.test']);
      // The reminder's fresh link works; the first link of the same person no longer does.
      const firstOf1 = tokenOf(unfolded.find((x) => to(x) === 'mail1@acme.test')!);
      const newOf1 = tokenOf(reminders.find((x) => to(x) === 'mail1@acme.test')!);
      expect((await respond(m.app, firstOf1, p.questions, 4)).statusCode).toBe(404);
      expect((await respond(m.app, newOf1, p.questions, 4)).statusCode).toBe(201);
    } finally {
      mailer?.close();
      await m.close();
      await smtp.close();
    }
  });

  it('refuses reminders without SMTP rather than show who has answered', async () => {
    const bare = await createTestApp(engine);
    try {
      const { client } = await setUp(bare.app);
      await importPeople(client, group(3, IT_EMP), 'bare');
      const p = await createPulse(client);
      expect((await client.post(`/api/v1/pulses/${p.id}/invitations`, { unlinked: true, count: 3 })).statusCode).toBe(201);
      const res = await client.post(`/api/v1/pulses/${p.id}/reminders`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('mail_required');
    } finally {
      await bare.close();
    }
  });

  it('shows members the organisation-wide view of a published pulse only', async () => {
    const member = (await inviteMember(t.app, admin, 'member@acme.test', 'member', undefined, undefined, t.smtp)).client;
    const p = await createPulse(admin, { title: 'Published', template: 'tech-priorities-alignment' });
    const inv = await invite(admin, p.id, t.smtp);
    for (const i of inv.invitations.slice(0, 12)) await respond(t.app, i.token!, p.questions, 4);
    expect((await member.get(`/api/v1/pulses/${p.id}/results`)).statusCode).toBe(404);
    expect((await member.post('/api/v1/pulses', { title: 'x', template: 'tech-priorities-alignment' })).statusCode).toBe(403);
    await admin.post(`/api/v1/pulses/${p.id}/close`);
    expect((await member.get(`/api/v1/pulses/${p.id}/results`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/pulses/${p.id}/publish`)).json().published).toBe(true);
    const r = (await member.get(`/api/v1/pulses/${p.id}/results?by=side,level,department`)).json();
    expect(r.by).toEqual([]);
    expect(r.questions[0].segments).toHaveLength(1);
    expect(r.questions[0].segments[0]).toMatchObject({ key: {}, n: 12 });
    expect(r.gaps).toEqual([]);
    expect((await member.get('/api/v1/pulses')).json().items.map((x: { title: string }) => x.title)).toEqual(['Published']);
  });
});

describe.each(engines())('demo pulses on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('gives Northwind three quarterly pulses of about 150 respondents where the leader/employee gap narrows from about 27 to about 10 points', async () => {
    await seedDemo(t.app.ctx);
    const c = new Client(t.app);
    await c.post('/api/v1/auth/login', DEMO_LOGIN);
    const all = (await c.get('/api/v1/pulses')).json().items as { id: string; title: string; status: string; respondents: number; previousPulseId: string | null }[];
    // The three closed quarters, and the next quarter already made as a draft from the latest (decision 135).
    const pulses = all.filter((p) => p.status === 'closed');
    expect(pulses).toHaveLength(3);
    expect(all.filter((p) => p.status === 'draft').map((p) => p.previousPulseId)).toEqual([pulses[0]!.id]);
    const ordered = [...pulses].reverse();
    const gaps: number[] = [];
    for (const p of ordered) {
      expect(p.status).toBe('closed');
      expect(p.respondents).toBeGreaterThanOrEqual(135);
      expect(p.respondents).toBeLessThanOrEqual(160);
      const r = (await c.get(`/api/v1/pulses/${p.id}/results?by=level`)).json();
      const q1 = r.questions[0];
      expect(q1.text).toBe('IT and Business are aligned on tech priorities');
      const gap = r.gaps.find((g: { questionId: string; a: { level?: string; side?: string } }) => g.questionId === q1.questionId && g.a.level === 'leader' && !g.a.side);
      gaps.push(Math.round(gap.difference * 100));
      expect(r.headline).toMatch(/^\d+% of leaders say IT and Business are aligned, but only \d+% of employees agree\.$/);
    }
    console.log(`demo leader/employee gaps on the first statement: ${gaps.join(' → ')} points`);
    expect(Math.abs(gaps[0]! - 27)).toBeLessThanOrEqual(3);
    expect(gaps[1]!).toBeLessThan(gaps[0]!);
    expect(Math.abs(gaps[2]! - 10)).toBeLessThanOrEqual(3);
    const trend = (await c.get('/api/v1/pulses/trend')).json();
    expect(trend.questions[0].points).toHaveLength(3);
  });
});
