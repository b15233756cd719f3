import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_LOGIN, seedDemo } from '../src/demo/seed';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';

/**
 * The priorities API contract (issue 9) on both engines. The fixture is small enough to check by
 * hand: WSJF over four items, two scorers per side, with the hand-computed values in comments.
 */
/** drizzle's execute answers { rows } on both engines. */
const rowsOf = (r: unknown) => (r as { rows: unknown[] }).rows;

describe.each(engines())('priorities on %s', (engine) => {
  let t: TestApp;
  let owner: Client;
  let biz: Client;
  let it1: Client;
  let acmeId: string;
  const person: Record<string, string> = {};
  const item: Record<string, string> = {};
  let foreignInitiative: string;
  let foreignRound: string;
  let otherOrgId: string;
  let roundId: string;

  const put = (c: Client, url: string, json: unknown) => c.request({ method: 'PUT', url, json });
  const score = (c: Client, personId: string, itemId: string, scores: Record<string, number>) => put(c, `/api/v1/priorities/rounds/${roundId}/scores`, { personId, itemId, scores });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    for (const [key, side] of [
      ['biz1', 'business'],
      ['biz2', 'business'],
      ['it1', 'it'],
      ['it2', 'it'],
    ] as const) {
      const res = await owner.post('/api/v1/people', { name: key, email: `${key}@acme.test`, department: side === 'it' ? 'IT' : 'Sales', side, level: 'employee' });
      person[key] = res.json().id;
    }
    // Accepting an invitation links the account to the person with the same e-mail.
    biz = (await invite(t.app, owner, 'biz1@acme.test', 'member', 'biz1')).client;
    it1 = (await invite(t.app, owner, 'it1@acme.test', 'member', 'it1')).client;
    for (const [key, effort] of [
      ['A', 5],
      ['B', 3],
      ['C', 8],
    ] as const) {
      item[key] = (await owner.post('/api/v1/initiatives', { title: `Initiative ${key}`, effort })).json().id;
    }
    item.E = (await owner.post('/api/v1/enablers', { title: 'Enabler E', effort: 4 })).json().id;

    const other = (await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' })).json();
    foreignInitiative = (await owner.post('/api/v1/initiatives', { title: 'Foreign', effort: 1 })).json().id;
    foreignRound = (await owner.post('/api/v1/priorities/rounds', { name: 'Foreign round', model: 'wsjf', items: [{ type: 'initiative', id: foreignInitiative }] })).json().id;
    expect(other.id).not.toBe(acmeId);
    otherOrgId = other.id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('creates a WSJF round with the model\'s criteria and opens it', async () => {
    const res = await owner.post('/api/v1/priorities/rounds', {
      name: 'Q1 priorities',
      model: 'wsjf',
      items: [
        { type: 'initiative', id: item.A, category: 'grow' },
        { type: 'initiative', id: item.B, category: 'run' },
        { type: 'initiative', id: item.C, category: 'transform' },
        { type: 'enabler', id: item.E, category: 'run' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(round).toMatchObject({ name: 'Q1 priorities', model: 'wsjf', status: 'draft' });
    expect(round.criteria.map((c: { key: string; owner: string }) => [c.key, c.owner])).toEqual([
      ['businessValue', 'both'],
      ['timeCriticality', 'both'],
      ['riskReduction', 'both'],
      ['jobSize', 'it'],
    ]);
    expect(round.criteria[0].scale).toEqual({ kind: 'set', values: [1, 2, 3, 5, 8, 13, 20] });
    expect(round.items.map((i: { effort: number }) => i.effort)).toEqual([5, 3, 8, 4]);
    // Results while a draft: 409 with the progress only.
    expect((await owner.get(`/api/v1/priorities/rounds/${roundId}/results`)).statusCode).toBe(409);
    const opened = await owner.post(`/api/v1/priorities/rounds/${roundId}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().status).toBe('open');
    // The member sees themselves as the scorer.
    expect((await biz.get(`/api/v1/priorities/rounds/${roundId}`)).json().me).toMatchObject({ personId: person.biz1, side: 'business' });
  });

  it('takes scores from members as themselves and from an admin for anyone; 409 on a second PUT, PATCH changes', async () => {
    // Business: A 20/13/8, B 5/3/2, C 8/5/3, E 8/5/3 (both business scorers alike).
    const business: Record<string, [number, number, number]> = { A: [20, 13, 8], B: [5, 3, 2], C: [8, 5, 3], E: [8, 5, 3] };
    // IT: A 3/2/1 size 5, B 13/8/20 size 2, C 8/5/3 size 8, E 8/5/3 size 8.
    const it: Record<string, [number, number, number, number]> = { A: [3, 2, 1, 5], B: [13, 8, 20, 2], C: [8, 5, 3, 8], E: [8, 5, 3, 8] };
    for (const k of ['A', 'B', 'C', 'E']) {
      const [bv, tc, rr] = business[k]!;
      const b = { businessValue: bv, timeCriticality: tc, riskReduction: rr };
      const [ibv, itc, irr, js] = it[k]!;
      const i = { businessValue: ibv, timeCriticality: itc, riskReduction: irr, jobSize: js };
      for (const [c, p, sc] of [
        [biz, person.biz1, b],
        [owner, person.biz2, b],
        [it1, person.it1, i],
        [owner, person.it2, i],
      ] as const) {
        const res = await score(c, p!, item[k]!, sc);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ personId: p, itemId: item[k], scores: sc });
      }
    }
    // A second score on the same item and criterion is a 409 and changes nothing.
    const again = await score(biz, person.biz1!, item.A!, { businessValue: 1 });
    expect(again.statusCode).toBe(409);
    // PATCH changes a score (and back).
    const patched = await biz.patch(`/api/v1/priorities/rounds/${roundId}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 13 } });
    expect(patched.statusCode).toBe(200);
    expect((await biz.get(`/api/v1/priorities/rounds/${roundId}/scores?personId=${person.biz1}`)).json().items.find((s: { itemId: string; criterion: string }) => s.itemId === item.A && s.criterion === 'businessValue').value).toBe(13);
    await biz.patch(`/api/v1/priorities/rounds/${roundId}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 20 } });
  });

  it('keeps scores blind while the round is open: 403 for another side\'s or anyone else\'s, 409 with progress for results', async () => {
    const base = `/api/v1/priorities/rounds/${roundId}`;
    expect((await biz.get(`${base}/scores?side=it`)).statusCode).toBe(403);
    expect((await biz.get(`${base}/scores?personId=${person.it1}`)).statusCode).toBe(403);
    expect((await it1.get(`${base}/scores?personId=${person.biz1}`)).statusCode).toBe(403);
    expect((await biz.get(`${base}/scores?personId=${person.biz2}`)).statusCode).toBe(403);
    expect((await biz.get(`${base}/scores`)).statusCode).toBe(403);
    const own = await it1.get(`${base}/scores?personId=${person.it1}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(16);
    expect(own.json().items.every((s: { personId: string }) => s.personId === person.it1)).toBe(true);

    const res = await biz.get(`${base}/results`);
    expect(res.statusCode).toBe(409);
    const details = res.json().error.details;
    expect(details.status).toBe('open');
    expect(details.items).toBe(4);
    expect(details.scorers).toHaveLength(4);
    expect(details.scorers.find((s: { personId: string }) => s.personId === person.it1)).toEqual({ personId: person.it1, name: 'it1', side: 'it', itemsScored: 4 });
    // Progress never says what was scored.
    expect(JSON.stringify(details)).not.toMatch(/value|score"/);
    // Members cannot close the round.
    expect((await biz.post(`${base}/close`)).statusCode).toBe(403);
  });

  it('serves one scorer\'s sheet in one answer: their side\'s criteria and their own values, blind to everyone else', async () => {
    const base = `/api/v1/priorities/rounds/${roundId}/sheet`;
    const mine = await biz.get(base);
    expect(mine.statusCode, mine.body).toBe(200);
    const sheet = mine.json();
    expect(sheet).toMatchObject({ roundId, status: 'open', person: { personId: person.biz1, name: 'biz1', side: 'business' } });
    // Business scores the three shared criteria, never IT's job size.
    expect(sheet.criteria.map((c: { key: string }) => c.key)).toEqual(['businessValue', 'timeCriticality', 'riskReduction']);
    expect(sheet.values[item.A!]).toEqual({ businessValue: 20, timeCriticality: 13, riskReduction: 8 });
    expect(Object.keys(sheet.values).sort()).toEqual([item.A, item.B, item.C, item.E].sort());
    // The same values as the paged list of the person's own scores.
    const listed = (await biz.get(`/api/v1/priorities/rounds/${roundId}/scores?personId=${person.biz1}&limit=500`)).json().items as { itemId: string; criterion: string; value: number }[];
    expect(listed.length).toBe(12);
    for (const s of listed) expect(sheet.values[s.itemId][s.criterion]).toBe(s.value);
    expect((await biz.get(`${base}?personId=${person.biz1}`)).json()).toEqual(sheet);
    // IT's sheet has job size; an admin reads anyone's (a workshop); a member nobody else's.
    const itSheet = (await owner.get(`${base}?personId=${person.it1}`)).json();
    expect(itSheet.criteria.map((c: { key: string }) => c.key)).toContain('jobSize');
    expect(itSheet.values[item.B!]).toEqual({ businessValue: 13, timeCriticality: 8, riskReduction: 20, jobSize: 2 });
    expect((await biz.get(`${base}?personId=${person.it1}`)).statusCode).toBe(403);
    expect((await it1.get(`${base}?personId=${person.biz1}`)).statusCode).toBe(403);
    // The owner has no person in the directory: their own sheet is a 403 that says why.
    const unlinked = await owner.get(base);
    expect(unlinked.statusCode).toBe(403);
    expect(unlinked.json().error.message).toMatch(/not linked to a person/);
    expect((await owner.get(`${base}?personId=${foreignInitiative}`)).statusCode).toBe(400);
    expect((await owner.get(`${base}?personId=nope`)).statusCode).toBe(400);
    expect((await owner.get(`/api/v1/priorities/rounds/${foreignRound}/sheet?personId=${person.biz1}`)).statusCode).toBe(404);
  });

  it('pages the rounds newest first and refuses a cursor it did not give', async () => {
    // Two more drafts, created at the same instant: the id breaks the tie, so none is skipped or repeated.
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const drafts = [];
    for (const name of ['Draft one', 'Draft two']) drafts.push((await owner.post('/api/v1/priorities/rounds', { name, model: 'cd3', items: [{ type: 'initiative', id: item.A }] })).json().id as string);
    const all = (await owner.get('/api/v1/priorities/rounds?limit=500')).json();
    expect(all.nextCursor).toBeNull();
    expect(all.items).toHaveLength(3);
    expect(all.items.slice(0, 2).map((r: { id: string }) => r.id).sort()).toEqual(drafts.sort());
    expect(all.items[2]).toMatchObject({ id: roundId, name: 'Q1 priorities', itemCount: 4, status: 'open' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await owner.get(`/api/v1/priorities/rounds?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r: { id: string }) => r.id));
    expect(seen).not.toContain(foreignRound);
    for (const bad of ['nope!', Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      const res = await owner.get(`/api/v1/priorities/rounds?cursor=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toMatch(/cursor/);
    }
    expect((await owner.get('/api/v1/priorities/rounds?limit=501')).statusCode).toBe(400);
    expect((await owner.get(`/api/v1/priorities/rounds/${roundId}/scores?personId=${person.biz1}&cursor=${Buffer.from('["a","b","c"]').toString('base64url')}`)).statusCode).toBe(400);
  });

  it('answers the results of a closed round exactly as the contract says', async () => {
    expect((await owner.post(`/api/v1/priorities/rounds/${roundId}/close`)).json().status).toBe('closed');
    const res = await biz.get(`/api/v1/priorities/rounds/${roundId}/results`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const byId = Object.fromEntries(r.items.map((i: { itemId: string }) => [i.itemId, i]));
    // Business: A 41/5 = 8.2, B 10/2 = 5, C 16/8 = 2, E 2 (IT's job size enters the business WSJF).
    // IT: A 6/5 = 1.2, B 41/2 = 20.5, C 2, E 2. Ties share the average rank.
    expect(byId[item.A!]).toMatchObject({ title: 'Initiative A', business: { score: 8.2, rank: 1 }, it: { score: 1.2, rank: 4 }, rankDifference: -3 });
    expect(byId[item.B!]).toMatchObject({ business: { score: 5, rank: 2 }, it: { score: 20.5, rank: 1 }, rankDifference: 1 });
    expect(byId[item.C!]).toMatchObject({ business: { score: 2, rank: 3.5 }, it: { score: 2, rank: 2.5 }, rankDifference: 1 });
    expect(byId[item.E!]).toMatchObject({ title: 'Enabler E', business: { score: 2, rank: 3.5 }, it: { score: 2, rank: 2.5 }, rankDifference: 1 });
    // tau-b over (8.2, 5, 2, 2) and (1.2, 20.5, 2, 2): C − D = 2 − 3, one tie on each side: −1 / √(5·5) = −0.2.
    expect(r.agreement.kendallTauB).toBeCloseTo(-0.2, 12);
    // Each side's two scorers agree exactly.
    expect(r.agreement.alphaBusiness).toBeCloseTo(1, 12);
    expect(r.agreement.alphaIt).toBeCloseTo(1, 12);
    // Combined (medians over everyone): B (9 + 5.5 + 11) / 2 = 12.75, A (11.5 + 7.5 + 4.5) / 5 = 4.7, C 2, E 2.
    expect(r.items.map((i: { itemId: string; combinedRank: number }) => [i.itemId, i.combinedRank])).toEqual([
      [item.B, 1],
      [item.A, 2],
      [item.C, 3],
      [item.E, 4],
    ]);
    // The queue: top 3 by |rank difference|, largest first, ties in item order.
    expect(r.disagreements).toEqual([
      expect.objectContaining({ itemId: item.A, rankDifference: -3, status: 'open' }),
      expect.objectContaining({ itemId: item.B, rankDifference: 1, status: 'open' }),
      expect.objectContaining({ itemId: item.C, rankDifference: 1, status: 'open' }),
    ]);
    // After closing, everyone sees every score, paged.
    // After closing, everyone sees every score, paged by cursor: 32 IT scores as 20 + 12, none twice.
    const page = await biz.get(`/api/v1/priorities/rounds/${roundId}/scores?side=it&limit=20`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(20);
    expect(page.json().nextCursor).toEqual(expect.any(String));
    const rest = (await biz.get(`/api/v1/priorities/rounds/${roundId}/scores?side=it&limit=20&cursor=${page.json().nextCursor}`)).json();
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.items).toHaveLength(12);
    const keys = [...page.json().items, ...rest.items].map((s: { personId: string; itemId: string; criterion: string }) => `${s.personId}/${s.itemId}/${s.criterion}`);
    expect(new Set(keys).size).toBe(32);
    expect(keys).toEqual([...keys].sort());
  });

  it('stores a closed round\'s results at close and answers the same from the stored row as from the scores', async () => {
    const stored = await t.database.db.execute(sql`select results from priority_round_results where round_id = ${roundId}`);
    expect(rowsOf(stored)).toHaveLength(1);
    const fromStore = (await biz.get(`/api/v1/priorities/rounds/${roundId}/results`)).json();
    // Without the stored row the next read recomputes from every score, stores it again, and agrees.
    await t.database.db.execute(sql`delete from priority_round_results where round_id = ${roundId}`);
    const recomputed = (await biz.get(`/api/v1/priorities/rounds/${roundId}/results`)).json();
    expect(recomputed).toEqual(fromStore);
    expect(rowsOf(await t.database.db.execute(sql`select 1 from priority_round_results where round_id = ${roundId}`))).toHaveLength(1);
  });

  it('sets the portfolio and cuts the combined ranking at capacity', async () => {
    const set = await put(owner, '/api/v1/priorities/portfolio', { capacity: 10, targetMix: { run: 60, grow: 25, transform: 15 } });
    expect(set.statusCode).toBe(200);
    // No names of its own yet: the categories answer their default names (decision 147).
    const categoryLabels = { run: 'Run', grow: 'Grow', transform: 'Transform' };
    expect(set.json()).toEqual({ capacity: 10, targetMix: { run: 60, grow: 25, transform: 15 }, disagreementThreshold: null, disagreementTopN: 3, categoryLabels });
    const res = await biz.get(`/api/v1/priorities/portfolio?round=${roundId}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    // B 3, A 5 (8 ≤ 10), then C 8 does not fit (16): C and everything after it are out.
    expect(p.cutLine).toEqual({ in: [item.B, item.A], out: [item.C, item.E] });
    // In-effort 8: run 3 (37.5%), grow 5 (62.5%), transform 0, on the target's own scale (100).
    expect(p.mix.actual.run).toBeCloseTo(37.5, 12);
    expect(p.mix.actual.grow).toBeCloseTo(62.5, 12);
    expect(p.mix.actual.transform).toBe(0);
    expect(p.mix.target).toEqual({ run: 60, grow: 25, transform: 15 });
    expect(p.split).toEqual({ business: 1, it: 0 });
    expect(p.used).toBe(8);
    expect(p.categoryLabels).toEqual(categoryLabels);
  });

  it('re-tags an item\'s category and horizon after closing; the mix follows, the scores and results do not', async () => {
    const url = `/api/v1/priorities/rounds/${roundId}/items/${item.B}`;
    const resultsBefore = (await biz.get(`/api/v1/priorities/rounds/${roundId}/results`)).body;
    const res = await owner.patch(url, { category: 'transform', horizon: 'next' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((i: { itemId: string }) => i.itemId === item.B)).toMatchObject({ category: 'transform', horizon: 'next' });
    // In-effort 8: B 3 now transform (37.5%), A 5 grow (62.5%).
    const p = (await biz.get(`/api/v1/priorities/portfolio?round=${roundId}`)).json();
    expect(p.mix.actual.run).toBe(0);
    expect(p.mix.actual.transform).toBeCloseTo(37.5, 12);
    expect(p.ranking.find((r: { itemId: string }) => r.itemId === item.B)).toMatchObject({ category: 'transform', horizon: 'next' });
    expect((await biz.get(`/api/v1/priorities/rounds/${roundId}/results`)).body).toBe(resultsBefore);
    // Only what is given changes; null clears.
    expect((await owner.patch(url, { horizon: null })).json().items.find((i: { itemId: string }) => i.itemId === item.B)).toMatchObject({ category: 'transform', horizon: null });
    // Bad input changes nothing: a member, an empty body, an unknown category, an item of no round, another organisation's round.
    const before = JSON.stringify((await owner.get(`/api/v1/priorities/rounds/${roundId}`)).json().items);
    expect((await biz.patch(url, { category: 'run' })).statusCode).toBe(403);
    for (const [u, body, status, message] of [
      [url, {}, 400, /category, a horizon or both/],
      [url, { category: 'moonshot' }, 400, /category/],
      [`/api/v1/priorities/rounds/${roundId}/items/${foreignInitiative}`, { category: 'run' }, 400, /params\.itemId.*not in the round/],
      [`/api/v1/priorities/rounds/${foreignRound}/items/${foreignInitiative}`, { category: 'run' }, 404, /Round/],
    ] as const) {
      const bad = await owner.patch(u, body);
      expect(bad.statusCode, bad.body).toBe(status);
      expect(bad.json().error.message).toMatch(message);
    }
    expect(JSON.stringify((await owner.get(`/api/v1/priorities/rounds/${roundId}`)).json().items)).toBe(before);
    // Back as it was for the tests that follow.
    await owner.patch(url, { category: 'run' });
  });

  it('decides a disagreement with a reason, keeps every change, and moves the combined ranking and the cut line', async () => {
    const url = `/api/v1/priorities/disagreements/${item.C}?round=${roundId}`;
    const discussing = await owner.patch(url, { status: 'discussing', ownerId: person.biz1, dueDate: '2026-12-15' });
    expect(discussing.statusCode).toBe(200);
    expect(discussing.json()).toMatchObject({ itemId: item.C, status: 'discussing', ownerId: person.biz1, dueDate: '2026-12-15', decision: null });
    // A member may not decide.
    expect((await biz.patch(url, { status: 'decided', decision: { rank: 1, reason: 'x' } })).statusCode).toBe(403);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const decided = await owner.patch(url, { status: 'decided', decision: { rank: 1, reason: 'The regulator\'s deadline is in March' } });
    expect(decided.statusCode).toBe(200);
    const d = decided.json();
    expect(d).toMatchObject({ status: 'decided', combinedRank: 1, decision: { rank: 1, reason: 'The regulator\'s deadline is in March' } });
    expect(d.history).toHaveLength(2);
    expect(d.history[0].changes.status).toEqual({ from: 'discussing', to: 'decided' });
    expect(d.history[0].actorName).toBe('Olivia Owner');

    const r = (await biz.get(`/api/v1/priorities/rounds/${roundId}/results`)).json();
    expect(r.items.map((i: { itemId: string }) => i.itemId)).toEqual([item.C, item.B, item.A, item.E]);
    expect(r.disagreements.find((x: { itemId: string }) => x.itemId === item.C)).toMatchObject({ status: 'decided' });
    // C (8) first, then B (3) would make 11 > 10: only C is in.
    const p = (await biz.get(`/api/v1/priorities/portfolio?round=${roundId}&drop=${item.C}`)).json();
    expect(p.cutLine).toEqual({ in: [item.C], out: [item.B, item.A, item.E] });
    expect(p.mix.actual).toEqual({ run: 0, grow: 0, transform: 100 });
    expect(p.ifDropped).toEqual({ itemId: item.C, movesIn: [item.B, item.A] });
  });

  it('saves scenarios with manual moves and compares them', async () => {
    const url = `/api/v1/priorities/rounds/${roundId}/scenarios`;
    const a = await owner.post(url, { name: 'As decided' });
    expect(a.statusCode).toBe(201);
    expect(a.json().order).toEqual([item.C, item.B, item.A, item.E]);
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const b = await owner.post(url, { name: 'Enabler first', moves: [{ itemId: item.E, rank: 1 }] });
    expect(b.json().order).toEqual([item.E, item.C, item.B, item.A]);
    const cmp = await biz.get(`/api/v1/priorities/scenarios/compare?a=${a.json().id}&b=${b.json().id}`);
    expect(cmp.statusCode).toBe(200);
    // b: E 4, then C 8 would make 12: only E is in.
    expect(cmp.json()).toMatchObject({ a: { in: [item.C] }, b: { in: [item.E] }, movesIn: [item.E], movesOut: [item.C] });
    expect(cmp.json().b.mix).toEqual({ run: 100, grow: 0, transform: 0 });
    // Paged, newest first.
    const first = (await biz.get(`${url}?limit=1`)).json();
    expect(first.items.map((s: { name: string }) => s.name)).toEqual(['Enabler first']);
    const second = (await biz.get(`${url}?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ name: 'As decided' }], nextCursor: null });
  });

  it('scores requests from the intake beside initiatives: titled, scorable, in the results; another organisation\'s request is refused', async () => {
    const request = (await owner.post('/api/v1/requests', { title: 'Export orders to Excel', side: 'business', type: 'feature' })).json().id as string;
    const created = await owner.post('/api/v1/priorities/rounds', { name: 'Requests too', model: 'wsjf', items: [{ type: 'initiative', id: item.A }, { type: 'request', id: request, category: 'run' }] });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round.items.map((i: { type: string; title: string; effort: number | null }) => [i.type, i.title, i.effort])).toEqual([
      ['initiative', 'Initiative A', 5],
      ['request', 'Export orders to Excel', null],
    ]);
    expect((await owner.post(`/api/v1/priorities/rounds/${round.id}/open`)).statusCode).toBe(200);
    const scored = await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${round.id}/scores`, json: { personId: person.it2, itemId: request, scores: { businessValue: 3, timeCriticality: 2, riskReduction: 1, jobSize: 2 } } });
    expect(scored.statusCode, scored.body).toBe(200);
    await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${round.id}/scores`, json: { personId: person.biz2, itemId: request, scores: { businessValue: 8, timeCriticality: 5, riskReduction: 3 } } });
    await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${round.id}/scores`, json: { personId: person.it2, itemId: item.A, scores: { businessValue: 3, timeCriticality: 2, riskReduction: 1, jobSize: 5 } } });
    await owner.request({ method: 'PUT', url: `/api/v1/priorities/rounds/${round.id}/scores`, json: { personId: person.biz2, itemId: item.A, scores: { businessValue: 20, timeCriticality: 13, riskReduction: 8 } } });
    expect((await owner.post(`/api/v1/priorities/rounds/${round.id}/close`)).statusCode).toBe(200);
    const results = (await owner.get(`/api/v1/priorities/rounds/${round.id}/results`)).json();
    const r = results.items.find((i: { itemId: string }) => i.itemId === request);
    // Business: (8 + 5 + 3) / 2 = 8 against A's (20 + 13 + 8) / 5 = 8.2; IT: (3 + 2 + 1) / 2 = 3 against A's 6 / 5 = 1.2.
    expect(r).toMatchObject({ title: 'Export orders to Excel', business: { score: 8, rank: 2 }, it: { score: 3, rank: 1 }, rankDifference: 1 });

    // A request of another organisation is refused and nothing is written.
    const before = (await owner.get('/api/v1/priorities/rounds?limit=500')).json().items.length;
    expect((await owner.post(`/api/v1/orgs/${otherOrgId}/switch`)).statusCode).toBe(200);
    const foreignRequest = (await owner.post('/api/v1/requests', { title: 'Foreign request' })).json().id as string;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
    const refused = await owner.post('/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [{ type: 'request', id: foreignRequest }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/no request with this id/);
    expect((await owner.get('/api/v1/priorities/rounds?limit=500')).json().items).toHaveLength(before);
  });

  describe('bad input: 400 with the reason and nothing written', () => {
    let openRound: string;
    const snapshot = async () => {
      const rounds = (await owner.get('/api/v1/priorities/rounds')).json();
      const scores = await Promise.all([person.biz1, person.it1].map((p) => owner.get(`/api/v1/priorities/rounds/${openRound}/scores?personId=${p}`)));
      return JSON.stringify([rounds, scores.map((s) => s.json())]);
    };

    beforeAll(async () => {
      openRound = (await owner.post('/api/v1/priorities/rounds', { name: 'Open round', model: 'wsjf', items: [{ type: 'initiative', id: item.A }, { type: 'enabler', id: item.E }] })).json().id;
      await owner.post(`/api/v1/priorities/rounds/${openRound}/open`);
      // One score exists, so "nothing written" also means "nothing changed".
      expect((await put(biz, `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 5 } })).statusCode).toBe(200);
    });

    const cases: [string, () => [Client, string, string, unknown], RegExp][] = [
      ['a score outside the model\'s scale', () => [biz, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.E, scores: { timeCriticality: 4 } }], /body\.scores\.timeCriticality.*one of 1, 2, 3, 5, 8, 13, 20/],
      ['a valid score beside one outside the scale (all or nothing)', () => [biz, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.E, scores: { businessValue: 8, riskReduction: 21 } }], /riskReduction/],
      ['a scorer scoring a criterion their side does not own', () => [biz, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.E, scores: { jobSize: 5 } }], /body\.scores\.jobSize.*owned by IT/],
      ['an admin entering a criterion the person\'s side does not own', () => [owner, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz2, itemId: item.E, scores: { jobSize: 5 } }], /owned by IT/],
      ['an unknown criterion', () => [it1, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.it1, itemId: item.E, scores: { reach: 5 } }], /body\.scores\.reach/],
      ['an item that is not in the round', () => [it1, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.it1, itemId: item.B, scores: { jobSize: 5 } }], /body\.itemId/],
      ['a person of another organisation', () => [owner, 'PUT', `/api/v1/priorities/rounds/${openRound}/scores`, { personId: foreignInitiative, itemId: item.E, scores: { jobSize: 5 } }], /body\.personId/],
      ['scoring a closed round', () => [biz, 'PUT', `/api/v1/priorities/rounds/${roundId}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 5 } }], /closed/],
      ['changing a score in a closed round', () => [biz, 'PATCH', `/api/v1/priorities/rounds/${roundId}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 5 } }], /closed/],
      ['weights that do not sum to a positive number', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'W', model: 'weighted', criteria: [{ key: 'value', label: 'Value', weight: 1, owner: 'business' }, { key: 'effort', label: 'Effort', weight: -1, owner: 'it' }], items: [] }], /body\.criteria.*positive/],
      ['an item from another organisation', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [{ type: 'initiative', id: item.A }, { type: 'initiative', id: foreignInitiative }] }], /body\.items\.1\.id.*no initiative/],
      ['an initiative id given as an enabler', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [{ type: 'enabler', id: item.A }] }], /body\.items\.0\.id.*no enabler/],
      ['an initiative sent as a request', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [{ type: 'request', id: item.A }] }], /body\.items\.0\.id.*no request/],
      ['the same item twice', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [{ type: 'initiative', id: item.A }, { type: 'initiative', id: item.A }] }], /body\.items\.1\.id.*already/],
      ['criteria on a fixed model', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', criteria: [{ key: 'v', label: 'V', weight: 1, owner: 'both' }], items: [] }], /body\.criteria.*fixed/],
      ['a weighted round without criteria', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'weighted', items: [] }], /body\.criteria/],
      ['an unknown model', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'moscow', items: [] }], /body\.model/],
      ['an unknown field', () => [owner, 'POST', '/api/v1/priorities/rounds', { name: 'X', model: 'wsjf', items: [], colour: 'red' }], /colour|Unrecognized/i],
      ['a target mix of zeros', () => [owner, 'PUT', '/api/v1/priorities/portfolio', { capacity: 10, targetMix: { run: 0, grow: 0, transform: 0 } }], /targetMix/],
      ['a negative capacity', () => [owner, 'PUT', '/api/v1/priorities/portfolio', { capacity: -1, targetMix: { run: 1, grow: 1, transform: 1 } }], /capacity/],
      ['a decision without a reason', () => [owner, 'PATCH', `/api/v1/priorities/disagreements/${item.A}?round=${roundId}`, { status: 'decided' }], /body\.decision/],
      ['a decided rank beyond the items', () => [owner, 'PATCH', `/api/v1/priorities/disagreements/${item.A}?round=${roundId}`, { status: 'decided', decision: { rank: 9, reason: 'r' } }], /body\.decision\.rank/],
      ['a disagreement owner from another organisation', () => [owner, 'PATCH', `/api/v1/priorities/disagreements/${item.A}?round=${roundId}`, { status: 'discussing', ownerId: foreignInitiative }], /body\.ownerId/],
    ];

    it.each(cases)('%s', async (_name, make, message) => {
      const before = await snapshot();
      const settingsBefore = (await owner.get('/api/v1/priorities/portfolio/settings')).body;
      const resultsBefore = (await owner.get(`/api/v1/priorities/rounds/${roundId}/results`)).body;
      const [c, method, url, json] = make();
      const res = await c.request({ method: method as 'PUT', url, json });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(message);
      expect(await snapshot()).toBe(before);
      expect((await owner.get('/api/v1/priorities/portfolio/settings')).body).toBe(settingsBefore);
      expect((await owner.get(`/api/v1/priorities/rounds/${roundId}/results`)).body).toBe(resultsBefore);
    });

    it('403 for a member scoring as someone else, 409 for a second score, and 404 for another organisation\'s round', async () => {
      const before = await snapshot();
      expect((await put(biz, `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz2, itemId: item.A, scores: { businessValue: 5 } })).statusCode).toBe(403);
      expect((await put(biz, `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.A, scores: { businessValue: 8 } })).statusCode).toBe(409);
      expect((await put(biz, `/api/v1/priorities/rounds/${openRound}/scores`, { personId: person.biz1, itemId: item.A, scores: { timeCriticality: 3, businessValue: 8 } })).statusCode).toBe(409);
      expect(await snapshot()).toBe(before);
      for (const url of [`/api/v1/priorities/rounds/${foreignRound}`, `/api/v1/priorities/rounds/${foreignRound}/results`, `/api/v1/priorities/portfolio?round=${foreignRound}`]) {
        expect((await owner.get(url)).statusCode).toBe(404);
      }
      expect((await owner.post(`/api/v1/priorities/rounds/${foreignRound}/open`)).statusCode).toBe(404);
      // Results of a round that is not closed: 409; disagreements too.
      expect((await owner.get(`/api/v1/priorities/rounds/${openRound}/results`)).statusCode).toBe(409);
      expect((await owner.patch(`/api/v1/priorities/disagreements/${item.A}?round=${openRound}`, { status: 'discussing' })).statusCode).toBe(409);
    });
  });
});

describe.each(engines())('priorities demo on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('has a closed round scored by five Business and five IT people, τ around 0.3, three queued, one decided, a missed target mix', async () => {
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', DEMO_LOGIN)).statusCode).toBe(200);
    const all = (await c.get('/api/v1/priorities/rounds')).json().items as { id: string; status: string; opensAt: string; closesAt: string }[];
    expect(all.map((x) => x.status).sort()).toEqual(['closed', 'draft']);
    const today = t.app.ctx.now().toISOString().slice(0, 10);
    // The closed round's days are past, the draft's are to come: it opens by itself (decision 146).
    const upcoming = all.find((x) => x.status === 'draft')!;
    expect(upcoming).toMatchObject({ model: 'wsjf', itemCount: 25 });
    expect(upcoming.opensAt > today && upcoming.closesAt > upcoming.opensAt).toBe(true);
    const rounds = all.filter((x) => x.status === 'closed');
    expect(rounds[0]).toMatchObject({ status: 'closed', model: 'wsjf', itemCount: 25 });
    expect(rounds[0]!.opensAt < rounds[0]!.closesAt && rounds[0]!.closesAt < today).toBe(true);
    const closed = (await c.get(`/api/v1/priorities/rounds/${rounds[0]!.id}`)).json();
    expect(closed.openedAt).toBe(`${closed.opensAt}T00:00:00.000Z`);
    expect(closed.closedAt.slice(0, 10) > closed.closesAt).toBe(true);
    expect((await c.get('/api/v1/priorities/portfolio/settings')).json().settings.categoryLabels).toEqual({ run: 'Run', grow: 'Grow', transform: 'Transform' });
    const r = (await c.get(`/api/v1/priorities/rounds/${rounds[0]!.id}/results`)).json();
    expect(r.scorers).toEqual({ business: 5, it: 5 });
    expect(r.agreement.kendallTauB).toBeGreaterThanOrEqual(0.25);
    expect(r.agreement.kendallTauB).toBeLessThanOrEqual(0.35);
    expect(r.disagreements).toHaveLength(3);
    expect(r.disagreements.map((d: { status: string }) => d.status)).toEqual(['decided', 'discussing', 'open']);
    expect(r.disagreements[0].decision.reason).toMatch(/steering/);
    const decided = r.items.find((i: { itemId: string }) => i.itemId === r.disagreements[0].itemId);
    expect(decided.combinedRank).toBe(3);
    const p = (await c.get(`/api/v1/priorities/portfolio?round=${rounds[0]!.id}`)).json();
    expect(p.cutLine.in.length).toBeGreaterThan(0);
    expect(p.cutLine.out.length).toBeGreaterThan(0);
    const miss = Math.max(...(['run', 'grow', 'transform'] as const).map((k) => Math.abs(p.mix.actual[k] - p.mix.target[k])));
    expect(miss).toBeGreaterThanOrEqual(5);
  });
});
