import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, engines, invite, sameAnswer, setUp, type TestApp } from './harness';
import { startReceiver } from './receiver';

const SECRET_KEY = 'test-secret-key-0123456789-abcdefghijkl';

describe.each(engines())('API tokens and webhooks on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let answer = 200;

  const bearer = (token: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', url = '/api/v1/people', json?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) }, ...(json ? { payload: JSON.stringify(json) } : {}) });

  beforeAll(async () => {
    receiver = await startReceiver(() => answer);
    t = await createTestApp(engine, { env: { TANDEM_SECRET_KEY: SECRET_KEY, TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', TANDEM_TOKEN_RATE_LIMIT: '30', TANDEM_SESSION_IDLE_MINUTES: '20160' } });
    owner = (await setUp(t.app)).client;
    member = (await invite(t.app, owner, 'mo@acme.test', 'member', 'Mo Member')).client;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('creates a token answered once, lists it without the token, and authenticates bearer requests without CSRF', async () => {
    const res = await member.post('/api/v1/tokens', { name: 'CI export', scopes: ['read', 'write'] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, token } = res.json();
    expect(Object.keys(res.json()).sort()).toEqual(['id', 'token']);
    expect(token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    const list = await member.get('/api/v1/tokens');
    expect(list.json()).toMatchObject({ items: [{ id, name: 'CI export', scopes: ['read', 'write'], lastUsedAt: null, revokedAt: null }], nextCursor: null });
    expect(list.body).not.toContain(token);
    expect((await owner.get('/api/v1/tokens')).json().items).toEqual([]);

    expect((await bearer(token)).statusCode).toBe(200);
    // A write with no cookie and no CSRF header: a member may file a request.
    const w = await bearer(token, 'POST', '/api/v1/requests', { title: 'From the API' });
    expect(w.statusCode, w.body).toBe(201);
    // The token acts as its member: admin routes stay closed, session-only routes too.
    expect((await bearer(token, 'POST', '/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/x`, events: ['pulse.opened'] })).statusCode).toBe(403);
    expect((await bearer(token, 'GET', '/api/v1/me')).statusCode).toBe(403);
    expect((await bearer(token, 'POST', '/api/v1/tokens', { name: 'more', scopes: ['read'] })).statusCode).toBe(403);
    expect((await member.get('/api/v1/tokens')).json().items[0].lastUsedAt).toBe(t.clock.now.toISOString());
  });

  it('keeps a read token to GET and HEAD', async () => {
    const { token } = (await member.post('/api/v1/tokens', { name: 'Dashboard', scopes: ['read'] })).json();
    expect((await bearer(token)).statusCode).toBe(200);
    const w = await bearer(token, 'POST', '/api/v1/requests', { title: 'nope' });
    expect(w.statusCode).toBe(403);
    expect(w.json().error.message).toContain('read scope');
  });

  it('answers expired, revoked and unknown tokens with the same 401', async () => {
    const exp = (await member.post('/api/v1/tokens', { name: 'Short', scopes: ['read'], expiresAt: new Date(t.clock.now.getTime() + 3_600_000).toISOString() })).json();
    const rev = (await member.post('/api/v1/tokens', { name: 'Gone', scopes: ['read'] })).json();
    expect((await bearer(exp.token)).statusCode).toBe(200);
    expect((await member.delete(`/api/v1/tokens/${rev.id}`)).statusCode).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000);
    const a = await bearer(exp.token);
    const b = await bearer(rev.token);
    const c = await bearer(`tdm_${'A'.repeat(43)}`);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([401, 401, 401]);
    // The same answer but for the request id each answer carries.
    expect(sameAnswer(a)).toEqual(sameAnswer(b));
    expect(sameAnswer(b)).toEqual(sameAnswer(c));
    expect((await member.get('/api/v1/tokens')).json().items.find((x: { id: string }) => x.id === rev.id).revokedAt).not.toBeNull();
    // Someone else's token is a 404, like a random id.
    expect((await owner.delete(`/api/v1/tokens/${exp.id}`)).statusCode).toBe(404);
  });

  it('refuses bad token input with the field named, and a bearer token mixed with a session cookie', async () => {
    for (const [body, field] of [
      [{ name: 'x', scopes: ['admin'] }, 'scopes'],
      [{ name: 'x', scopes: [] }, 'scopes'],
      [{ name: '', scopes: ['read'] }, 'name'],
      [{ name: 'x', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'x', scopes: ['read'], extra: 1 }, 'extra'],
    ] as const) {
      const res = await member.post('/api/v1/tokens', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
    const { token } = (await member.post('/api/v1/tokens', { name: 'Mixed', scopes: ['read'] })).json();
    const mixed = await member.request({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${token}` } });
    expect(mixed.statusCode).toBe(401);
  });

  it('rate limits each token across routes', async () => {
    const { token } = (await member.post('/api/v1/tokens', { name: 'Busy', scopes: ['read'] })).json();
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await bearer(token, 'GET', i % 2 ? '/api/v1/people' : '/api/v1/requests')).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes.slice(30)).toEqual([429, 429]);
    // Another token is counted on its own.
    const other = (await member.post('/api/v1/tokens', { name: 'Calm', scopes: ['read'] })).json();
    expect((await bearer(other.token)).statusCode).toBe(200);
  });

  it('refuses webhook URLs that are not http(s) or point inward, and bad events', async () => {
    const cases: Array<[unknown, string]> = [
      [{ kind: 'json', url: 'ftp://example.com/x', events: ['pulse.opened'] }, 'url'],
      [{ kind: 'json', url: 'http://10.0.0.5/hook', events: ['pulse.opened'] }, 'private'],
      [{ kind: 'json', url: 'http://localhost:9/hook', events: ['pulse.opened'] }, 'private'],
      [{ kind: 'json', url: 'http://169.254.169.254/latest', events: ['pulse.opened'] }, 'private'],
      [{ kind: 'json', url: `${receiver.url}/x`, events: ['pulse.exploded'] }, 'events'],
      [{ kind: 'pager', url: `${receiver.url}/x`, events: ['pulse.opened'] }, 'kind'],
    ];
    for (const [body, word] of cases) {
      const res = await owner.post('/api/v1/webhooks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(word);
    }
    expect((await owner.get('/api/v1/webhooks')).json().items).toEqual([]);
    expect((await member.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/x`, events: ['pulse.opened'] })).statusCode).toBe(403);
  });

  it('queues pulse events in the request and delivers them signed from the job, Slack and Teams in their formats', async () => {
    const json = await owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/json`, events: ['pulse.opened', 'pulse.results_ready'], secret: 'a-very-secret-signing-key' });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json().secret).toBeNull();
    const slack = (await owner.post('/api/v1/webhooks', { kind: 'slack', url: `${receiver.url}/slack`, events: ['pulse.opened'] })).json();
    const teams = (await owner.post('/api/v1/webhooks', { kind: 'teams', url: `${receiver.url}/teams`, events: ['pulse.opened'] })).json();
    expect(slack.secret).toBeNull();

    // A pulse opens only for an audience of at least one person (issue #17).
    await owner.post('/api/v1/people', { name: 'Ava Audience', email: 'ava@acme.test', department: 'Sales', side: 'business', level: 'employee' });
    const p = (await owner.post('/api/v1/pulses', { title: 'Q1 alignment', template: 'tech-priorities-alignment' })).json();
    expect((await owner.post(`/api/v1/pulses/${p.id}/open`)).statusCode).toBe(200);
    expect(receiver.received).toHaveLength(0);
    const log = (await owner.get(`/api/v1/webhooks/${json.json().id}/deliveries`)).json();
    expect(log.items).toMatchObject([{ event: 'pulse.opened', status: 'pending', attempts: 0 }]);

    await t.app.jobs.tick(t.clock.now);
    expect(receiver.received.map((r) => r.url).sort()).toEqual(['/json', '/slack', '/teams']);
    const got = receiver.received.find((r) => r.url === '/json')!;
    const ts = got.headers['x-tandem-timestamp'] as string;
    const expected = `sha256=${createHmac('sha256', 'a-very-secret-signing-key').update(`${ts}.${got.body}`).digest('hex')}`;
    expect(got.headers['x-tandem-signature']).toBe(expected);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'pulse.opened', data: { pulseId: p.id, title: 'Q1 alignment' } });
    expect(JSON.parse(receiver.received.find((r) => r.url === '/slack')!.body)).toMatchObject({ text: expect.stringContaining('Q1 alignment'), blocks: expect.any(Array) });
    expect(JSON.parse(receiver.received.find((r) => r.url === '/teams')!.body)).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    const after = (await owner.get(`/api/v1/webhooks/${json.json().id}/deliveries`)).json();
    expect(after.items[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    const listed = (await owner.get('/api/v1/webhooks')).json().items.find((w: { id: string }) => w.id === json.json().id);
    expect(listed).toMatchObject({ signed: true, lastDelivery: { status: 'delivered', statusCode: 200 } });
    expect(JSON.stringify(listed)).not.toContain('a-very-secret');
    for (const id of [slack.id, teams.id]) expect((await owner.delete(`/api/v1/webhooks/${id}`)).statusCode).toBe(200);
  });

  it('retries a failing receiver with exponential backoff and shows the last status; a test message goes the same way', async () => {
    const hook = (await owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/flaky`, events: ['pulse.results_ready'] })).json();
    expect(hook.secret).toMatch(/^whsec_/);
    answer = 503;
    const queued = await owner.post(`/api/v1/webhooks/${hook.id}/test`);
    expect(queued.statusCode, queued.body).toBe(202);
    const start = t.clock.now.getTime();
    const at = (min: number) => new Date(start + min * 60_000);
    await t.app.jobs.tick(at(1));
    let d = (await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items[0];
    expect(d).toMatchObject({ event: 'webhook.test', status: 'pending', attempts: 1, lastStatusCode: 503, lastError: 'receiver answered 503', nextAttemptAt: at(2).toISOString() });
    await t.app.jobs.tick(at(2));
    d = (await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items[0];
    expect(d).toMatchObject({ attempts: 2, nextAttemptAt: at(4).toISOString() });
    const before = receiver.received.length;
    await t.app.jobs.tick(at(3));
    expect(receiver.received.length).toBe(before);
    answer = 200;
    await t.app.jobs.tick(at(4));
    d = (await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).json().items[0];
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    expect(receiver.received.at(-1)!.headers['x-tandem-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('answers a foreign or unknown webhook with 404', async () => {
    const other = await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' });
    expect(other.statusCode).toBe(201);
    const hook = (await owner.post('/api/v1/webhooks', { kind: 'slack', url: `${receiver.url}/other`, events: ['pulse.opened'] })).json();
    const me = (await owner.get('/api/v1/me')).json();
    const acme = me.organisations.find((o: { name: string }) => o.name === 'Acme').id;
    expect((await owner.post(`/api/v1/orgs/${acme}/switch`)).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/webhooks/${hook.id}/deliveries`)).statusCode).toBe(404);
    expect((await owner.post(`/api/v1/webhooks/${hook.id}/test`)).statusCode).toBe(404);
    expect((await owner.delete(`/api/v1/webhooks/${hook.id}`)).statusCode).toBe(404);
  });
});
