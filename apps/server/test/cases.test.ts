import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@tandem/db';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';
import { readPdf } from './pdf-text';

const money = (x: number, cur = 'EUR') => `${cur} ${x < 0 ? '-' : ''}${Math.abs(Math.round(x)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

const certainFlow = (flows: number[]) =>
  flows.map((f, year) => ({ label: `Year ${year}`, type: f < 0 ? 'cost' : 'benefit', year, low: Math.abs(f), likely: Math.abs(f), high: Math.abs(f) }));

const business = {
  kind: 'business',
  title: 'Self-service portal',
  discountRate: 0.08,
  years: 5,
  seed: 1234,
  iterations: 4000,
  lines: [
    { label: 'Build', type: 'cost', year: 0, low: 80000, likely: 100000, high: 150000 },
    { label: 'Run', type: 'cost', year: 1, low: 8000, likely: 10000, high: 14000 },
    { label: 'Run', type: 'cost', year: 2, low: 8000, likely: 10000, high: 14000 },
    { label: 'Calls avoided', type: 'benefit', year: 1, low: 20000, likely: 45000, high: 60000 },
    { label: 'Calls avoided', type: 'benefit', year: 2, low: 20000, likely: 45000, high: 60000 },
    { label: 'Calls avoided', type: 'benefit', year: 3, low: 20000, likely: 45000, high: 60000 },
  ],
};

const security = {
  kind: 'security',
  title: 'Ransomware on the ERP',
  frequency: { low: 0.1, likely: 0.3, high: 0.8 },
  magnitude: { low: 50000, high: 2000000 },
  controls: [{ label: 'Immutable backups', costPerYear: 20000, frequencyReduction: 0, magnitudeReduction: 0.6 }],
  seed: 77,
  iterations: 5000,
};

describe.each(engines())('cases on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let acmeId: string;
  let initiativeId: string;
  let foreignInitiativeId: string;
  let foreignCaseId: string;

  /** Every case, version and audit entry: a refused request must leave all of them unchanged. */
  const state = async () => {
    const rows = await queryRows(
      t.database.db,
      sql`select (select count(*)::int from cases) c, (select count(*)::int from case_versions) v, (select count(*)::int from case_lines) l, (select count(*)::int from case_controls) k, (select count(*)::int from audit_log) a, (select max(updated_at) from cases) u`,
    );
    return JSON.stringify(rows);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    member = (await invite(t.app, owner, 'mia@acme.test', 'member')).client;
    const goal = (await owner.post('/api/v1/goals', { title: 'Halve support cost' })).json();
    initiativeId = (await owner.post('/api/v1/initiatives', { title: 'Customer portal', goalIds: [goal.id] })).json().id;
    await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' });
    foreignInitiativeId = (await owner.post('/api/v1/initiatives', { title: 'Their initiative' })).json().id;
    foreignCaseId = (await owner.post('/api/v1/cases', { ...security, title: 'Their case' })).json().id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('creates a business case and returns its results in the contract shape', async () => {
    const res = await owner.post('/api/v1/cases', { ...business, initiativeId });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['id']);
    const id = res.json().id;
    const r = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    expect(Object.keys(r.npv).sort()).toEqual(['deterministic', 'mean', 'p10', 'p50', 'p90']);
    expect(r.npv.p10).toBeLessThan(r.npv.p50);
    expect(r.npv.p50).toBeLessThan(r.npv.p90);
    expect(r.probabilityPositive).toBeGreaterThan(0);
    expect(r.probabilityPositive).toBeLessThan(1);
    for (const k of ['p10', 'p50', 'p90', 'deterministic']) expect(r.irr).toHaveProperty(k);
    for (const k of ['p10', 'p50', 'p90', 'deterministic']) expect(r.payback).toHaveProperty(k);
    expect(r.tornado[0]).toMatchObject({ label: 'Calls avoided' });
    expect(r.tornado.map((b: { label: string }) => b.label).sort()).toEqual(['Build', 'Calls avoided', 'Run']);
    expect(r.iterations).toBe(4000);
    expect(r.seed).toBe(1234);
    const c = (await owner.get(`/api/v1/cases/${id}`)).json();
    expect(c).toMatchObject({ kind: 'business', title: 'Self-service portal', version: 1, currency: 'EUR', initiative: { id: initiativeId, title: 'Customer portal' }, goals: [{ title: 'Halve support cost' }] });
    expect(c.lines).toEqual(business.lines);
  });

  it('gives identical results for the same seed, and a stored seed when none is given', async () => {
    const a = (await owner.post('/api/v1/cases', business)).json().id;
    const b = (await owner.post('/api/v1/cases', business)).json().id;
    expect((await owner.get(`/api/v1/cases/${a}/results`)).json()).toEqual((await owner.get(`/api/v1/cases/${b}/results`)).json());
    const { seed, iterations, ...unseeded } = business;
    expect(seed && iterations).toBeTruthy();
    const c = (await owner.post('/api/v1/cases', unseeded)).json().id;
    const first = (await owner.get(`/api/v1/cases/${c}/results`)).json();
    expect(Number.isInteger(first.seed)).toBe(true);
    expect(first.iterations).toBe(10000);
    expect((await owner.get(`/api/v1/cases/${c}/results`)).json()).toEqual(first);
  });

  it('matches numpy-financial for certain lines: year 0 undiscounted, costs negative', async () => {
    // numpy-financial tests: npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.894854950942692 (REFERENCES.md).
    const a = (await owner.post('/api/v1/cases', { kind: 'business', title: 'NPV check', discountRate: 0.05, years: 5, lines: certainFlow([-15000, 1500, 2500, 3500, 4500, 6000]) })).json().id;
    const r = (await owner.get(`/api/v1/cases/${a}/results`)).json();
    expect(r.npv.deterministic).toBeCloseTo(122.894854951, 6);
    expect(r.npv.p50).toBeCloseTo(122.894854951, 6);
    expect(r.probabilityPositive).toBe(1);
    // numpy-financial test_basic_values: irr([-150000, 15000, 25000, 35000, 45000, 60000]) = 0.0524.
    const b = (await owner.post('/api/v1/cases', { kind: 'business', title: 'IRR check', discountRate: 0.05, years: 5, lines: certainFlow([-150000, 15000, 25000, 35000, 45000, 60000]) })).json().id;
    expect((await owner.get(`/api/v1/cases/${b}/results`)).json().irr.deterministic).toBeCloseTo(0.0524, 4);
  });

  it('computes a case without benefit lines and says so', async () => {
    const id = (await owner.post('/api/v1/cases', { ...business, lines: business.lines.filter((l) => l.type === 'cost') })).json().id;
    const r = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    expect(r.npv.p90).toBeLessThan(0);
    expect(r.probabilityPositive).toBe(0);
    expect(r.hasBenefits).toBe(false);
    expect(r.notes.join(' ')).toMatch(/no benefit lines/);
    expect(r.irr.p50).toBeNull();
  });

  it('prices a security case: exact ALE, ROSI, exceedance curves, reductions as fractions', async () => {
    // riskquant README: rate 0.10, [100000, 1000000] → ALE 40400.128269457266 (REFERENCES.md).
    const plain = (await owner.post('/api/v1/cases', { kind: 'security', title: 'riskquant', frequency: { low: 0.1, likely: 0.1, high: 0.1 }, magnitude: { low: 100000, high: 1000000 }, controls: [] })).json().id;
    const p = (await owner.get(`/api/v1/cases/${plain}/results`)).json();
    expect(Math.abs(p.aleBefore - 40400.128269457266) / 40400.128269457266).toBeLessThan(1e-12);
    expect(p.aleAfter).toBe(p.aleBefore);
    expect(p.rosi).toBeNull();

    const id = (await owner.post('/api/v1/cases', security)).json().id;
    const r = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    expect(r.aleAfter).toBeCloseTo(r.aleBefore * 0.4, 6);
    expect(r.rosi).toBeCloseTo((r.aleBefore - r.aleAfter - 20000) / 20000, 9);
    expect(r.probabilityControlsPay).toBeGreaterThan(0);
    expect(r.probabilityControlsPay).toBeLessThan(1);
    expect(r.exceedance.before.length).toBeGreaterThan(10);
    expect(r.exceedance.after.map((x: { loss: number }) => x.loss)).toEqual(r.exceedance.before.map((x: { loss: number }) => x.loss));
    expect(Object.keys(r.exceedance.before[0]).sort()).toEqual(['loss', 'probability']);
    const again = (await owner.post('/api/v1/cases', security)).json().id;
    expect((await owner.get(`/api/v1/cases/${again}/results`)).json()).toEqual(r);
  });

  const line = business.lines[0]!;
  it.each([
    ['low > likely', { lines: [{ ...line, low: 120000 }] }, 'body.lines.0.low'],
    ['likely > high', { lines: [{ ...line, likely: 200000 }] }, 'body.lines.0.high'],
    ['a year beyond the horizon', { lines: [{ ...line, year: 6 }] }, 'body.lines.0.year'],
    ['a negative amount', { lines: [{ ...line, low: -5 }] }, 'body.lines.0.low'],
    ['a discount rate below -100%', { discountRate: -1.5 }, 'body.discountRate'],
    ['a discount rate of exactly -100%', { discountRate: -1 }, 'body.discountRate'],
    ['a discount rate above 100%', { discountRate: 1.01 }, 'body.discountRate'],
    ['a horizon of 0 years', { years: 0 }, 'body.years'],
    ['a horizon of 16 years', { years: 16 }, 'body.years'],
    ['iterations above 100,000', { iterations: 100001 }, 'body.iterations'],
  ])('refuses a business case with %s (400, nothing written)', async (_n, patch, path) => {
    const before = await state();
    const res = await owner.post('/api/v1/cases', { ...business, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.message).toContain(path);
    expect(JSON.stringify(res.json().error.details)).toContain(path);
    expect(await state()).toBe(before);
  });

  it.each([
    ['a negative frequency', { frequency: { low: -0.1, likely: 0.3, high: 0.8 } }, 'body.frequency.low'],
    ['frequency low > likely', { frequency: { low: 0.5, likely: 0.3, high: 0.8 } }, 'body.frequency.low'],
    ['a magnitude with low = high', { magnitude: { low: 1000, high: 1000 } }, 'body.magnitude.high'],
    ['a magnitude with low > high', { magnitude: { low: 5000, high: 1000 } }, 'body.magnitude.high'],
    ['a magnitude low of 0', { magnitude: { low: 0, high: 1000 } }, 'body.magnitude.low'],
    ['a negative magnitude low', { magnitude: { low: -5, high: 1000 } }, 'body.magnitude.low'],
    ['a control reducing frequency by more than 100%', { controls: [{ ...security.controls[0], frequencyReduction: 1.5 }] }, 'body.controls.0.frequencyReduction'],
    ['a control reducing magnitude by more than 100%', { controls: [{ ...security.controls[0], magnitudeReduction: 1.01 }] }, 'body.controls.0.magnitudeReduction'],
    ['a negative control cost', { controls: [{ ...security.controls[0], costPerYear: -1 }] }, 'body.controls.0.costPerYear'],
  ])('refuses a security case with %s (400, nothing written)', async (_n, patch, path) => {
    const before = await state();
    const res = await owner.post('/api/v1/cases', { ...security, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(path);
    expect(await state()).toBe(before);
  });

  it('refuses links to another organisation, an unknown kind and unknown fields (400, nothing written)', async () => {
    const before = await state();
    for (const [body, path] of [
      [{ ...business, initiativeId: foreignInitiativeId }, 'body.initiativeId'],
      [{ ...business, initiativeId: '00000000-0000-4000-8000-000000000000' }, 'body.initiativeId'],
      [{ ...business, kind: 'other' }, 'body.kind'],
      [{ ...business, colour: 'red' }, 'body'],
    ] as const) {
      const res = await owner.post('/api/v1/cases', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.message).toContain(path);
    }
    expect(await state()).toBe(before);
  });

  it('edits in versions and keeps the old numbers for comparison', async () => {
    const id = (await owner.post('/api/v1/cases', business)).json().id;
    const v1 = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    const lines = business.lines.map((l) => (l.label === 'Calls avoided' ? { ...l, low: 5000, likely: 20000, high: 30000 } : l));
    const res = await owner.patch(`/api/v1/cases/${id}`, { lines, note: 'Fewer calls avoided than hoped' });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    const v2 = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    expect(v2.npv.p50).toBeLessThan(v1.npv.p50);
    expect(v2.seed).toBe(v1.seed);
    const versions = (await owner.get(`/api/v1/cases/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].note).toBe('Fewer calls avoided than hoped');
    expect(versions[1].results).toEqual(v1);
    expect(versions[0].results).toEqual(v2);

    const before = await state();
    for (const [body, path] of [
      [{ lines: [{ ...line, low: 200000 }] }, 'body.lines.0.low'],
      [{ years: 1 }, 'body.lines.2.year'],
      [{ frequency: { low: 1, likely: 1, high: 1 } }, 'body.frequency'],
      [{ discountRate: 2 }, 'body.discountRate'],
      [{ initiativeId: foreignInitiativeId }, 'body.initiativeId'],
    ] as const) {
      const bad = await owner.patch(`/api/v1/cases/${id}`, body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.message).toContain(path);
    }
    expect(await state()).toBe(before);
  });

  it('lists by kind and keeps a register sorted by ALE with the total exposure', async () => {
    const big = (await owner.post('/api/v1/cases', { ...security, title: 'Supplier breach', magnitude: { low: 500000, high: 20000000 } })).json().id;
    const list = (await owner.get('/api/v1/cases?kind=security&sort=ale')).json();
    expect(list.items.every((c: { kind: string }) => c.kind === 'security')).toBe(true);
    expect(list.items[0].id).toBe(big);
    const ales = list.items.map((c: { aleBefore: number }) => c.aleBefore);
    expect([...ales].sort((a, b) => b - a)).toEqual(ales);
    const biz = (await owner.get('/api/v1/cases?kind=business&limit=2')).json();
    expect(biz.items).toHaveLength(2);
    expect(biz.total).toBeGreaterThan(2);
    const reg = (await owner.get('/api/v1/cases/register')).json();
    expect(reg.scenarios[0].id).toBe(big);
    expect(reg.total).toBe(list.total);
    expect(reg.totalAleBefore).toBeCloseTo(ales.reduce((s: number, x: number) => s + x, 0), 4);
    expect(reg.totalAleAfter).toBeLessThan(reg.totalAleBefore);
    expect(reg.exceedance.before.length).toBeGreaterThan(10);
    expect(reg.scenarios.some((c: { title: string }) => c.title === 'Their case')).toBe(false);
    expect((await owner.get('/api/v1/cases?kind=nope')).statusCode).toBe(400);
  });

  it('prints a one-page PDF with the title and the NPV range, and the same page as HTML', async () => {
    const id = (await owner.post('/api/v1/cases', { ...business, initiativeId, title: 'Portal for the CFO' })).json().id;
    const r = (await owner.get(`/api/v1/cases/${id}/results`)).json();
    const res = await owner.get(`/api/v1/cases/${id}/one-pager.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = readPdf(res.rawPayload);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Portal for the CFO');
    expect(pdf.text).toContain(`${money(r.npv.p10)} to ${money(r.npv.p90)}`);
    expect(pdf.text).toContain('Customer portal');
    expect(pdf.text).toContain('Halve support cost');
    const html = await owner.get(`/api/v1/cases/${id}/one-pager.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Portal for the CFO');
    expect(html.body).toContain(`${money(r.npv.p10)} to ${money(r.npv.p90)}`);

    const sec = (await owner.post('/api/v1/cases', { ...security, title: 'Generator outage' })).json().id;
    const s = readPdf((await owner.get(`/api/v1/cases/${sec}/one-pager.pdf`)).rawPayload);
    expect(s.pages).toBe(1);
    expect(s.text).toContain('Generator outage');
    expect(s.text).toContain('ROSI');
  });

  it('keeps a long case on one page', async () => {
    const long = 'A very long assumption that goes on. '.repeat(200);
    const id = (await owner.post('/api/v1/cases', { ...business, title: 'Long '.repeat(30).trim(), question: long.slice(0, 2000), assumptions: long.slice(0, 2000), recommendation: long.slice(0, 2000) })).json().id;
    expect(readPdf((await owner.get(`/api/v1/cases/${id}/one-pager.pdf`)).rawPayload).pages).toBe(1);
  });

  it('lets members read but not write, and answers 404 alike for foreign and random ids', async () => {
    const id = (await owner.post('/api/v1/cases', business)).json().id;
    expect((await member.get(`/api/v1/cases/${id}/results`)).statusCode).toBe(200);
    expect((await member.post('/api/v1/cases', business)).statusCode).toBe(403);
    expect((await member.patch(`/api/v1/cases/${id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await member.delete(`/api/v1/cases/${id}`)).statusCode).toBe(403);
    for (const other of [foreignCaseId, '00000000-0000-4000-8000-000000000000']) {
      for (const url of [`/api/v1/cases/${other}`, `/api/v1/cases/${other}/results`, `/api/v1/cases/${other}/versions`, `/api/v1/cases/${other}/one-pager.pdf`, `/api/v1/cases/${other}/one-pager.html`]) {
        const res = await owner.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.message).toBe('Case not found');
      }
      expect((await owner.patch(`/api/v1/cases/${other}`, { title: 'x' })).statusCode).toBe(404);
      expect((await owner.delete(`/api/v1/cases/${other}`)).statusCode).toBe(404);
    }
    expect((await owner.delete(`/api/v1/cases/${id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
  });
});
