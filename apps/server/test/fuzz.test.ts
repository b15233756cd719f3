import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENABLERS_CSV_HEADER, GOALS_CSV_HEADER, INITIATIVES_CSV_HEADER, PEOPLE_CSV_HEADER } from '@tandem/contracts';
import { Client, createTestApp, csvOf, engines, setUp, type TestApp } from './harness';

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
  allOf?: JsonSchema[];
  minimum?: number;
};
type Operation = {
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string; schema: JsonSchema }[];
};

/** How a generated body goes wrong: every string, date, number or id of the schema is replaced. */
type Twist = 'nul' | 'year0' | 'huge' | 'badId' | 'wrongType';

const NUL = 'fuzz\u0000value';

function holdsId(s: JsonSchema): boolean {
  const alt = s.anyOf ?? s.oneOf ?? [];
  return s.format === 'uuid' || (s.items !== undefined && holdsId(s.items)) || alt.some(holdsId);
}

/** A value for `s`, valid except where the twist applies. */
function generate(s: JsonSchema | undefined, twist: Twist, ids: string[]): unknown {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return twist === 'wrongType' ? 12345 : s.enum[0];
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt) return generate(alt.find((a) => a.type !== 'null') ?? alt[0], twist, ids);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (twist === 'wrongType') return { nested: true };
      if (s.format === 'uuid') return twist === 'badId' ? 'not-a-uuid' : (ids[0] ?? randomUUID());
      if (s.format === 'date') return twist === 'year0' ? '0000-01-01' : '2026-12-01';
      if (s.format === 'date-time') return twist === 'year0' ? '0000-01-01T00:00:00.000Z' : '2026-12-01T00:00:00.000Z';
      if (s.format === 'email') return `fuzz-${randomUUID().slice(0, 8)}@fuzz.test`;
      // Only free text carries the NUL, so that ids and e-mails stay valid and the NUL goes deep.
      return twist === 'nul' ? NUL : 'fuzz value';
    case 'number':
    case 'integer':
      if (twist === 'wrongType') return '12';
      return twist === 'huge' ? (type === 'integer' ? 2 ** 63 : 1e308) : Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return twist === 'wrongType' ? 'yes' : true;
    case 'array':
      return twist === 'wrongType' ? 'not a list' : [generate(s.items, twist, ids)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        // Optional links to other records would only earn a 400 for a wrong id and hide the twist.
        if (twist !== 'badId' && !s.required?.includes(k) && holdsId(v)) continue;
        out[k] = generate(v, twist, ids);
      }
      return out;
    }
    default:
      return undefined;
  }
}

const CSV_HEADERS: Record<string, readonly string[]> = {
  people: PEOPLE_CSV_HEADER,
  goals: GOALS_CSV_HEADER,
  initiatives: INITIATIVES_CSV_HEADER,
  enablers: ENABLERS_CSV_HEADER,
};

/** A valid first cell per import; the other cells may stay empty. */
const VALID_ROW: Record<string, string[]> = { people: ['Csv Fuzz', 'csv-fuzz@fuzz.test', 'IT', 'it', 'employee', 'Oslo'] };

/** CSVs with the right header and one otherwise valid row, with column `i` replaced by `cell`, for every column. */
function csvRows(resource: string, cell: string): string[] {
  const header = CSV_HEADERS[resource] ?? ['title'];
  const valid = VALID_ROW[resource] ?? header.map((_h, i) => (i === 0 ? 'Csv fuzz' : ''));
  return header.map((_h, i) => `${header.join(',')}\n${valid.map((v, j) => (j === i ? `"${cell.replace(/"/g, '""')}"` : v)).join(',')}\n`);
}

/** Routes that would end the owner's session or password: fuzzing them signs the fuzzer out. */
const SKIP = new Set(['/api/v1/auth/logout', '/api/v1/me/password']);

/**
 * Walks the OpenAPI document and sends each operation a bounded set of malformed requests as a
 * signed-in owner: wrong types, NUL strings, year-0000 dates, huge numbers, invalid ids, invalid
 * JSON and the wrong content type. No answer may be a 5xx (decision 009).
 */
describe.each(engines())('fuzzing every operation on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  const realIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine, { env: { TANDEM_ORG_RATE_LIMIT: '100000', TANDEM_INVITE_RATE_LIMIT: '100000', TANDEM_RESPOND_RATE_LIMIT: '100000' } });
    owner = (await setUp(t.app)).client;
    await owner.request({
      method: 'POST',
      url: '/api/v1/people/import',
      payload: csvOf([
        ['name', 'email', 'department', 'side', 'level', 'location'],
        ['Ann', 'ann@acme.test', 'IT', 'it', 'leader', 'Oslo'],
        ['Bob', 'bob@acme.test', 'Sales', 'business', 'employee', 'Oslo'],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    realIds.people = (await owner.get('/api/v1/people?limit=500')).json().items[0].id;
    realIds.goals = (await owner.post('/api/v1/goals', { title: 'Fuzz goal' })).json().id;
    realIds.initiatives = (await owner.post('/api/v1/initiatives', { title: 'Fuzz initiative', goalIds: [realIds.goals] })).json().id;
    realIds.enablers = (await owner.post('/api/v1/enablers', { title: 'Fuzz enabler' })).json().id;
    realIds.swot = (await owner.post('/api/v1/swot', { initiativeId: realIds.initiatives, quadrant: 'threat', text: 'fuzz', enablerId: null })).json().id;
    realIds.pulses = (await owner.post('/api/v1/pulses', { title: 'Fuzz pulse', template: 'tech-priorities-alignment', minGroupSize: 3 })).json().id;
    realIds.invitations = (await owner.post('/api/v1/invitations', { email: 'fuzzed@acme.test', role: 'member' })).json().id;
    realIds.orgs = (await owner.get('/api/v1/me')).json().current.id;
    realIds.members = (await owner.get('/api/v1/me')).json().user.id;
  });
  afterAll(() => t.close());

  it('answers no malformed request with a 5xx', async () => {
    const doc = (await owner.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1') || SKIP.has(path)) continue;
      const resource = path.split('/')[3] ?? '';
      for (const [method, op] of Object.entries(ops)) {
        const M = method.toUpperCase() as 'GET';
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const realId = realIds[resource] ?? randomUUID();
        const url = (value: string) => path.replace(/\{[^}]+\}/g, value);
        const requests: { label: string; url: string; payload?: string; contentType?: string }[] = [];

        if (pathParams.length) {
          for (const bad of ['not-a-uuid', '%00', encodeURIComponent(NUL), '0'.repeat(300), randomUUID()]) requests.push({ label: `path ${bad.slice(0, 20)}`, url: url(bad) });
        }
        const base = url(realId);
        for (const q of queryParams) {
          for (const bad of ['%00', '99999999999999999999', 'a'.repeat(500), '0000-01-01', 'true,false']) requests.push({ label: `query ${q.name}=${bad.slice(0, 20)}`, url: `${base}?${q.name}=${bad}` });
        }
        const content = op.requestBody?.content ?? {};
        const json = content['application/json']?.schema;
        if (json) {
          for (const twist of ['nul', 'year0', 'huge', 'badId', 'wrongType'] as const) {
            requests.push({ label: `body ${twist}`, url: base, payload: JSON.stringify(generate(json, twist, [realId])), contentType: 'application/json' });
          }
          for (const raw of ['[]', '"text"', '42', 'null', '{"a":', '{"__proto__":{"x":1}}']) requests.push({ label: `body ${raw}`, url: base, payload: raw, contentType: 'application/json' });
          requests.push({ label: 'text/plain body', url: base, payload: 'hello', contentType: 'text/plain' });
        }
        if (content['text/csv']) {
          const cells = [NUL, '0000-01-01', '99999999999999999999', '-1e400', `'=x`, 'x'.repeat(6000)];
          for (const raw of ['', '\u0000', '"unterminated', 'a,b,c\n1,2,3\n'.repeat(50), ...cells.flatMap((c) => csvRows(resource, c))]) {
            requests.push({ label: `csv ${JSON.stringify(raw.slice(0, 15))}`, url: base, payload: raw, contentType: 'text/csv' });
          }
          requests.push({ label: 'csv as json', url: base, payload: '{"a":1}', contentType: 'application/json' });
        }
        if (!json && !content['text/csv'] && M !== 'GET') requests.push({ label: 'unexpected body', url: base, payload: '{"x":"\\u0000"}', contentType: 'application/json' });

        for (const r of requests) {
          const res = await owner.request({ method: M, url: r.url, ...(r.payload !== undefined ? { payload: r.payload, headers: { 'content-type': r.contentType! } } : {}) });
          sent++;
          if (res.statusCode >= 500) failures.push(`${M} ${path} [${r.label}] → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    console.log(`fuzz (${engine}): ${sent} malformed requests, ${failures.length} answered 5xx`);
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
    // The fuzzer stayed signed in throughout, so every request reached the route's own checks.
    expect((await owner.get('/api/v1/me')).statusCode).toBe(200);
    // It walks every operation of every module (about 1,500 requests and growing with each module):
    // minutes on a loaded machine, so it gets its own time limit.
  }, 600_000);
});
