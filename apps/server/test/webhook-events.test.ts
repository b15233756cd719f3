import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_DESCRIPTIONS, ZWebhookEvent, type TWebhookEvent } from '@tandem/contracts';
import { Client, createTestApp, engines, setUp, type TestApp } from './harness';
import { startOidcProvider } from './oidc-provider';
import { startReceiver, type Received } from './receiver';

/**
 * Every webhook event end to end (issue #16, decision 150): the real user action through the API,
 * the outbox, the delivery job, a real HTTP receiver, the signature checked with the secret, and
 * a payload a reader can act on. The list of events comes from the contract enum, so an event
 * added there without a case here fails this test.
 */

const SECRET_KEY = 'test-secret-key-0123456789-abcdefghijkl';
const PUBLIC_URL = 'http://tandem.test';
const CLIENT = { clientId: 'tandem-test', clientSecret: 'provider-client-secret-9e1b4d', redirectUri: `${PUBLIC_URL}/auth/oidc/callback` };
const ALL_SECRET = 'all-events-signing-secret-5c2f';

interface JsonDelivery {
  id: string;
  event: string;
  organisationId: string;
  occurredAt: string;
  data: Record<string, unknown> & { summary: string; url: string | null; organisation: { id: string; name: string } };
}

/** The signature a receiver computes: HMAC-SHA256 over `<x-tandem-timestamp>.<raw body>` (decision 121). */
function verifies(r: Received, secret: string): boolean {
  const ts = r.headers['x-tandem-timestamp'];
  if (typeof ts !== 'string') return false;
  return r.headers['x-tandem-signature'] === `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
}

describe.each(engines())('every webhook event reaches a real receiver on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let acmeId: string;
  let globexId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let op: Awaited<ReturnType<typeof startOidcProvider>>;
  const logs: string[] = [];

  const at = (path: string) => receiver.received.filter((r) => r.url === path);
  const parsed = (r: Received) => JSON.parse(r.body) as JsonDelivery;
  /** One minute later the delivery job sends what is due. */
  const deliver = async () => {
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await t.app.jobs.tick(t.clock.now);
  };
  const switchTo = async (orgId: string) => expect((await owner.post(`/api/v1/orgs/${orgId}/switch`)).statusCode).toBe(200);
  const ok = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as Record<string, unknown> & { id: string };
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    op = await startOidcProvider(CLIENT);
    const stream = new Writable({ write: (chunk, _enc, cb) => (logs.push(String(chunk)), cb()) });
    t = await createTestApp(engine, {
      env: { TANDEM_SECRET_KEY: SECRET_KEY, TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', TANDEM_PUBLIC_URL: PUBLIC_URL, TANDEM_SESSION_IDLE_MINUTES: '43200' },
      logger: { level: 'trace', stream },
    });
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    globexId = (await ok(owner.post('/api/v1/orgs', { name: 'Globex', currency: 'USD' }), 201)).id;
    await switchTo(acmeId);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await op?.close();
  });

  it('delivers exactly one signed, readable message per event to its subscribers only, and nothing across organisations', async () => {
    const events = ZWebhookEvent.options;
    const triggered = new Set<TWebhookEvent>();

    // Globex listens to everything; it must hear nothing of Acme.
    await switchTo(globexId);
    await ok(owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/globex`, events, secret: 'globex-signing-secret-77aa' }), 201);
    await switchTo(acmeId);

    // Acme: one JSON webhook for every event, one per event alone, and a Slack and a Teams one.
    const all = await ok(owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/all`, events, secret: ALL_SECRET }), 201);
    expect(all.secret).toBeNull();
    const onlySecret = (e: string) => `only-${e}-signing-secret`;
    for (const e of events) await ok(owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/only/${e}`, events: [e], secret: onlySecret(e) }), 201);
    await ok(owner.post('/api/v1/webhooks', { kind: 'slack', url: `${receiver.url}/slack`, events: ['request.status_changed'] }), 201);
    await ok(owner.post('/api/v1/webhooks', { kind: 'teams', url: `${receiver.url}/teams`, events: ['request.status_changed'] }), 201);

    // People for a pulse audience and a coffee round.
    const ivy = (await ok(owner.post('/api/v1/people', { name: 'Ivy IT', email: 'ivy@acme.test', department: 'Platform', side: 'it', level: 'employee' }), 201)).id;
    const bo = (await ok(owner.post('/api/v1/people', { name: 'Bo Business', email: 'bo@acme.test', department: 'Sales', side: 'business', level: 'employee' }), 201)).id;

    const opensAt = new Date(t.clock.now.getTime() + 86_400_000).toISOString();
    const closesAt = new Date(t.clock.now.getTime() + 8 * 86_400_000).toISOString();
    const pulse = await ok(owner.post('/api/v1/pulses', { title: 'Winter alignment', template: 'tech-priorities-alignment', opensAt, closesAt }), 201);

    /** The real user action behind each event, and what its payload must say. */
    const cases: Record<TWebhookEvent, { act: () => Promise<void>; byJob?: true; expect: () => Promise<Record<string, unknown>> }> = {
      'pulse.opened': {
        act: async () => void (await ok(owner.post(`/api/v1/pulses/${pulse.id}/open`))),
        expect: async () => ({ pulseId: pulse.id, title: 'Winter alignment', opensAt, closesAt, url: `${PUBLIC_URL}/my-pulses` }),
      },
      'pulse.results_ready': {
        act: async () => {
          await ok(owner.post(`/api/v1/pulses/${pulse.id}/close`));
          await ok(owner.post(`/api/v1/pulses/${pulse.id}/publish`));
          // The results the message announces can be read.
          await ok(owner.get(`/api/v1/pulses/${pulse.id}/results`));
          resultsAt = t.clock.now.toISOString();
        },
        expect: async () => ({ pulseId: pulse.id, title: 'Winter alignment', closedAt: resultsAt, publishedAt: resultsAt, url: `${PUBLIC_URL}/pulses/${pulse.id}` }),
      },
      'coffee.round_made': {
        act: async () => {
          const prog = await ok(owner.post('/api/v1/crossover/programmes', { name: 'Coffee across', cadence: 'weekly', groupSize: 2, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true }), 201);
          await ok(owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${prog.id}/participants`, json: { personIds: [ivy, bo] } }));
          const round = await ok(owner.post(`/api/v1/crossover/programmes/${prog.id}/rounds`), 201);
          coffee.programmeId = prog.id;
          coffee.roundId = round.id;
        },
        expect: async () => ({ programmeId: coffee.programmeId, roundId: coffee.roundId, title: 'Coffee across', people: 2, groups: 1, url: `${PUBLIC_URL}/crossover` }),
      },
      'disagreement.decided': {
        act: async () => {
          const item = await ok(owner.post('/api/v1/initiatives', { title: 'Customer portal', effort: 5 }), 201);
          const round = await ok(owner.post('/api/v1/priorities/rounds', { name: 'Q1 priorities', model: 'wsjf', items: [{ type: 'initiative', id: item.id }] }), 201);
          await ok(owner.post(`/api/v1/priorities/rounds/${round.id}/open`));
          await ok(owner.post(`/api/v1/priorities/rounds/${round.id}/close`));
          await ok(owner.patch(`/api/v1/priorities/disagreements/${item.id}?round=${round.id}`, { status: 'decided', decision: { rank: 1, reason: 'The regulator wants it by March' } }));
          decision.roundId = round.id;
          decision.itemId = item.id;
        },
        expect: async () => ({
          roundId: decision.roundId,
          itemId: decision.itemId,
          title: 'Customer portal',
          roundName: 'Q1 priorities',
          decision: { rank: 1, score: null, reason: 'The regulator wants it by March' },
          url: `${PUBLIC_URL}/priorities/${decision.roundId}`,
        }),
      },
      'deferred_need.cost_passed': {
        byJob: true,
        act: async () => {
          // Exposure after two years: (1 − 0.8²) × 100 000 = 36 000 > 15 000, so the hourly job announces it.
          need.id = (await ok(owner.post('/api/v1/deferred-needs', { title: 'Replace the old generator', costNow: 15_000, annualFailureProbability: 0.2, impact: 100_000, deferredAt: '2024-11-28' }), 201)).id;
          // No user action announces it: the job clock does, an hour later.
          t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
          await t.app.jobs.tick(t.clock.now);
        },
        expect: async () => ({ needId: need.id, title: 'Replace the old generator', currency: 'EUR', costNow: 15_000, impact: 100_000, deferredAt: '2024-11-28', url: `${PUBLIC_URL}/requests/deferred-needs` }),
      },
      'hackweek.voting_open': {
        act: async () => {
          hackweek.id = (await ok(owner.post('/api/v1/hackweeks', { title: 'Winter hackweek', startDate: '2026-12-07', endDate: '2026-12-11', maxTeamSize: 2 }), 201)).id;
          for (const phase of ['teams', 'hacking', 'demos', 'voting']) await ok(owner.post(`/api/v1/hackweeks/${hackweek.id}/phase`, { phase }));
        },
        expect: async () => ({ hackweekId: hackweek.id, title: 'Winter hackweek', startDate: '2026-12-07', endDate: '2026-12-11', url: `${PUBLIC_URL}/hackweeks/${hackweek.id}` }),
      },
      'request.status_changed': {
        act: async () => {
          request.id = (await ok(owner.post('/api/v1/requests', { title: 'R&D <!channel> laptops' }), 201)).id;
          await ok(owner.patch(`/api/v1/requests/${request.id}`, { status: 'in_progress', reason: 'Budget approved' }));
        },
        expect: async () => ({ requestId: request.id, title: 'R&D <!channel> laptops', from: 'new', to: 'in_progress', reason: 'Budget approved', url: `${PUBLIC_URL}/requests/${request.id}` }),
      },
    };
    let resultsAt = '';
    const coffee: Record<string, string> = {};
    const decision: Record<string, string> = {};
    const need: Record<string, string> = {};
    const hackweek: Record<string, string> = {};
    const request: Record<string, string> = {};

    for (const event of events) {
      const c = cases[event];
      expect(c, `no end-to-end case for the event ${event}`).toBeDefined();
      const before = receiver.received.length;
      await c.act();
      const occurredAt = t.clock.now.toISOString();
      // Queued in the request's transaction, sent only by the job (which the deferred need's case runs itself).
      if (!c.byJob) expect(receiver.received.length, `${event} was sent before the job ran`).toBe(before);
      await deliver();
      const fresh = receiver.received.slice(before);
      const mine = fresh.filter((r) => r.url === '/all').map(parsed);
      expect(mine.map((d) => d.event), event).toEqual([event]);
      triggered.add(event);
      const got = mine[0]!;
      const raw = fresh.find((r) => r.url === '/all')!;
      expect(verifies(raw, ALL_SECRET), `${event}: signature`).toBe(true);
      expect(verifies(raw, 'not-the-secret-at-all'), `${event}: a wrong secret must not verify`).toBe(false);
      expect(raw.headers['x-tandem-event']).toBe(event);
      expect(raw.headers['x-tandem-delivery']).toBe(got.id);
      expect(got).toMatchObject({ event, organisationId: acmeId, occurredAt });
      expect(got.data).toMatchObject({ organisation: { id: acmeId, name: 'Acme' }, ...(await c.expect()) });
      expect(got.data.summary, `${event}: summary`).toEqual(expect.stringContaining(String(got.data.title)));
      expect(got.data.url, `${event}: url`).toMatch(new RegExp(`^${PUBLIC_URL}/`));
      // The one webhook subscribed to this event alone got it, signed with its own secret.
      const only = fresh.filter((r) => r.url === `/only/${event}`);
      expect(only, event).toHaveLength(1);
      expect(verifies(only[0]!, onlySecret(event))).toBe(true);
      // None of the webhooks subscribed to another event alone heard of it, and Globex heard nothing.
      expect(fresh.filter((r) => r.url.startsWith('/only/') && r.url !== `/only/${event}`).map((r) => r.url), event).toEqual([]);
      expect(fresh.filter((r) => r.url === '/globex'), event).toEqual([]);
    }

    // Every event of the contract was triggered by its real action in this test.
    expect([...triggered].sort()).toEqual([...events].sort());

    // What each payload tells a reader, beyond the common fields.
    const byEvent = new Map(at('/all').map((r) => [parsed(r).event, parsed(r).data]));
    expect(byEvent.get('pulse.opened')!.summary).toBe(`Pulse “Winter alignment” takes answers from ${opensAt.slice(0, 16).replace('T', ' ')} UTC until ${closesAt.slice(0, 16).replace('T', ' ')} UTC`);
    // Deferred 730 days: exposure = (1 − 0.8^(730 / 365.25)) × 100 000, in the organisation's currency.
    const exposure = 100_000 * (1 - 0.8 ** (730 / 365.25));
    expect(byEvent.get('deferred_need.cost_passed')!.exposure).toBeCloseTo(exposure, 2);
    expect(byEvent.get('deferred_need.cost_passed')!.summary).toBe(
      `Deferred need “Replace the old generator” now risks EUR ${Math.round(exposure).toLocaleString('en-GB')}, more than the EUR 15,000 doing it costs (deferred since 2024-11-28)`,
    );
    expect(byEvent.get('disagreement.decided')!.summary).toBe('Disagreement on “Customer portal” decided in round “Q1 priorities” (rank 1): The regulator wants it by March');
    expect(byEvent.get('hackweek.voting_open')!.summary).toContain('Winter hackweek” (2026-12-07 to 2026-12-11)');
    expect(byEvent.get('pulse.results_ready')!.summary).toBe('Results of pulse “Winter alignment” are published: every member can read them now');
    expect(byEvent.get('request.status_changed')!.summary).toBe('Request “R&D <!channel> laptops” moved from “New” to “In progress”: Budget approved');
    // Counts only: who meets whom stays in Tandem.
    expect(JSON.stringify(byEvent.get('coffee.round_made'))).not.toMatch(/Ivy|Bo Business/);

    // Slack and Teams get their own formats; Slack sees the user's text escaped (no channel ping).
    const slack = at('/slack').map((r) => JSON.parse(r.body) as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }> });
    expect(slack).toHaveLength(1);
    expect(slack[0]!.text).toBe('Request “R&amp;D &lt;!channel&gt; laptops” moved from “New” to “In progress”: Budget approved');
    expect(slack[0]!.text).not.toContain('<!channel>');
    expect(slack[0]!.blocks[0]!.text!.text).toContain(`<${PUBLIC_URL}/requests/${request.id}|Open in Tandem>`);
    expect(slack[0]!.blocks[1]!.elements![0]!.text).toBe('Tandem · Acme · request.status_changed');
    expect(at('/slack')[0]!.headers['x-tandem-signature']).toBeUndefined();
    const teams = at('/teams').map((r) => JSON.parse(r.body) as { type: string; attachments: Array<{ contentType: string; content: { type: string; body: Array<{ text: string }>; actions: Array<{ type: string; url: string }> } }> });
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }] });
    const card = teams[0]!.attachments[0]!.content;
    expect(card.body.map((b) => b.text)).toEqual(['Request “R&D <!channel> laptops” moved from “New” to “In progress”: Budget approved', 'Tandem · Acme · request.status_changed']);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Tandem', url: `${PUBLIC_URL}/requests/${request.id}` }]);

    // Later job runs (hours of them) send nothing again: exactly one delivery per event.
    const settled = receiver.received.length;
    for (let i = 0; i < 3; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
      await t.app.jobs.tick(t.clock.now);
    }
    expect(receiver.received.length).toBe(settled);
    const counts = (path: string) => at(path).map((r) => parsed(r).event).sort();
    expect(counts('/all')).toEqual([...events].sort());
    for (const e of events) expect(counts(`/only/${e}`)).toEqual([e]);

    // Globex's webhook works (its own action reaches it) and Acme's hear nothing of Globex.
    await switchTo(globexId);
    const g = await ok(owner.post('/api/v1/requests', { title: 'Globex printer' }), 201);
    await ok(owner.patch(`/api/v1/requests/${g.id}`, { status: 'in_progress' }));
    await switchTo(acmeId);
    await deliver();
    expect(receiver.received.slice(settled).map((r) => r.url)).toEqual(['/globex']);
    expect(parsed(at('/globex')[0]!)).toMatchObject({ event: 'request.status_changed', organisationId: globexId, data: { organisation: { id: globexId, name: 'Globex' }, requestId: g.id } });
    expect(verifies(at('/globex')[0]!, 'globex-signing-secret-77aa')).toBe(true);
  });

  it('describes every event of the contract in the OpenAPI document of POST and PATCH /webhooks', async () => {
    const doc = (await owner.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> } }>> };
    for (const [path, method] of [
      ['/api/v1/webhooks', 'post'],
      ['/api/v1/webhooks/{id}', 'patch'],
    ] as const) {
      const description = doc.paths[path]![method]!.requestBody.content['application/json']!.schema.properties.events!.description ?? '';
      for (const e of ZWebhookEvent.options) expect(description, `${method} ${path}`).toContain(`${e}: ${WEBHOOK_EVENT_DESCRIPTIONS[e]}`);
    }
  });

  it('never puts the webhook secrets, the OIDC client secret or an API token into an answer or the log', async () => {
    const secrets: string[] = [CLIENT.clientSecret];
    // SSO configured against a real provider.
    const sso = await owner.request({ method: 'PUT', url: '/api/v1/org/sso', json: { issuer: op.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, allowedDomains: ['acme.test'], required: false } });
    expect(sso.statusCode, sso.body).toBe(200);
    // An API token, shown once, then used.
    const token = await owner.post('/api/v1/tokens', { name: 'Log check', scopes: ['read'] });
    expect(token.statusCode).toBe(201);
    secrets.push(token.json().token);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${token.json().token}` } })).statusCode).toBe(200);
    // Webhooks: a given secret, a made one (answered once), one changed by an edit.
    const given = 'given-webhook-secret-31f0c8';
    const a = await ok(owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/secret-a`, events: ['pulse.opened'], secret: given }), 201);
    const made = await ok(owner.post('/api/v1/webhooks', { kind: 'json', url: `${receiver.url}/secret-b`, events: ['pulse.opened'] }), 201);
    expect(made.secret).toMatch(/^whsec_/);
    const edited = 'edited-webhook-secret-a94e2b';
    const patched = await owner.patch(`/api/v1/webhooks/${a.id}`, { secret: edited });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.body).not.toContain(edited);
    secrets.push(given, made.secret as string, edited);
    // A test message and a real event delivered to both.
    for (const id of [a.id, made.id]) await ok(owner.post(`/api/v1/webhooks/${id}/test`), 202);
    const pulse = await ok(owner.post('/api/v1/pulses', { title: 'Secrets pulse', template: 'tech-priorities-alignment' }), 201);
    await ok(owner.post(`/api/v1/pulses/${pulse.id}/open`));
    const before = receiver.received.length;
    await deliver();
    const sent = receiver.received.slice(before).filter((r) => r.url.startsWith('/secret-'));
    expect(sent.map((r) => r.url).sort()).toEqual(['/secret-a', '/secret-a', '/secret-b', '/secret-b']);
    // The test message has the shape of every event, so a receiver's parser is tried on the real thing.
    const tests = sent.map(parsed).filter((d) => d.event === 'webhook.test');
    expect(tests).toHaveLength(2);
    for (const d of tests) expect(d).toMatchObject({ organisationId: acmeId, data: { summary: expect.stringContaining('Test message'), url: `${PUBLIC_URL}/integrations`, organisation: { id: acmeId, name: 'Acme' } } });
    // The secrets are in use (they sign), and never sent.
    for (const r of sent) expect(verifies(r, r.url === '/secret-a' ? edited : (made.secret as string))).toBe(true);

    const answers: Array<{ url: string; body: string }> = [{ url: 'PUT /org/sso', body: sso.body }, { url: 'PATCH /webhooks', body: patched.body }];
    for (const url of ['/api/v1/webhooks', `/api/v1/webhooks/${a.id}/deliveries`, `/api/v1/webhooks/${made.id}/deliveries`, '/api/v1/org/sso', '/api/v1/tokens', '/api/v1/audit?limit=100']) {
      const res = await owner.get(url);
      expect(res.statusCode, url).toBe(200);
      answers.push({ url, body: res.body });
    }
    const log = logs.join('\n');
    // The log really holds these requests (so its silence about the secrets means something).
    expect(log).toContain('/api/v1/webhooks');
    expect(log).toContain('/api/v1/org/sso');
    for (const secret of secrets) {
      for (const res of answers) expect(res.body, res.url).not.toContain(secret);
      expect(log).not.toContain(secret);
      for (const r of sent) {
        expect(r.body).not.toContain(secret);
        expect(JSON.stringify(r.headers)).not.toContain(secret);
      }
    }
  });
});
