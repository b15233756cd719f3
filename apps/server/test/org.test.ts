import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, OWNER, createTestApp, csvOf, engines, invite, setUp, type TestApp } from './harness';
import { startSmtp } from './smtp';
import { createMailer } from '../src/lib/mailer';

describe.each(engines())('org on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    owner = (await setUp(t.app)).client;
  });
  afterAll(() => t.close());

  it('reports health with the engine', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { engine, ok: true } });
  });

  it('closes setup after the first run', async () => {
    const c = new Client(t.app);
    expect((await c.get('/api/v1/setup')).json()).toEqual({ setupRequired: false });
    const again = await c.post('/api/v1/setup', { organisation: { name: 'Other', currency: 'USD' }, owner: { name: 'X', email: 'x@x.test', password: '0123456789' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('rejects unknown fields and bad values with 400 and field paths, and changes nothing', async () => {
    const res = await owner.post('/api/v1/people', { name: 'A', email: 'a@acme.test', department: 'Ops', side: 'it', level: 'employee', shoeSize: 44 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    const bad = await owner.post('/api/v1/people', { name: 'A', email: 'not-an-email', department: 'Ops', side: 'sales', level: 'employee' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.side']));
    expect((await owner.get('/api/v1/people?limit=500')).json().items).toHaveLength(0);
  });

  it('never answers with a stack trace, even for malformed JSON', async () => {
    const res = await owner.request({ method: 'POST', url: '/api/v1/people', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.json().error.message).toBe('The body is not valid JSON');
  });

  it('limits the body size', async () => {
    const res = await owner.request({ method: 'POST', url: '/api/v1/people', payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
  });

  it('hashes with argon2id, at least 19 MiB and 2 passes; long and non-ASCII passwords work', async () => {
    const rows = await t.database.db.query.users.findMany();
    expect(rows[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/);
    const [, m, tt] = rows[0]!.passwordHash.match(/m=(\d+),t=(\d+)/)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(tt)).toBeGreaterThanOrEqual(2);
    const long = 'Grüße aus Köln, tangerine 密码 🔐 ' + 'ü'.repeat(300) + 'x'.repeat(500);
    const { client } = await invite(t.app, owner, 'long@acme.test', 'member', 'Long Pw', long);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', { email: 'long@acme.test', password: long })).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/login', { email: 'long@acme.test', password: long.slice(0, -1) })).statusCode).toBe(401);
    const short = await owner.post('/api/v1/invitations', { email: 'short@acme.test', role: 'member' });
    const acc = await new Client(t.app).post(`/api/v1/invitations/${short.json().token}/accept`, { name: 'S', password: 'short' });
    expect(acc.statusCode).toBe(400);
  });

  it('logs in with a new session id each time; logout ends the session', async () => {
    const c = new Client(t.app);
    const wrong = await c.post('/api/v1/auth/login', { email: OWNER.email, password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    const ok = await c.post('/api/v1/auth/login', { email: OWNER.email.toUpperCase(), password: OWNER.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().current.name).toBe('Acme');
    const setCookie = ([] as string[]).concat(ok.headers['set-cookie'] as string[]);
    expect(setCookie.find((s) => s.startsWith('tandem_session='))).toMatch(/HttpOnly/);
    expect(setCookie.find((s) => s.startsWith('tandem_session='))).toMatch(/SameSite=Lax/);
    expect(setCookie.find((s) => s.startsWith('tandem_csrf='))).not.toMatch(/HttpOnly/);
    const first = c.cookies.tandem_session;
    await c.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    expect(c.cookies.tandem_session).not.toBe(first);
    const old = new Client(t.app);
    old.cookies = { tandem_session: first! };
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    const keep = { ...c.cookies };
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const replay = new Client(t.app);
    replay.cookies = keep;
    expect((await replay.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const noToken = await owner.request({ method: 'POST', url: '/api/v1/people', json: { name: 'N', email: 'n@acme.test', department: 'Ops', side: 'it', level: 'employee' }, headers: { 'x-csrf-token': 'forged' } });
    expect(noToken.statusCode).toBe(403);
    const crossSite = await owner.request({
      method: 'POST',
      url: '/api/v1/people',
      json: { name: 'N', email: 'n@acme.test', department: 'Ops', side: 'it', level: 'employee' },
      headers: { origin: 'https://evil.example', host: 'localhost:80' },
    });
    expect(crossSite.statusCode).toBe(403);
    const loginCrossSite = await new Client(t.app).request({ method: 'POST', url: '/api/v1/auth/login', json: { email: OWNER.email, password: OWNER.password }, headers: { origin: 'https://evil.example', host: 'localhost:80' } });
    expect(loginCrossSite.statusCode).toBe(403);
    const sameOrigin = await owner.request({
      method: 'POST',
      url: '/api/v1/people',
      json: { name: 'N', email: 'n@acme.test', department: 'Ops', side: 'it', level: 'employee' },
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('checks roles on the server: a member can read people but not invite or export', async () => {
    const { client: member } = await invite(t.app, owner, 'member@acme.test', 'member');
    expect((await member.get('/api/v1/people')).statusCode).toBe(200);
    expect((await member.post('/api/v1/invitations', { email: 'z@acme.test', role: 'member' })).statusCode).toBe(403);
    expect((await member.get('/api/v1/people.csv')).statusCode).toBe(403);
    expect((await member.get('/api/v1/audit')).statusCode).toBe(403);
    const { client: admin } = await invite(t.app, owner, 'admin@acme.test', 'admin');
    expect((await admin.post('/api/v1/invitations', { email: 'boss@acme.test', role: 'owner' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/invitations', { email: 'a2@acme.test', role: 'admin' })).statusCode).toBe(201);
  });

  it('invitation links are single-use and expire', async () => {
    const inv = (await owner.post('/api/v1/invitations', { email: 'once@acme.test', role: 'leader' })).json();
    expect(inv.token.length).toBeGreaterThanOrEqual(43);
    expect(inv.emailed).toBe(false);
    const preview = await new Client(t.app).get(`/api/v1/invitations/${inv.token}`);
    expect(preview.json()).toEqual({ organisation: 'Acme', email: 'once@acme.test', role: 'leader', expiresAt: inv.expiresAt });
    const [a, b] = await Promise.all([
      new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Once', password: 'password-one-1' }),
      new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Twice', password: 'password-two-2' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 404]);
    expect((await new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Again', password: 'password-3333' })).statusCode).toBe(404);
    const late = (await owner.post('/api/v1/invitations', { email: 'late@acme.test', role: 'member' })).json();
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 8 * 86_400_000);
    try {
      const res = await new Client(t.app).post(`/api/v1/invitations/${late.token}/accept`, { name: 'Late', password: 'password-late' });
      expect(res.statusCode).toBe(404);
      expect((await new Client(t.app).get('/api/v1/invitations/not-a-token')).statusCode).toBe(404);
    } finally {
      t.clock.now = saved;
    }
  });

  it('without mail, an account made from a held link cannot be joined through another organisation\'s link (decision 007)', async () => {
    await invite(t.app, owner, 'twoorgs@acme.test', 'member', 'Tom Two', 'tom password 1');
    const other = new Client(t.app);
    await other.post('/api/v1/auth/login', { email: OWNER.email, password: OWNER.password });
    await other.post('/api/v1/orgs', { name: 'Gamma Ltd', currency: 'GBP' });
    const inv = (await other.post('/api/v1/invitations', { email: 'twoorgs@acme.test', role: 'leader' })).json();
    // Nobody proved the address: neither its password nor a new one lets Gamma's link attach the account.
    for (const body of [{ password: 'tom password 1' }, { name: 'Squatter', password: 'a brand new passphrase' }]) {
      const res = await new Client(t.app).post(`/api/v1/invitations/${inv.token}/accept`, body);
      expect(res.statusCode).toBe(409);
    }
    expect((await other.get('/api/v1/members')).json().items.map((m: { email: string }) => m.email)).not.toContain('twoorgs@acme.test');
    const fresh = (await other.post('/api/v1/invitations', { email: 'newbie@acme.test', role: 'member' })).json();
    const noName = await new Client(t.app).post(`/api/v1/invitations/${fresh.token}/accept`, { password: 'newbie password' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details[0].path).toBe('body.name');
  });

  it('manages the people directory: add, edit, deactivate, manager in the same organisation', async () => {
    const boss = (await owner.post('/api/v1/people', { name: 'Bea Boss', email: 'bea@acme.test', department: 'Finance', side: 'business', level: 'leader', location: 'Lyon' })).json();
    const emp = await owner.post('/api/v1/people', { name: 'Eli Emp', email: 'eli@acme.test', department: 'Finance', side: 'business', level: 'employee', managerId: boss.id });
    expect(emp.statusCode).toBe(201);
    const dup = await owner.post('/api/v1/people', { name: 'Eli Two', email: 'ELI@acme.test', department: 'Finance', side: 'business', level: 'employee' });
    expect(dup.statusCode).toBe(409);
    const loop = await owner.patch(`/api/v1/people/${boss.id}`, { managerId: emp.json().id });
    expect(loop.statusCode).toBe(400);
    const ghost = await owner.patch(`/api/v1/people/${boss.id}`, { managerId: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.statusCode).toBe(400);
    const off = await owner.patch(`/api/v1/people/${emp.json().id}`, { active: false, location: 'Remote' });
    expect(off.json()).toMatchObject({ active: false, location: 'Remote' });
    const active = (await owner.get('/api/v1/people?limit=500')).json().items.map((p: { email: string }) => p.email);
    expect(active).toContain('bea@acme.test');
    expect(active).not.toContain('eli@acme.test');
    const all = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items.map((p: { email: string }) => p.email);
    expect(all).toContain('eli@acme.test');
  });

  it('imports CSV keeping good rows and reporting bad ones by line', async () => {
    const csv = csvOf([
      ['name', 'email', 'department', 'side', 'level', 'location'],
      ['Ada', 'ada@acme.test', 'Engineering', 'it', 'employee', 'Paris'],
      ['Bob', 'bob@acme', 'Sales', 'business', 'employee', 'Paris'],
      ['Cy', 'cy@acme.test', 'Sales', 'marketing', 'employee', 'Paris'],
      ['"Dee, Jr"', 'dee@acme.test', 'Sales', 'Business', 'Leader', ''],
      ['Ada again', 'ADA@acme.test', 'Engineering', 'it', 'employee', 'Paris'],
      ['Bea dup', 'bea@acme.test', 'Finance', 'business', 'leader', 'Lyon'],
    ]);
    const res = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Bea is already in the directory: her row updates her instead of being refused as a duplicate.
    expect(body).toMatchObject({ dryRun: false, created: 2, updated: 1, unchanged: 0 });
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 6]);
    expect(body.errors[0].message).toMatch(/email/);
    expect(body.errors[1].message).toBe('Side "marketing" is not one of: it, business (side)');
    expect(body.errors[2].message).toMatch(/appears already on line 2/);
    // The refused rows come back as CSV under the same header, to fix and import again.
    expect(body.failedCsv.split('\r\n')).toEqual(['name,email,department,side,level,location', 'Bob,bob@acme,Sales,business,employee,Paris', 'Cy,cy@acme.test,Sales,marketing,employee,Paris', 'Ada again,ADA@acme.test,Engineering,it,employee,Paris', '']);
    const badHeader = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: 'name,mail\nA,b\n', headers: { 'content-type': 'text/csv' } });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.details[0].line).toBe(1);
  });

  it('round-trips its own export: the file imports again with everything unchanged, an edited row updates, a dry run writes nothing', async () => {
    const exported = (await owner.get('/api/v1/people.csv')).body;
    const before = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items;
    const again = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: exported, headers: { 'content-type': 'text/csv' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: before.length, errors: [], failedCsv: '' });

    const lines = exported.trimEnd().split('\r\n');
    const edited = [...lines.map((l) => (l.startsWith('Ada,') ? l.replace(',Paris,', ',Lisbon,') : l)), 'Neo,neo@acme.test,Engineering,it,employee,Lyon,ada@acme.test,true'].join('\r\n') + '\r\n';
    const preview = await owner.request({ method: 'POST', url: '/api/v1/people/import?dryRun=true', payload: edited, headers: { 'content-type': 'text/csv' } });
    expect(preview.json()).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: before.length - 1, errors: [] });
    expect((await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items).toEqual(before);

    const done = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: edited, headers: { 'content-type': 'text/csv' } });
    expect(done.json()).toMatchObject({ dryRun: false, created: 1, updated: 1, unchanged: before.length - 1, errors: [] });
    const after = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items as { id: string; email: string; location: string; managerId: string | null }[];
    expect(after).toHaveLength(before.length + 1);
    const ada = after.find((p) => p.email === 'ada@acme.test')!;
    expect(ada.location).toBe('Lisbon');
    expect(after.find((p) => p.email === 'neo@acme.test')!.managerId).toBe(ada.id);
  });

  it('round-trips an Excel workbook: its own .xlsx export imports unchanged; a hand-made sheet with links, formulas and a blank row reports the right lines; a file that is not a workbook is refused', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const before = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items;
    const exported = await owner.request({ method: 'GET', url: '/api/v1/people.xlsx' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const again = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: exported.rawPayload, headers: { 'content-type': XLSX } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: before.length, errors: [], failedCsv: '' });

    // A sheet as people make them: the e-mail typed as a link, the department from a formula, a blank row.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Staff');
    ws.addRow(['name', 'email', 'department', 'side', 'level', 'location']);
    ws.addRow(['Xena', { text: 'xena@acme.test', hyperlink: 'mailto:xena@acme.test' }, { formula: '"Fin"&"ance"', result: 'Finance' }, 'business', 'leader', 'Oslo']);
    ws.addRow([]);
    ws.addRow(['Yves', 'yves@acme', 'Finance', 'business', 'employee', 'Oslo']);
    const sheet = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await owner.request({ method: 'POST', url: '/api/v1/people/import?dryRun=true', payload: sheet, headers: { 'content-type': XLSX } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 1, updated: 0, errors: [{ line: 4 }] });
    expect(preview.json().errors[0].message).toMatch(/Email "yves@acme"/);
    const done = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: sheet, headers: { 'content-type': XLSX } });
    expect(done.json()).toMatchObject({ created: 1, errors: [{ line: 4 }] });
    const after = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items as { email: string; department: string }[];
    expect(after.find((p) => p.email === 'xena@acme.test')?.department).toBe('Finance');

    const notAWorkbook = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: Buffer.from('name,email\nA,b\n'), headers: { 'content-type': XLSX } });
    expect(notAWorkbook.statusCode).toBe(400);
    expect(notAWorkbook.json().error.message).toMatch(/not an Excel workbook/);
    expect((await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items).toHaveLength(after.length);
  });

  it('refuses a people import row with an unknown manager, and a bad dry-run flag with 400, writing nothing', async () => {
    const before = (await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items;
    const csv = 'name,email,department,side,level,location,manager_email,active\r\nZed,zed@acme.test,Ops,it,employee,,ghost@acme.test,true\r\n';
    const res = await owner.request({ method: 'POST', url: '/api/v1/people/import', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.json()).toMatchObject({ created: 0, updated: 0, errors: [{ line: 2, message: 'Manager e-mail ghost@acme.test is not in the directory nor in this file (manager_email)' }] });
    expect(res.json().failedCsv).toContain('Zed,zed@acme.test');
    const bad = await owner.request({ method: 'POST', url: '/api/v1/people/import?dryRun=maybe', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Dry run "maybe" is not one of: true, false (querystring.dryRun)');
    expect((await owner.get('/api/v1/people?includeInactive=true&limit=500')).json().items).toEqual(before);
  });

  it('exports CSV with formula cells escaped, and audits the export', async () => {
    await owner.post('/api/v1/people', { name: '=HYPERLINK("http://evil")', email: 'formula@acme.test', department: '+Ops', side: 'it', level: 'employee', location: '@home' });
    const res = await owner.get('/api/v1/people.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const line = res.body.split('\r\n').find((l) => l.includes('formula@acme.test'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain("'+Ops");
    expect(line).toContain("'@home");
    const audit = (await owner.get('/api/v1/audit?limit=500')).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['people.exported', 'people.imported', 'invitation.created', 'invitation.accepted', 'login.succeeded', 'setup.completed']));
    // Failed sign-ins go to no organisation's audit log (decision 008).
    expect(audit).not.toContain('login.failed');
  });

  it('pages the audit log by cursor without skipping or repeating entries', async () => {
    const all = (await owner.get('/api/v1/audit?limit=500')).json();
    expect(all.nextCursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await owner.get(`/api/v1/audit?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e: { id: string }) => e.id));
    expect((await owner.get('/api/v1/audit?cursor=yesterday')).statusCode).toBe(400);
  });

  it('creates and switches organisations; a member of one sees nothing of the other', async () => {
    const created = await owner.post('/api/v1/orgs', { name: 'Beta Corp', currency: 'USD' });
    expect(created.statusCode).toBe(201);
    const me = (await owner.get('/api/v1/me')).json();
    expect(me.current.name).toBe('Beta Corp');
    expect(me.organisations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Acme', 'Beta Corp']));
    expect((await owner.get('/api/v1/people?limit=500')).json().items).toHaveLength(0);
    const acme = me.organisations.find((o: { name: string }) => o.name === 'Acme');
    expect((await owner.post(`/api/v1/orgs/${acme.id}/switch`)).statusCode).toBe(200);
    expect((await owner.get('/api/v1/people?limit=500')).json().items.length).toBeGreaterThan(0);
    const stranger = (await invite(t.app, owner, 'stranger@acme.test', 'member')).client;
    expect((await stranger.post(`/api/v1/orgs/${created.json().id}/switch`)).statusCode).toBe(404);
    expect((await owner.post('/api/v1/orgs', { name: 'Bad', currency: 'euro' })).statusCode).toBe(400);
  });

  it('changes roles, keeps the last owner, and removal ends the removed sessions', async () => {
    const { client: victim, me } = await invite(t.app, owner, 'victim@acme.test', 'member');
    const ownerMe = (await owner.get('/api/v1/me')).json();
    expect((await owner.patch(`/api/v1/members/${ownerMe.user.id}`, { role: 'admin' })).statusCode).toBe(409);
    expect((await owner.patch(`/api/v1/members/${me.user.id}`, { role: 'leader' })).json().role).toBe('leader');
    expect((await victim.get('/api/v1/people')).statusCode).toBe(200);
    expect((await owner.delete(`/api/v1/members/${me.user.id}`)).statusCode).toBe(200);
    expect((await victim.get('/api/v1/people')).statusCode).toBe(401);
    const audit = (await owner.get('/api/v1/audit?limit=500')).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['member.role_changed', 'member.removed']));
  });

  it('a password change ends the other sessions and keeps this one', async () => {
    const { client: a } = await invite(t.app, owner, 'pw@acme.test', 'member', 'Pat', 'first password 1');
    const b = new Client(t.app);
    await b.post('/api/v1/auth/login', { email: 'pw@acme.test', password: 'first password 1' });
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    const wrong = await a.post('/api/v1/me/password', { currentPassword: 'nope nope nope', newPassword: 'second password 2' });
    expect(wrong.statusCode).toBe(400);
    expect((await a.post('/api/v1/me/password', { currentPassword: 'first password 1', newPassword: 'second password 2' })).statusCode).toBe(200);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('serves the OpenAPI document and the reference page', async () => {
    const doc = (await new Client(t.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/people/{id}', '/api/v1/invitations/{token}/accept']));
    expect((await new Client(t.app).get('/api/docs/')).statusCode).toBe(200);
  });
});

describe.each(engines())('rate limits and mail on %s', (engine) => {
  it('limits login attempts per client', async () => {
    const t = await createTestApp(engine, { env: { TANDEM_AUTH_RATE_LIMIT: '3' } });
    try {
      await setUp(t.app);
      const c = new Client(t.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post('/api/v1/auth/login', { email: OWNER.email, password: 'wrong wrong wrong' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('mails the invitation link through a real SMTP server', async () => {
    const smtp = await startSmtp();
    const received = smtp.received;
    const mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>');
    const t = await createTestApp(engine, { mailer });
    try {
      const { client } = await setUp(t.app);
      const res = await client.post('/api/v1/invitations', { email: 'mail@acme.test', role: 'member' });
      const inv = res.json();
      expect(inv.emailed).toBe(true);
      // The administrator never holds the link: it is only in the invitee's mail.
      expect(inv.token).toBeNull();
      expect(inv.url).toBeNull();
      expect(received).toHaveLength(1);
      const unfolded = received[0]!.replace(/=\r?\n/g, '');
      const token = unfolded.match(/\/invite\/([A-Za-z0-9_-]{43})/)![1]!;
      expect(res.body).not.toContain(token);
      expect(unfolded).toMatch(/To: mail@acme\.test/);
    } finally {
      mailer?.close();
      await t.close();
      await smtp.close();
    }
  });
});
