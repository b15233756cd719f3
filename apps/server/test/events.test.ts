import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { spearman } from '@tandem/core';
import { createMailer } from '../src/lib/mailer';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';
import { createPulse, group, importPeople, invite as invitePulse, respond } from './pulse-helpers';
import { startSmtp } from './smtp';

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The text/calendar part of a raw mail (nodemailer's icalEvent), decoded from base64 or quoted-printable. */
function icsOf(raw: string): string {
  const part = /Content-Type: text\/calendar[^\r\n]*(?:\r?\n[^\r\n]+)*\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
  if (!part) throw new Error('no text/calendar part');
  const headers = /Content-Type: text\/calendar[^\r\n]*(?:\r?\n[^\r\n]+)*/i.exec(raw)![0];
  const body = part[1]!;
  if (/base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describe.each(engines())('events on %s', (engine) => {
  let t: TestApp;
  let smtp: Smtp;
  let closeMailer: () => void;
  let owner: Client;
  let eddie: Client; // a member, linked to the person Eddie Engineer
  const ids: Record<string, string> = {};
  let foreign: { goal: string; initiative: string; request: string; person: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
    closeMailer = () => mailer.close();
    t = await createTestApp(engine, { mailer, env: { TANDEM_SESSION_IDLE_MINUTES: '20160', TANDEM_MAIL_FROM: 'Tandem <tandem@acme.test>' } });
    const s = await setUp(t.app);
    owner = s.client;
    const acmeId = s.me.current.id;
    const person = async (name: string, email: string, department: string, side: string) => {
      const r = await owner.post('/api/v1/people', { name, email, department, side, level: 'employee' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    ids.bea = await person('Bea Business', 'bea@acme.test', 'Sales', 'business');
    ids.eddie = await person('Eddie Engineer', 'eddie@acme.test', 'Platform', 'it');
    ids.ivan = await person('Ivan Infra', 'ivan@acme.test', 'Platform', 'it');
    ids.fay = await person('Fay Finance', 'fay@acme.test', 'Finance', 'business');
    eddie = (await invite(t.app, owner, 'eddie@acme.test', 'member', 'Eddie Engineer', 'quiet harbour lantern 7', smtp)).client;
    ids.goal = (await owner.post('/api/v1/goals', { title: 'Halve order errors' })).json().id;
    ids.initiative = (await owner.post('/api/v1/initiatives', { title: 'Order checks', goalIds: [ids.goal] })).json().id;
    ids.request = (await owner.post('/api/v1/requests', { title: 'Export orders', requesterId: ids.bea })).json().id;
    const other = (await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' })).json();
    expect(other.id).toBeTruthy();
    foreign = {
      goal: (await owner.post('/api/v1/goals', { title: 'Their goal' })).json().id,
      initiative: (await owner.post('/api/v1/initiatives', { title: 'Their initiative' })).json().id,
      request: (await owner.post('/api/v1/requests', { title: 'Their request' })).json().id,
      person: (await owner.post('/api/v1/people', { name: 'Olga Other', email: 'olga@other.test', department: 'Ops', side: 'it', level: 'employee' })).json().id,
    };
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    closeMailer();
    await t.close();
    await smtp.close();
  });

  it('runs a hackweek from ideas to outcomes with the team, vote and phase rules', async () => {
    const hw = await owner.post('/api/v1/hackweeks', { title: 'Winter hackweek', startDate: '2026-12-07', endDate: '2026-12-11', maxTeamSize: 2 });
    expect(hw.statusCode, hw.body).toBe(201);
    const id = hw.json().id as string;
    const url = `/api/v1/hackweeks/${id}`;
    expect((await owner.post('/api/v1/hackweeks', { title: 'Bad', startDate: '2026-12-07', endDate: '2026-12-01', maxTeamSize: 2 })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/hackweeks', { title: 'Bad', startDate: '2026-12-07', endDate: '2026-12-09', maxTeamSize: 2, extra: 1 })).statusCode).toBe(400);
    expect((await eddie.post('/api/v1/hackweeks', { title: 'Mine', startDate: '2026-12-07', endDate: '2026-12-09', maxTeamSize: 2 })).statusCode).toBe(403);

    // Ideas: the business pitches a problem; links must be of this organisation.
    const pitch = await owner.post(`${url}/ideas`, { title: 'Stop wrong orders', pitch: 'Sales re-keys orders', personId: ids.bea, goalId: ids.goal, initiativeId: ids.initiative });
    expect(pitch.statusCode, pitch.body).toBe(201);
    const ideaA = pitch.json().id as string;
    const foreignGoal = await owner.post(`${url}/ideas`, { title: 'X', pitch: '', personId: ids.bea, goalId: foreign.goal });
    expect(foreignGoal.statusCode).toBe(400);
    expect(foreignGoal.json().error.message).toMatch(/goalId/);
    expect((await owner.post(`${url}/ideas`, { title: 'X', pitch: '', personId: ids.bea, initiativeId: foreign.initiative })).statusCode).toBe(400);
    expect((await owner.post(`${url}/ideas`, { title: 'X', pitch: '', personId: foreign.person })).statusCode).toBe(400);
    // A member pitches as their own person only (decision 082).
    expect((await eddie.post(`${url}/ideas`, { title: 'X', pitch: '', personId: ids.bea })).statusCode).toBe(403);
    const ideaB = (await eddie.post(`${url}/ideas`, { title: 'Faster builds', pitch: 'Cache', personId: ids.eddie })).json().id as string;
    const ideaC = (await owner.post(`${url}/ideas`, { title: 'Finance bot', pitch: 'Answers', personId: ids.fay })).json().id as string;

    // Teams: one team per person, maximum size 2.
    expect((await eddie.post(`${url}/ideas/${ideaA}/members`, { personId: ids.eddie })).statusCode).toBe(201);
    const second = await eddie.post(`${url}/ideas/${ideaB}/members`, { personId: ids.eddie });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.message).toMatch(/one team at a time/);
    expect((await owner.post(`${url}/ideas/${ideaA}/members`, { personId: ids.ivan })).statusCode).toBe(201);
    const full = await owner.post(`${url}/ideas/${ideaA}/members`, { personId: ids.fay });
    expect(full.statusCode).toBe(400);
    expect(full.json().error.message).toMatch(/full \(2 of 2\)/);
    expect((await owner.post(`${url}/ideas/${ideaC}/members`, { personId: ids.fay })).statusCode).toBe(201);
    expect((await owner.post(`${url}/ideas/${ideaA}/members`, { personId: foreign.person })).statusCode).toBe(400);

    const detail = (await eddie.get(url)).json();
    const a = detail.ideas.find((i: { id: string }) => i.id === ideaA);
    expect(a.members.map((m: { name: string; side: string }) => `${m.name}/${m.side}`)).toEqual(['Eddie Engineer/it', 'Ivan Infra/it']);
    expect(a.crossSide).toBe(true); // a business pitcher with IT builders
    expect(detail.report).toMatchObject({ ideas: 3, ideasFromBusiness: 2, teams: 2, crossSideTeams: 1 });

    // Demo slots: inside the hackweek, one team per start time, only for an idea with a team.
    const slot = (ideaId: string, startsAt: string | null, who = owner) => who.request({ method: 'PUT', url: `${url}/ideas/${ideaId}/demo-slot`, json: { startsAt } });
    expect((await slot(ideaA, '2026-12-11T14:00:00.000Z')).statusCode).toBe(200);
    expect((await slot(ideaA, '2026-12-12T14:00:00.000Z')).statusCode).toBe(400);
    expect((await slot(ideaA, '2026-12-11T14:00:00.000Z', eddie)).statusCode).toBe(403);
    const teamless = detail.ideas.find((i: { members: unknown[] }) => i.members.length === 0).id as string;
    expect((await slot(teamless, '2026-12-11T15:00:00.000Z')).json().error.message).toMatch(/no team yet/);
    const withTeam = detail.ideas.find((i: { id: string; members: unknown[] }) => i.id !== ideaA && i.members.length > 0).id as string;
    const clash = await slot(withTeam, '2026-12-11T14:00:00.000Z');
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.message).toMatch(/is taken by/);
    expect((await slot(withTeam, '2026-12-11T14:30:00.000Z')).statusCode).toBe(200);
    expect((await eddie.get(url)).json().ideas.find((i: { id: string }) => i.id === ideaA).demoSlot).toBe('2026-12-11T14:00:00.000Z');
    expect((await slot(withTeam, null)).statusCode).toBe(200);
    expect((await eddie.get(url)).json().ideas.find((i: { id: string }) => i.id === withTeam).demoSlot).toBeNull();

    // Votes: not before the voting phase.
    const early = await owner.post(`${url}/votes`, { personId: ids.bea, ideaId: ideaB, category: 'impact' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/not opened yet/);
    for (const phase of ['teams', 'hacking', 'demos', 'voting']) expect((await owner.post(`${url}/phase`, { phase })).statusCode).toBe(200);
    expect((await owner.post(`${url}/phase`, { phase: 'ideas' })).statusCode).toBe(400);
    expect((await owner.post(`${url}/ideas/${ideaB}/members`, { personId: ids.bea })).statusCode).toBe(400); // teams are closed

    const v1 = await eddie.post(`${url}/votes`, { personId: ids.eddie, ideaId: ideaC, category: 'impact' });
    expect(v1.statusCode, v1.body).toBe(201);
    const twice = await eddie.post(`${url}/votes`, { personId: ids.eddie, ideaId: ideaC, category: 'impact' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/already voted in the impact category/);
    const own = await eddie.post(`${url}/votes`, { personId: ids.eddie, ideaId: ideaA, category: 'creativity' });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.message).toMatch(/own team/);
    expect((await owner.post(`${url}/votes`, { personId: ids.bea, ideaId: ideaA, category: 'impact' })).statusCode).toBe(400); // the pitcher's own idea
    expect((await owner.post(`${url}/votes`, { personId: ids.bea, ideaId: ideaC, category: 'impact' })).statusCode).toBe(201);
    expect((await owner.post(`${url}/votes`, { personId: ids.fay, ideaId: ideaA, category: 'impact' })).statusCode).toBe(201);
    expect((await owner.post(`${url}/votes`, { personId: ids.ivan, ideaId: ideaC, category: 'creativity' })).statusCode).toBe(201);
    expect((await eddie.post(`${url}/votes`, { personId: ids.ivan, ideaId: ideaC, category: 'impact' })).statusCode).toBe(403);

    // Results stay hidden until voting closes.
    expect((await eddie.get(`${url}/results`)).json()).toEqual({ open: true, categories: [] });
    expect((await owner.post(`${url}/phase`, { phase: 'outcomes' })).json()).toMatchObject({ phase: 'outcomes', votingClosed: true });
    expect((await owner.post(`${url}/votes`, { personId: ids.ivan, ideaId: ideaB, category: 'impact' })).json().error.message).toMatch(/voting is closed/);
    const res = (await eddie.get(`${url}/results`)).json();
    expect(res.open).toBe(false);
    const impact = res.categories.find((c: { category: string }) => c.category === 'impact').ranking;
    expect(impact[0]).toMatchObject({ ideaId: ideaC, votes: 2, rank: 1 });
    expect(impact.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);

    // Outcomes link to an initiative or request of the same organisation.
    expect((await owner.patch(`${url}/ideas/${ideaC}`, { outcome: 'became_initiative' })).statusCode).toBe(400);
    expect((await owner.patch(`${url}/ideas/${ideaC}`, { outcome: 'became_initiative', initiativeId: foreign.initiative })).statusCode).toBe(400);
    expect((await owner.patch(`${url}/ideas/${ideaB}`, { outcome: 'became_request', requestId: foreign.request })).statusCode).toBe(400);
    expect((await eddie.patch(`${url}/ideas/${ideaC}`, { outcome: 'parked' })).statusCode).toBe(403);
    expect((await owner.patch(`${url}/ideas/${ideaC}`, { outcome: 'became_initiative', initiativeId: ids.initiative })).statusCode).toBe(200);
    expect((await owner.patch(`${url}/ideas/${ideaB}`, { outcome: 'became_request', requestId: ids.request })).statusCode).toBe(200);
    expect((await owner.patch(`${url}/ideas/${ideaA}`, { outcome: 'parked' })).statusCode).toBe(200);
    const after = (await owner.get(url)).json();
    expect(after.report.outcomes).toEqual({ became_initiative: 1, became_request: 1, parked: 1 });
    expect(after.ideas.find((i: { id: string }) => i.id === ideaC).outcomeInitiativeId).toBe(ids.initiative);
    // Six months on (counted from the end date): how many initiatives and requests it became live on.
    expect(after.report.alive).toEqual({ sixMonthsOn: '2027-06-11', reached: false, tracked: 2, stillAlive: 2 });
    const cancelled = await owner.patch(`/api/v1/initiatives/${ids.initiative}`, { status: 'cancelled' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await owner.get(url)).json().report.alive).toMatchObject({ tracked: 2, stillAlive: 1 });

    const list = (await eddie.get('/api/v1/hackweeks?limit=1')).json();
    expect(list.items.map((h: { id: string }) => h.id)).toEqual([id]);
    expect(list.nextCursor).toBeNull();
    // A forged cursor is a 400, never a database error.
    const forged = Buffer.from(JSON.stringify(['not-a-day', 'x']), 'utf8').toString('base64url');
    for (const list of ['hackweeks', 'demos', 'roundtables']) expect((await eddie.get(`/api/v1/${list}?cursor=${forged}`)).statusCode).toBe(400);
    await owner.post('/api/v1/hackweeks', { title: 'Spring hackweek', startDate: '2027-03-01', endDate: '2027-03-05', maxTeamSize: 4 });
    const page1 = (await eddie.get('/api/v1/hackweeks?limit=1')).json();
    expect(page1.items[0].title).toBe('Spring hackweek');
    const page2 = (await eddie.get(`/api/v1/hackweeks?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2).toEqual({ items: [expect.objectContaining({ id })], nextCursor: null });
    expect((await owner.get(`/api/v1/hackweeks/${foreign.goal}`)).statusCode).toBe(404);
  });

  it('invites to a sprint demo with an .ics by mail, takes RSVPs, check-ins inside the window and feedback, and counts the business share', async () => {
    const before = smtp.received.length;
    const badItem = await owner.post('/api/v1/demos', { title: 'Sprint 41', date: '2026-12-01T14:00:00Z', itemRefs: [{ type: 'request', id: foreign.request }], inviteePersonIds: [] });
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().error.message).toMatch(/itemRefs/);
    expect((await owner.post('/api/v1/demos', { title: 'Sprint 41', date: '2026-12-01T14:00:00Z', itemRefs: [], inviteePersonIds: [foreign.person] })).statusCode).toBe(400);
    expect(smtp.received.length).toBe(before);

    const c = await owner.post('/api/v1/demos', {
      title: 'Sprint 41 demo',
      date: '2026-12-01T14:00:00Z',
      itemRefs: [
        { type: 'initiative', id: ids.initiative },
        { type: 'request', id: ids.request },
      ],
      inviteePersonIds: [ids.bea, ids.fay, ids.eddie],
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ invited: 3, mailed: 3 });
    const demoId = c.json().id as string;
    const mails = smtp.received.slice(before);
    const beaMail = mails.find((m) => /^To: .*bea@acme\.test/im.test(m))!;
    expect(beaMail).toBeTruthy();
    const cal = new ICAL.Component(ICAL.parse(icsOf(beaMail)));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.uid).toBe(`demo-${demoId}@tandem`);
    expect(ev.summary).toBe('Sprint 41 demo');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(ev.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:bea@acme.test']);
    expect(ev.organizer.toLowerCase()).toBe('mailto:tandem@acme.test');

    // RSVP with one click from the mail, no session.
    const text = beaMail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /(\/api\/v1\/demos\/rsvp\?token=[A-Za-z0-9_-]+&answer=accepted)/.exec(text)![1]!;
    const anon = new Client(t.app);
    const r = await anon.get(link);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ title: 'Sprint 41 demo', answer: 'accepted' });
    expect((await anon.get('/api/v1/demos/rsvp?token=nonexistent-token-123&answer=accepted')).statusCode).toBe(404);

    // Check-in: refused before the session opens and long after it ended.
    const demo = (await owner.get(`/api/v1/demos/${demoId}`)).json();
    const token = demo.checkInPath.split('/').pop() as string;
    t.clock.now = new Date('2026-12-01T13:00:00Z');
    const tooEarly = await eddie.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.eddie, token });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.message).toMatch(/opens/);
    t.clock.now = new Date('2026-12-01T14:05:00Z');
    expect((await eddie.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.eddie })).statusCode).toBe(403); // no token from the screen
    expect((await eddie.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.eddie, token: 'wrong-token-wrong' })).statusCode).toBe(403);
    expect((await eddie.get(`/api/v1/demos/${demoId}`)).json().checkInPath).toBeNull();
    expect((await eddie.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.eddie, token })).json()).toEqual({ ok: true, alreadyIn: false });
    expect((await eddie.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.eddie, token })).json()).toEqual({ ok: true, alreadyIn: true });
    expect((await owner.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.bea })).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.fay })).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/demos/${demoId}/feedback`, { personId: ids.ivan, sawValue: true })).statusCode).toBe(400); // not there
    expect((await owner.post(`/api/v1/demos/${demoId}/feedback`, { personId: ids.bea, sawValue: true })).statusCode).toBe(200);
    t.clock.now = new Date('2026-12-01T19:00:00Z');
    const late = await owner.post(`/api/v1/demos/${demoId}/attendance`, { personId: ids.ivan });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toMatch(/closed/);

    const stats = (await eddie.get('/api/v1/demos/stats')).json();
    const row = stats.demos.find((d: { id: string }) => d.id === demoId);
    expect(row).toMatchObject({ attendees: 3, requestersPresent: 1, requesters: 1 });
    expect(row.businessShare).toBeCloseTo(2 / 3, 12);
    const shown = (await owner.get(`/api/v1/demos/${demoId}`)).json();
    expect(shown.invitees.find((i: { personId: string }) => i.personId === ids.bea)).toMatchObject({ rsvp: 'accepted', checkedIn: true, sawValue: true });
    expect((await owner.get('/api/v1/demos')).json().items.map((d: { id: string }) => d.id)).toContain(demoId);
    t.clock.now = new Date('2026-11-28T09:00:00Z');
  });

  it('records a round-table, turns insights into actions with an owner and same-organisation links, and tracks them to done', async () => {
    const c = await owner.post('/api/v1/roundtables', { title: "Leaders' lunch", date: '2026-11-20', inviteePersonIds: [ids.bea, ids.eddie], questions: ['How do we align?'] });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    expect((await owner.post('/api/v1/roundtables', { title: 'X', date: '2026-11-20', inviteePersonIds: [foreign.person], questions: [] })).statusCode).toBe(400);
    expect((await owner.post(`/api/v1/roundtables/${id}/attendance`, { personId: ids.bea })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/roundtables/${id}/attendance`, { personId: ids.ivan })).statusCode).toBe(400);
    const ins = (await owner.post(`/api/v1/roundtables/${id}/insights`, { text: 'Invite the business to demos' })).json().id as string;
    const action = `/api/v1/roundtables/${id}/insights/${ins}/action`;
    const noOwner = await owner.post(action, { dueDate: '2026-12-15' });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.message).toMatch(/ownerId/);
    expect((await owner.post(action, { ownerId: foreign.person, dueDate: '2026-12-15' })).statusCode).toBe(400);
    expect((await owner.post(action, { ownerId: ids.eddie, dueDate: '2026-12-15', link: { type: 'request', id: foreign.request } })).statusCode).toBe(400);
    expect((await eddie.post(action, { ownerId: ids.eddie, dueDate: '2026-12-15' })).statusCode).toBe(403);
    expect((await owner.post(action, { ownerId: ids.eddie, dueDate: '2026-12-15', link: { type: 'initiative', id: ids.initiative } })).statusCode).toBe(201);
    expect((await owner.post(action, { ownerId: ids.eddie, dueDate: '2026-12-15' })).statusCode).toBe(409);
    let page = (await eddie.get(`/api/v1/roundtables/${id}`)).json();
    expect(page.insights[0].action).toMatchObject({ ownerId: ids.eddie, dueDate: '2026-12-15', link: { type: 'initiative', id: ids.initiative }, done: false });
    expect(page.actions).toEqual({ total: 1, done: 0 });
    expect((await owner.post(`${action}/done`, { done: true })).statusCode).toBe(200);
    page = (await eddie.get(`/api/v1/roundtables/${id}`)).json();
    expect(page.actions).toEqual({ total: 1, done: 1 });
    expect(page.invitees.find((i: { personId: string }) => i.personId === ids.bea).attended).toBe(true);
    expect((await owner.get(`/api/v1/roundtables/${foreign.goal}`)).statusCode).toBe(404);
  });

  it('says who a caller acts as, and lets leaders edit a round-table\'s questions and notes after the meeting', async () => {
    expect((await eddie.get('/api/v1/events/me')).json()).toEqual({ personId: ids.eddie, name: 'Eddie Engineer', side: 'it', actsForOthers: false });
    expect((await owner.get('/api/v1/events/me')).json()).toEqual({ personId: null, name: null, side: null, actsForOthers: true });
    const id = (await owner.post('/api/v1/roundtables', { title: 'Lunch', date: '2026-11-21', inviteePersonIds: [], questions: ['Aligned?'] })).json().id as string;
    const edited = await owner.patch(`/api/v1/roundtables/${id}`, { notes: 'Written up the day after.', questions: ['Aligned?', 'Does the roadmap include IT?'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Lunch', notes: 'Written up the day after.', questions: ['Aligned?', 'Does the roadmap include IT?'] });
    expect((await owner.patch(`/api/v1/roundtables/${id}`, {})).statusCode).toBe(400);
    expect((await owner.patch(`/api/v1/roundtables/${id}`, { notes: 'x', extra: 1 })).statusCode).toBe(400);
    expect((await owner.patch(`/api/v1/roundtables/${id}`, { title: '' })).statusCode).toBe(400);
    expect((await eddie.patch(`/api/v1/roundtables/${id}`, { notes: 'mine' })).statusCode).toBe(403);
    expect((await owner.patch(`/api/v1/roundtables/${foreign.goal}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await eddie.get(`/api/v1/roundtables/${id}`)).json().notes).toBe('Written up the day after.');
  });

  it('measures participation and correlates it with the gaps the latest closed pulse publishes, leaving hidden departments out', async () => {
    // A fresh organisation: five departments of employees and a leaders group; Tiny is under k = 5.
    await owner.post('/api/v1/orgs', { name: 'Pulse Org', currency: 'EUR' });
    const depts = ['Alpha', 'Beta', 'Gamma', 'Delta'];
    await importPeople(owner, [
      ...group(6, { side: 'it', level: 'leader', department: 'Board', location: 'HQ' }),
      ...depts.flatMap((d, i) => group(6, { side: i % 2 ? 'it' : 'business', level: 'employee', department: d, location: 'HQ' })),
      ...group(2, { side: 'business', level: 'employee', department: 'Tiny', location: 'HQ' }),
    ]);
    const people = (await owner.get('/api/v1/people?limit=500')).json().items as { id: string; department: string; level: string; email: string }[];
    const pulse = await createPulse(owner);
    expect((await owner.post(`/api/v1/pulses/${pulse.id}/open`)).statusCode).toBe(200);
    const { invitations } = await invitePulse(owner, pulse.id, smtp);
    const dept = new Map(people.map((p) => [p.id, p]));
    // Leaders answer 5; of each department's six employees, 5, 3, 2 and 1 answer favourably (4 or 5) in Alpha..Delta.
    const favourable: Record<string, number> = { Board: 6, Alpha: 5, Beta: 3, Gamma: 2, Delta: 1, Tiny: 1 };
    const seen = new Map<string, number>();
    for (const inv of invitations) {
      const d = dept.get(inv.personId)!.department;
      const k = seen.get(d) ?? 0;
      seen.set(d, k + 1);
      expect((await respond(t.app, inv.token, pulse.questions, k < favourable[d]! ? 5 : 2)).statusCode).toBe(201);
    }
    expect((await owner.post(`/api/v1/pulses/${pulse.id}/close`)).statusCode).toBe(200);

    // Participation: round-table attendance falls from Alpha (4 of 6) to Delta (1 of 6).
    const takePart: Record<string, number> = { Alpha: 4, Beta: 3, Gamma: 2, Delta: 1, Tiny: 2 };
    const invitees = Object.entries(takePart).flatMap(([d, n]) => people.filter((p) => p.department === d).slice(0, n).map((p) => p.id));
    const rt = (await owner.post('/api/v1/roundtables', { title: 'Open table', date: '2026-11-10', inviteePersonIds: invitees, questions: [] })).json().id;
    for (const p of invitees) expect((await owner.post(`/api/v1/roundtables/${rt}/attendance`, { personId: p })).statusCode).toBe(200);

    expect((await owner.get('/api/v1/participation?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
    expect((await eddie.get('/api/v1/participation?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
    const res = await owner.get('/api/v1/participation?from=2026-11-01&to=2026-11-30');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.kinds).toEqual(['hackweek', 'demo', 'roundtable', 'coffee', 'open_hour', 'open_mic', 'sit_in']);
    expect(p.byDepartment.find((d: { department: string }) => d.department === 'Alpha')).toEqual({ department: 'Alpha', people: 6, participants: 4, rate: 4 / 6 });
    expect(p.bySide.business.participants).toBe(4 + 2 + 2);
    const g = p.gapCorrelation;
    expect(g.pulseId).toBe(pulse.id);
    // Only what the pulse itself publishes: the employee segment of each department under the pulse's
    // suppression (Tiny is under k, Board has no employees, and complementary suppression may hide one more).
    const pub = (await owner.get(`/api/v1/pulses/${pulse.id}/results?by=department,level`)).json();
    type Seg = { key: { department?: string; level?: string; side?: string }; suppressed?: true };
    const visible = (pub.questions[0].segments as Seg[])
      .filter((x) => x.key.level === 'employee' && x.key.department && !x.key.side && !x.suppressed)
      .map((x) => x.key.department!)
      .sort();
    expect(visible).not.toContain('Tiny');
    expect(visible.length).toBeGreaterThanOrEqual(3);
    expect(g.departments.map((d: { department: string }) => d.department)).toEqual(visible);
    expect(g.excluded).toBe(6 - visible.length);
    for (const d of g.departments as { department: string; gap: number }[]) expect(d.gap).toBeCloseTo(1 - favourable[d.department]! / 6, 12);
    const expected = spearman(
      g.departments.map((d: { rate: number }) => d.rate),
      g.departments.map((d: { gap: number }) => d.gap),
    );
    expect(g.spearman).toBeCloseTo(-1, 12); // more participation, smaller gap, in every shown department
    expect(g.spearman).toBe(expected.rho);
    expect(g.pValue).toBe(0);
    expect(g.verdict).toMatch(/smaller perception gap/);
    expect(g.verdict).toMatch(/not causation/);
    expect(g.verdict).toContain(`${g.excluded} departments were left out`);
  });
});
