import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@tandem/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, csvOf, engines, invite, sameAnswer, setUp, type TestApp } from './harness';

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
};

/** Routes that act on the caller's own session and carry no ids: probing them would only sign the attacker out. */
const SELF_ONLY = new Set(['/api/v1/auth/logout', '/api/v1/auth/login', '/api/v1/me/password']);

/** A minimal valid value for a request schema, with every uuid pointing at the victim's record. */
function sample(s: JsonSchema | undefined, victimId: string): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], victimId);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return victimId;
      if (s.format === 'email') return `probe-${randomUUID().slice(0, 8)}@probe.test`;
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-01T00:00:00.000Z';
      return 'probe value for isolation';
    case 'number':
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [sample(s.items, victimId)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? Object.keys(s.properties ?? {})) out[k] = sample(s.properties?.[k], victimId);
      return out;
    }
    default:
      return undefined;
  }
}

/** Everything of one organisation, to prove that no probe wrote into it. */
async function snapshot(database: Database, orgId: string): Promise<string> {
  const tables = await queryRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.columns where column_name = 'org_id' and table_schema = 'public' order by table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await queryRows(database.db, sql`select * from ${sql.identifier(table_name)} where org_id = ${orgId} order by 1`);
    parts.push(`${table_name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

function uuidsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => uuidsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => uuidsIn(v, out));
  return out;
}

describe.each(engines())('tenant isolation probe on %s', (engine) => {
  let t: TestApp;
  let victim: Client;
  let attacker: Client;
  let victimOrgId: string;
  const victimIds = new Set<string>();
  const attackerIds = new Set<string>();

  beforeAll(async () => {
    // The probe sends hundreds of requests to each route: per-route rate limits (tested on their
    // own elsewhere) would answer 429 to the random id after the foreign one and look like a difference.
    t = await createTestApp(engine, { env: { TANDEM_INVITE_RATE_LIMIT: '100000', TANDEM_ORG_RATE_LIMIT: '100000' } });
    const a = await setUp(t.app, { name: 'Victim Org', currency: 'EUR' });
    victim = a.client;
    victimOrgId = a.me.current.id;
    await victim.request({
      method: 'POST',
      url: '/api/v1/people/import',
      payload: csvOf([
        ['name', 'email', 'department', 'side', 'level', 'location'],
        ['Vera', 'vera@victim.test', 'Finance', 'business', 'leader', 'Oslo'],
        ['Vic', 'vic@victim.test', 'IT Ops', 'it', 'employee', 'Oslo'],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    await invite(t.app, victim, 'vmember@victim.test', 'member');
    // A small roadmap, so that the probe also aims at goal, initiative, enabler and SWOT ids.
    const vera = (await victim.get('/api/v1/people?limit=500')).json().items[0].id;
    const goal = (await victim.post('/api/v1/goals', { title: 'Victim goal to 10', metric: 'm', target: 10, ownerId: vera })).json();
    const initiative = (await victim.post('/api/v1/initiatives', { title: 'Victim initiative', goalIds: [goal.id], itChampionId: vera, startDate: '2027-01-01', endDate: '2027-03-01' })).json();
    const dep = (await victim.post('/api/v1/enablers', { title: 'Victim prerequisite' })).json();
    const enabler = (await victim.post('/api/v1/enablers', { title: 'Victim enabler', initiativeIds: [initiative.id], dependsOnIds: [dep.id], endDate: '2027-02-01' })).json();
    await victim.request({ method: 'PUT', url: `/api/v1/initiatives/${initiative.id}/ladder`, json: { rungs: [{ rung: 'now', deliverable: 'x', date: '2026-12-01' }] } });
    await victim.post('/api/v1/swot', { initiativeId: initiative.id, quadrant: 'threat', text: 'victim threat', enablerId: enabler.id });
    // A closed pulse with responses, so the pulse routes are probed with real ids (pulse, questions, people).
    await victim.post('/api/v1/people', { name: 'Vern', email: 'vern@victim.test', department: 'IT Ops', side: 'it', level: 'leader' });
    const pulse = (await victim.post('/api/v1/pulses', { title: 'Victim pulse', template: 'tech-priorities-alignment', minGroupSize: 3, minCommentGroupSize: 3 })).json();
    // Without mail the leader holds unlinked links only (decision 024); respondents state their segment.
    const links = (await victim.post(`/api/v1/pulses/${pulse.id}/invitations`, { unlinked: true, count: 4 })).json() as { links: string[] };
    for (const url of links.links) {
      const body = { answers: pulse.questions.map((q: { id: string }) => ({ questionId: q.id, value: 4, comment: 'victim comment' })), side: 'it', level: 'employee', department: 'IT Ops' };
      await new Client(t.app).post(`/api/v1/respond/${url.split('/respond/')[1]}`, body);
    }
    await victim.post(`/api/v1/pulses/${pulse.id}/close`);
    await victim.post('/api/v1/pulses', { title: 'Victim draft', questions: [{ text: 'Victim statement' }] });
    await victim.post('/api/v1/invitations', { email: 'pending@victim.test', role: 'leader' });
    // A business case on the initiative and a security case, so the cases routes are probed with real ids.
    await victim.post('/api/v1/cases', { kind: 'business', title: 'Victim case', initiativeId: initiative.id, discountRate: 0.1, years: 2, iterations: 200, lines: [{ label: 'Build', type: 'cost', year: 0, low: 5, likely: 10, high: 20 }, { label: 'Gain', type: 'benefit', year: 1, low: 5, likely: 12, high: 30 }] });
    await victim.post('/api/v1/cases', { kind: 'security', title: 'Victim risk', iterations: 200, frequency: { low: 0.1, likely: 0.2, high: 0.5 }, magnitude: { low: 100, high: 10000 }, controls: [{ label: 'Victim control', costPerYear: 10, frequencyReduction: 0.5, magnitudeReduction: 0 }] });
    // A closed priorities round with scores, a decided disagreement and a scenario.
    const round = (await victim.post('/api/v1/priorities/rounds', { name: 'Victim round', model: 'cd3', items: [{ type: 'initiative', id: initiative.id, category: 'run' }, { type: 'enabler', id: enabler.id }] })).json();
    await victim.post(`/api/v1/priorities/rounds/${round.id}/open`);
    for (const p of (await victim.get('/api/v1/people?limit=500')).json().items as { id: string; side: string }[]) {
      for (const itemId of [initiative.id, enabler.id]) {
        await victim.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${round.id}/scores`, json: { personId: p.id, itemId, scores: p.side === 'it' ? { costOfDelay: 5, duration: 2 } : { costOfDelay: 9 } } });
      }
    }
    await victim.post(`/api/v1/priorities/rounds/${round.id}/close`);
    await victim.request({ method: 'PUT', url: '/api/v1/priorities/portfolio', json: { capacity: 10, targetMix: { run: 1, grow: 1, transform: 1 } } });
    await victim.patch(`/api/v1/priorities/disagreements/${enabler.id}?round=${round.id}`, { status: 'decided', ownerId: vera, decision: { rank: 1, reason: 'victim reason' } });
    await victim.post(`/api/v1/priorities/rounds/${round.id}/scenarios`, { name: 'Victim scenario' });
    // Requests, a reference project and a deferred need, so the requests routes are probed with real ids.
    const request = (await victim.post('/api/v1/requests', { title: 'Victim request', requesterId: vera, initiativeIds: [initiative.id], createdAt: '2026-10-01', doneAt: '2026-10-20' })).json();
    await victim.request({ method: 'PUT', url: `/api/v1/requests/${request.id}/ladder`, json: { rungs: [{ rung: 'now', deliverable: 'victim rung', date: '2026-12-01' }] } });
    await victim.post('/api/v1/forecast/reference-class/projects', { title: 'Victim project', estimateDays: 10, actualDays: 15 });
    await victim.post('/api/v1/deferred-needs', { title: 'Victim generator', costNow: 1, annualFailureProbability: 0.2, impact: 10, deferredAt: '2026-01-01', deferredById: vera });
    // The attacker owns another organisation on the same instance.
    const outsider = new Client(t.app);
    const inv = (await victim.post('/api/v1/invitations', { email: 'attacker@evil.test', role: 'member' })).json();
    await outsider.post(`/api/v1/invitations/${inv.token}/accept`, { name: 'Mallory', password: 'mallory password' });
    const me = (await outsider.post('/api/v1/orgs', { name: 'Evil Org', currency: 'USD' })).json();
    const meBefore = (await victim.get('/api/v1/members')).json();
    const mallory = meBefore.items.find((m: { email: string }) => m.email === 'attacker@evil.test');
    await victim.delete(`/api/v1/members/${mallory.userId}`);
    attacker = new Client(t.app);
    await attacker.post('/api/v1/auth/login', { email: 'attacker@evil.test', password: 'mallory password' });
    attackerIds.add(me.id).add(mallory.userId);
    await attacker.post('/api/v1/people', { name: 'Eve', email: 'eve@evil.test', department: 'IT', side: 'it', level: 'employee' });
  });
  afterAll(() => t.close());

  it('derives every route from OpenAPI and finds 0 leaks, 0 foreign writes, and the same 404 as for a random id', async () => {
    const doc = (await victim.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> }; parameters?: { in: string; name: string; schema: JsonSchema }[] }>> };

    // Collect every id the victim's organisation exposes to its own owner.
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1') || path.includes('{') || !ops.get) continue;
      const res = await victim.get(path);
      if (res.statusCode === 200 && res.headers['content-type']?.toString().includes('json')) uuidsIn(res.json(), victimIds);
    }
    victimIds.add(victimOrgId);
    for (const id of attackerIds) victimIds.delete(id);
    expect(victimIds.size).toBeGreaterThan(5);

    const attackerMe = (await attacker.get('/api/v1/me')).json();
    expect(attackerMe.current.name).toBe('Evil Org');
    const before = await snapshot(t.database, victimOrgId);

    let probes = 0;
    const leaks: string[] = [];
    const mismatched: string[] = [];
    const unauthenticated: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const params = (op.parameters ?? []).filter((p) => p.in === 'path');
        const uuidParams = params.filter((p) => p.schema?.format === 'uuid');
        if (params.length !== uuidParams.length) continue; // token routes: secrets, not ids
        if (SELF_ONLY.has(path)) continue;
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const csv = op.requestBody?.content?.['text/csv'] !== undefined;
        const targets = uuidParams.length ? [...victimIds] : [victimOrgId];
        for (const target of targets) {
          const url = (id: string) => path.replace(/\{[^}]+\}/g, id);
          const send = (id: string) =>
            attacker.request({
              method: method.toUpperCase() as 'GET',
              url: url(id),
              ...(csv
                ? { payload: 'name,email,department,side,level,location\nX,x@probe.test,IT,it,employee,\n', headers: { 'content-type': 'text/csv' } }
                : bodySchema
                  ? { json: sample(bodySchema, target) }
                  : {}),
            });
          const res = await send(target);
          probes++;
          // A probe that lost its session proves nothing: every answer must come from a signed-in attacker.
          if (res.statusCode === 401) unauthenticated.push(`${method.toUpperCase()} ${path}`);
          for (const id of victimIds) {
            if (id !== target && res.body.includes(id)) leaks.push(`${method.toUpperCase()} ${path} with ${target} returned victim id ${id}`);
          }
          if (res.body.includes('victim.test')) leaks.push(`${method.toUpperCase()} ${path} returned a victim email`);
          if (uuidParams.length) {
            const random = await send(randomUUID());
            probes++;
            if (res.statusCode !== random.statusCode || JSON.stringify(sameAnswer(res)) !== JSON.stringify(sameAnswer(random))) {
              mismatched.push(`${method.toUpperCase()} ${path}: foreign ${res.statusCode} vs random ${random.statusCode}`);
            }
          }
        }
      }
    }
    const after = await snapshot(t.database, victimOrgId);
    const foreignWrites = before === after ? 0 : 1;
    console.log(`isolation probe (${engine}): ${probes} probes, ${leaks.length} leaks, ${foreignWrites} foreign writes, ${mismatched.length} foreign/random mismatches`);
    expect(unauthenticated).toEqual([]);
    expect(leaks).toEqual([]);
    expect(mismatched).toEqual([]);
    expect(after).toBe(before);
    expect(probes).toBeGreaterThan(50);
    // Probes grow with routes × victim ids; on a shared 2-core machine this takes minutes, not seconds.
  }, 600_000);
});
