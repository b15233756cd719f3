import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '@tandem/db';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { hashPassword } from '../src/lib/password';
import { Client, OWNER, createTestApp, csvOf, engines, invite, openTestDatabase, setUp, type TestApp } from './harness';
import { createPulse, importPeople, issueUnlinked, group } from './pulse-helpers';

/** Collects what pino writes, one parsed JSON object per line. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  let raw = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw += chunk.toString();
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: { level: 'info', stream }, lines, text: () => raw };
}

const NUL = 'a\u0000b';
const put = (c: Client, url: string, json: unknown) => c.request({ method: 'PUT', url, json });
const csv = (c: Client, url: string, payload: string) => c.request({ method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload });

describe.each(engines())('request path: client address and rate limits on %s', (engine) => {
  it('ignores a spoofed X-Forwarded-For when no proxy is trusted, even with a public URL, and logs the real address', async () => {
    const sink = logSink();
    const t = await createTestApp(engine, { env: { TANDEM_PUBLIC_URL: 'https://tandem.example.com', TANDEM_AUTH_RATE_LIMIT: '10' }, logger: sink.logger });
    try {
      await setUp(t.app);
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) {
        const res = await new Client(t.app).request({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
          json: { email: OWNER.email, password: 'wrong password here' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes.slice(10)).toEqual(Array(15).fill(429));
      const logins = sink.lines.filter((l) => l.url === '/api/v1/auth/login');
      expect(logins).toHaveLength(25);
      expect(logins.every((l) => l.remoteAddress === '127.0.0.1')).toBe(true);
      expect(sink.text()).not.toContain('203.0.113.');
    } finally {
      await t.close();
    }
  });

  it('believes X-Forwarded-For from a trusted proxy, so clients behind it have their own budget', async () => {
    const t = await createTestApp(engine, { env: { TANDEM_TRUSTED_PROXIES: '127.0.0.1/8, ::1', TANDEM_AUTH_RATE_LIMIT: '3' } });
    try {
      await setUp(t.app);
      const login = (ip: string) =>
        new Client(t.app).request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': ip }, json: { email: OWNER.email, password: 'wrong password here' } });
      const a = [];
      for (let i = 0; i < 4; i++) a.push((await login('198.51.100.7')).statusCode);
      expect(a).toEqual([401, 401, 401, 429]);
      expect((await login('198.51.100.8')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('limits password changes, organisation creation, invitations and survey answers per client', async () => {
    const t = await createTestApp(engine, {
      env: { TANDEM_AUTH_RATE_LIMIT: '3', TANDEM_ORG_RATE_LIMIT: '2', TANDEM_INVITE_RATE_LIMIT: '2', TANDEM_RESPOND_RATE_LIMIT: '3' },
    });
    try {
      const { client: owner } = await setUp(t.app);
      const pw = [];
      for (let i = 0; i < 4; i++) pw.push((await owner.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'another long password' })).statusCode);
      expect(pw).toEqual([400, 400, 400, 429]);

      const orgs = [];
      for (let i = 0; i < 3; i++) orgs.push((await owner.post('/api/v1/orgs', { name: `Org ${i}`, currency: 'EUR' })).statusCode);
      expect(orgs).toEqual([201, 201, 429]);

      const invs = [];
      for (let i = 0; i < 3; i++) invs.push((await owner.post('/api/v1/invitations', { email: `p${i}@acme.test`, role: 'member' })).statusCode);
      expect(invs).toEqual([201, 201, 429]);

      const anon = new Client(t.app);
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await anon.get(`/api/v1/respond/unknown-token-${i}`)).statusCode);
      expect(answers).toEqual([404, 404, 404, 429]);
    } finally {
      await t.close();
    }
  });
});

describe.each(engines())('request path: bad input is a 400, never a 500, on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let goalId: string;
  let initiativeId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = (await setUp(t.app)).client;
    goalId = (await owner.post('/api/v1/goals', { title: 'A goal' })).json().id;
    initiativeId = (await owner.post('/api/v1/initiatives', { title: 'An initiative', goalIds: [goalId] })).json().id;
  });
  afterAll(() => t.close());

  function expect400(res: { statusCode: number; body: string }, path?: string) {
    expect(res.statusCode, res.body).toBe(400);
    const err = JSON.parse(res.body).error;
    expect(err.code).toBe('validation');
    if (path) expect(err.message).toContain(path);
  }

  it('refuses U+0000 in every kind of string with the field named', async () => {
    expect400(await owner.post('/api/v1/orgs', { name: NUL, currency: 'EUR' }), 'body.name');
    expect400(await owner.post('/api/v1/people', { name: NUL, email: 'n@acme.test', department: 'IT', side: 'it', level: 'employee' }), 'body.name');
    expect400(await owner.post('/api/v1/people', { name: 'N', email: 'n@acme.test', department: 'IT', side: 'it', level: 'employee', location: NUL }), 'body.location');
    expect400(await owner.post('/api/v1/goals', { title: 'ok', metric: NUL }), 'body.metric');
    expect400(await owner.post('/api/v1/initiatives', { title: 'ok', description: NUL }), 'body.description');
    expect400(await owner.post('/api/v1/enablers', { title: NUL }), 'body.title');
    expect400(await put(owner, `/api/v1/initiatives/${initiativeId}/ladder`, { rungs: [{ rung: 'now', deliverable: NUL }] }), 'body.rungs.0.deliverable');
    expect400(await owner.post('/api/v1/pulses', { title: 'P', questions: [{ text: `Is ${NUL} fine?` }] }), 'body.questions.0.text');
    expect400(await owner.get('/api/v1/people?includeInactive=%00'), 'querystring.includeInactive');
    expect400(await new Client(t.app).get('/api/v1/respond/ab%00cd'), 'params.token');
    expect(JSON.parse((await owner.get('/api/v1/people?limit=500')).body).items).toHaveLength(0);
  });

  it('refuses U+0000 in a CSV cell with its line, and imports nothing', async () => {
    const people = csvOf([['name', 'email', 'department', 'side', 'level', 'location'], ['Ann', 'ann@acme.test', 'IT', 'it', 'leader', ''], ['B\u0000b', 'bob@acme.test', 'IT', 'it', 'employee', '']]);
    const res = await csv(owner, '/api/v1/people/import', people);
    expect400(res, 'line 3');
    expect((await owner.get('/api/v1/people?limit=500')).json().items).toHaveLength(0);
    expect400(await csv(owner, '/api/v1/goals/import', csvOf([['title', 'metric', 'baseline', 'target', 'unit', 'due_date', 'owner_email'], [NUL, '', '', '', '', '', '']])));
    expect400(await csv(owner, '/api/v1/initiatives/import', `title,description,goals,owner_email,business_champion_email,it_champion_email,start_date,end_date,status,effort,ansoff,it_involved_at\nX,${NUL},,,,,,,,,,\n`));
    expect400(await csv(owner, '/api/v1/enablers/import', `title,initiatives,owner_email,start_date,end_date,status,effort\n${NUL},,,,,,\n`));
  });

  it('refuses U+0000 in invitation acceptance, and the unconsumed link still works afterwards', async () => {
    const inv = (await owner.post('/api/v1/invitations', { email: 'nul@acme.test', role: 'member' })).json();
    const guest = new Client(t.app);
    expect400(await guest.post(`/api/v1/invitations/${inv.token}/accept`, { name: NUL, password: 'a long enough password' }), 'body.name');
    expect400(await guest.post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Nula', password: `long enough ${NUL}` }), 'body.password');
    expect400(await guest.post(`/api/v1/invitations/${encodeURIComponent(`${inv.token}\u0000`)}/accept`, { name: 'Nula', password: 'a long enough password' }), 'params.token');
    const ok = await guest.post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Nula', password: 'a long enough password' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Again', password: 'a long enough password' })).statusCode).toBe(404);
  });

  it('refuses year-0000 and out-of-range dates everywhere a date is accepted', async () => {
    expect400(await owner.post('/api/v1/goals', { title: 'Old', dueDate: '0000-01-01' }), 'body.dueDate');
    expect400(await owner.patch(`/api/v1/goals/${goalId}`, { dueDate: '0202-06-30' }), 'body.dueDate');
    expect400(await owner.post('/api/v1/initiatives', { title: 'Old', startDate: '0000-12-31' }), 'body.startDate');
    expect400(await owner.patch(`/api/v1/initiatives/${initiativeId}`, { itInvolvedAt: '0000-02-29' }), 'body.itInvolvedAt');
    expect400(await owner.post('/api/v1/enablers', { title: 'Old', endDate: '0000-01-01' }), 'body.endDate');
    expect400(await put(owner, `/api/v1/initiatives/${initiativeId}/ladder`, { rungs: [{ rung: 'now', deliverable: 'x', date: '0000-01-01' }] }), 'body.rungs.0.date');
    expect400(await owner.post('/api/v1/pulses', { title: 'P', template: 'tech-priorities-alignment', opensAt: '0000-01-01T00:00:00Z' }), 'body.opensAt');
    const pulse = await createPulse(owner);
    expect400(await owner.patch(`/api/v1/pulses/${pulse.id}`, { closesAt: '0000-01-01T00:00:00.000Z' }), 'body.closesAt');

    const goals = await csv(owner, '/api/v1/goals/import', csvOf([['title', 'metric', 'baseline', 'target', 'unit', 'due_date', 'owner_email'], ['Zero year', '', '', '', '', '0000-01-01', '']]));
    expect(goals.statusCode, goals.body).toBe(200);
    expect(goals.json().errors).toEqual([{ line: 2, message: expect.stringContaining('due_date') }]);
    const enablers = await csv(owner, '/api/v1/enablers/import', 'title,initiatives,owner_email,start_date,end_date,status,effort\nZ,,,0000-01-01,,,\n');
    expect(enablers.json().errors[0].message).toContain('start_date');
    expect((await owner.get('/api/v1/goals')).json().items.map((g: { title: string }) => g.title)).toEqual(['A goal']);
  });

  it('bounds efforts to the integer column, in JSON and in CSV', async () => {
    expect400(await owner.post('/api/v1/initiatives', { title: 'Huge', effort: 3_000_000_000 }), 'body.effort');
    expect400(await owner.patch(`/api/v1/initiatives/${initiativeId}`, { effort: 2 ** 53 }), 'body.effort');
    expect400(await owner.post('/api/v1/enablers', { title: 'Huge', effort: 1e300 }), 'body.effort');
    const res = await csv(owner, '/api/v1/enablers/import', 'title,initiatives,owner_email,start_date,end_date,status,effort\nHuge,,,,,,99999999999\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 0, errors: [{ line: 2, message: expect.stringContaining('effort') }] });
  });

  it('answers 400 to crafted audit cursors (impossible date, invalid uuid)', async () => {
    const good = '2026-11-28T09:00:00.000Z~6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40';
    expect((await owner.get(`/api/v1/audit?cursor=${encodeURIComponent(good)}`)).statusCode).toBe(200);
    for (const bad of [
      '2026-13-45T99:99:99.000Z~6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40',
      '0000-01-01T00:00:00.000Z~6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40',
      '2026-11-28T09:00:00.000Z~------------------------------------',
      '2026-11-28T09:00:00.000Z~zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      '2026-11-28T09:00:00.000Z~6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40~x',
    ]) {
      expect400(await owner.get(`/api/v1/audit?cursor=${encodeURIComponent(bad)}`), 'querystring.cursor');
    }
  });
});

describe.each(engines())('request path: links, CSV round trip and headers on %s', (engine) => {
  it('builds links from TANDEM_PUBLIC_URL, else from the listening address, never from a forged Host', async () => {
    const plain = await createTestApp(engine, { env: { PORT: '4123', HOST: '0.0.0.0' } });
    const pub = await createTestApp(engine, { env: { TANDEM_PUBLIC_URL: 'https://tandem.example.com/' } });
    try {
      for (const [t, origin] of [
        [plain, 'http://localhost:4123'],
        [pub, 'https://tandem.example.com'],
      ] as const) {
        const { client: owner } = await setUp(t.app);
        const res = await owner.request({ method: 'POST', url: '/api/v1/invitations', headers: { host: 'evil.example' }, json: { email: 'x@acme.test', role: 'member' } });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().url).toBe(`${origin}/invite/${res.json().token}`);

        await importPeople(owner, group(3, { side: 'it', level: 'leader', department: 'IT', location: '' }));
        const pulse = await createPulse(owner);
        // Without mail the leader may only hold unlinked links (decision 024); they carry the origin too.
        const links = await owner.request({
          method: 'POST',
          url: `/api/v1/pulses/${pulse.id}/invitations`,
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
          json: { unlinked: true, count: 3 },
        });
        expect(links.statusCode, links.body).toBe(201);
        const urls = links.json().links as string[];
        expect(urls.length).toBe(3);
        for (const u of urls) expect(u.startsWith(`${origin}/respond/`)).toBe(true);
      }
    } finally {
      await plain.close();
      await pub.close();
    }
  });

  it('imports an export back to the same values, including formula-escaped ones', async () => {
    const t = await createTestApp(engine);
    try {
      const { client: owner } = await setUp(t.app);
      const tricky = ['=HYPERLINK("x")', '+41 cell', '-dash', '@at', "'quoted", "''twice", 'plain'];
      const rows = [['name', 'email', 'department', 'side', 'level', 'location']];
      tricky.forEach((name, i) => rows.push([`"${name.replace(/"/g, '""')}"`, `p${i}@acme.test`, `"${name.replace(/"/g, '""')}"`, 'it', 'employee', '-1st floor']));
      const imported = await csv(owner, '/api/v1/people/import', csvOf(rows));
      expect(imported.json(), imported.body).toEqual({ dryRun: false, created: tricky.length, updated: 0, unchanged: 0, errors: [], failedCsv: '' });
      // The import's own unescaping applies to hand-written files too: "'quoted" has no formula start, so it stays.
      const before = (await owner.get('/api/v1/people?limit=500')).json().items.map((p: { name: string; department: string; location: string }) => [p.name, p.department, p.location]);

      await owner.post('/api/v1/goals', { title: '=SUM(A1:A9)', metric: '-margin', baseline: -5, target: 10, unit: "'%", dueDate: '2027-12-31' });
      await owner.post('/api/v1/initiatives', { title: '@risk', description: '=cmd|calc', effort: 5 });
      await owner.post('/api/v1/enablers', { title: '+plus', effort: 3 });
      const exported = {
        people: (await owner.get('/api/v1/people.csv')).body,
        goals: (await owner.get('/api/v1/goals.csv')).body,
        initiatives: (await owner.get('/api/v1/initiatives.csv')).body,
        enablers: (await owner.get('/api/v1/enablers.csv')).body,
      };
      expect(exported.goals).toContain("'=SUM(A1:A9)");
      const strategyBefore = {
        goals: (await owner.get('/api/v1/goals')).json().items.map((g: Record<string, unknown>) => [g.title, g.metric, g.baseline, g.unit]),
        initiatives: (await owner.get('/api/v1/initiatives')).json().items.map((i: Record<string, unknown>) => [i.title, i.description]),
        enablers: (await owner.get('/api/v1/enablers')).json().items.map((e: Record<string, unknown>) => e.title),
      };

      expect((await owner.post('/api/v1/orgs', { name: 'Copy', currency: 'EUR' })).statusCode).toBe(201);
      const peopleCsv = exported.people
        .split('\r\n')
        .map((l) => l.split(',').slice(0, 6).join(','))
        .join('\n');
      expect((await csv(owner, '/api/v1/people/import', peopleCsv)).json().errors).toEqual([]);
      const after = (await owner.get('/api/v1/people?limit=500')).json().items.map((p: { name: string; department: string; location: string }) => [p.name, p.department, p.location]);
      expect(after).toEqual(before);

      for (const kind of ['goals', 'initiatives', 'enablers'] as const) {
        const res = await csv(owner, `/api/v1/${kind}/import`, exported[kind]);
        expect(res.json().errors, `${kind}: ${res.body}`).toEqual([]);
      }
      expect({
        goals: (await owner.get('/api/v1/goals')).json().items.map((g: Record<string, unknown>) => [g.title, g.metric, g.baseline, g.unit]),
        initiatives: (await owner.get('/api/v1/initiatives')).json().items.map((i: Record<string, unknown>) => [i.title, i.description]),
        enablers: (await owner.get('/api/v1/enablers')).json().items.map((e: Record<string, unknown>) => e.title),
      }).toEqual(strategyBefore);
    } finally {
      await t.close();
    }
  });

  it('sends the security headers on API answers, errors, 404s and static files; no-store on the API; HSTS only over https', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'tandem-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(webDir, 'app.js'), 'console.log(1)');
    const http = await createTestApp(engine, { webDir });
    const https = await createTestApp(engine, { webDir, env: { TANDEM_PUBLIC_URL: 'https://tandem.example.com' } });
    try {
      for (const t of [http, https]) {
        const { client } = await setUp(t.app);
        const anon = new Client(t.app);
        const samples = [
          { res: await client.get('/api/v1/me'), api: true, status: 200 },
          { res: await anon.get('/api/v1/me'), api: true, status: 401 },
          { res: await client.get('/api/v1/nope'), api: true, status: 404 },
          { res: await client.request({ method: 'POST', url: '/api/v1/goals', headers: { 'content-type': 'application/json' }, payload: '{bad' }), api: true, status: 400 },
          { res: await anon.get('/api/health'), api: true, status: 200 },
          { res: await anon.get('/app.js'), api: false, status: 200 },
          { res: await anon.get('/some/client/route'), api: false, status: 200 },
        ];
        for (const { res, api, status } of samples) {
          const label = `${res.raw.req.url} ${res.statusCode}`;
          expect(res.statusCode, label).toBe(status);
          const csp = String(res.headers['content-security-policy']);
          expect(csp, label).toContain("frame-ancestors 'none'");
          expect(csp, label).toMatch(/script-src 'self'(;|$)/);
          expect(csp, label).toContain("object-src 'none'");
          expect(res.headers['x-content-type-options'], label).toBe('nosniff');
          expect(res.headers['referrer-policy'], label).toBe('no-referrer');
          expect(res.headers['x-frame-options'], label).toBe('DENY');
          if (api) expect(res.headers['cache-control'], label).toBe('no-store');
          if (t === https) expect(res.headers['strict-transport-security'], label).toContain('max-age=');
          else expect(res.headers['strict-transport-security'], label).toBeUndefined();
        }
      }
    } finally {
      await http.close();
      await https.close();
    }
  });
});

describe.each(engines())('request path: logs on %s', (engine) => {
  it('logs one line per request with tokens redacted, no bodies, no headers', async () => {
    const sink = logSink();
    const t = await createTestApp(engine, { logger: sink.logger });
    try {
      const { client: owner } = await setUp(t.app);
      await importPeople(owner, group(3, { side: 'it', level: 'leader', department: 'IT', location: '' }));
      const pulse = await createPulse(owner);
      const [link] = await issueUnlinked(owner, pulse.id, 1);
      const token = link!.token;
      const anon = new Client(t.app);
      await anon.get(`/api/v1/respond/${token}`);
      await anon.post(`/api/v1/respond/${token}`, { answers: pulse.questions.map((q) => ({ questionId: q.id, value: 4 })) });
      const { invitation } = await invite(t.app, owner, 'logged@acme.test', 'member', 'Logged Person', 'secret password 123');
      await anon.get(`/api/v1/invitations/${invitation.token}`);
      await anon.get(`/api/v1/auth/password-reset/${token}?token=${token}`);
      await anon.get(`/api/v1/anything?code=${token}&page=2`);

      const text = sink.text();
      expect(text).not.toContain(token);
      expect(text).not.toContain(invitation.token);
      expect(text).not.toContain('secret password 123');
      expect(text).not.toContain(OWNER.password);
      expect(text).not.toContain('tandem_session');
      const urls = sink.lines.map((l) => l.url).filter(Boolean);
      expect(urls).toContain('/api/v1/respond/[redacted]');
      expect(urls).toContain('/api/v1/invitations/[redacted]/accept');
      expect(urls).toContain('/api/v1/auth/password-reset/[redacted]?token=[redacted]');
      expect(urls).toContain('/api/v1/anything?code=[redacted]&page=2');
      expect(urls).toContain(`/api/v1/pulses/${pulse.id}/invitations`);
      expect(sink.lines.filter((l) => l.msg === 'incoming request')).toHaveLength(0);
    } finally {
      await t.close();
    }
  });

  it('logs a database error without its SQL parameters', async () => {
    const sink = logSink();
    const { database, dispose } = await openTestDatabase(engine);
    const app = await buildApp({ database, config: loadConfig({}), webDir: null, logger: sink.logger });
    const hash = await hashPassword('a password that must not leak');
    // A real failing query whose parameters include an argon2 hash, through the real error handler.
    app.get('/api/boom', { config: { access: 'public' } }, async () => insertUser(database.db, { email: 'x@acme.test', name: 'bad\u0000name', passwordHash: hash }));
    try {
      const res = await app.inject({ method: 'GET', url: '/api/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('argon2');
      const error = sink.lines.find((l) => l.msg === 'unhandled error');
      expect(error).toBeDefined();
      expect((error!.err as { query: string }).query).toContain('insert into "users"');
      expect(sink.text()).not.toContain(hash);
      expect(sink.text()).not.toContain('$argon2');
      expect(sink.text()).not.toContain('bad\\u0000name');
    } finally {
      await app.close();
      await dispose();
    }
  });
});
