import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createMailer, type Mailer } from '../src/lib/mailer';
import { Client, createTestApp, engines, invite, setUp, type TestApp } from './harness';
import { mailPart, mailText } from './mail-parts';
import { startSmtp } from './smtp';

/** Parses an .ics with ical.js (throws on invalid text) and returns its VEVENTs and METHOD. */
function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { method: cal.getFirstPropertyValue('method'), events: cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)), cal };
}

const SIDES = ['it', 'business'] as const;
const DEPTS = ['Platform', 'Data', 'Sales', 'Finance', 'Ops'];

describe.each(engines())('crossover on %s', (engine) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer | null;
  let owner: Client;
  let member: Client;
  let memberPersonId: string;
  let people: string[];
  let otherOrgPersonId: string;
  let acmeId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>');
    t = await createTestApp(engine, { mailer, env: { TANDEM_SESSION_IDLE_MINUTES: '43200' } });
    const s = await setUp(t.app);
    owner = s.client;
    acmeId = s.me.current.id;
    people = [];
    for (let i = 0; i < 9; i++) {
      const res = await owner.post('/api/v1/people', { name: `Person ${i}`, email: `p${i}@acme.test`, department: DEPTS[i % DEPTS.length], side: SIDES[i % 2], level: i === 0 ? 'leader' : 'employee' });
      expect(res.statusCode, res.body).toBe(201);
      people.push(res.json().id);
    }
    // The person exists first: accepting the invitation links the account to it (same email).
    memberPersonId = (await owner.post('/api/v1/people', { name: 'Mo Member', email: 'mo@acme.test', department: 'Sales', side: 'business', level: 'employee' })).json().id;
    member = (await invite(t.app, owner, 'mo@acme.test', 'member', 'Mo Member', 'quiet harbour lantern 7', smtp)).client;
    await owner.post('/api/v1/orgs', { name: 'Other Org', currency: 'USD' });
    otherOrgPersonId = (await owner.post('/api/v1/people', { name: 'Foreigner', email: 'f@other.test', department: 'Sales', side: 'business', level: 'employee' })).json().id;
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    mailer?.close();
    await smtp.close();
  });

  const mailsTo = (email: string, from = 0) => smtp.received.slice(from).filter((m) => m.toLowerCase().includes(`to: ${email}`));

  it('runs coffee rounds without repeats, with reasons, .ics and mail, and records "we met" from the mail link', async () => {
    const bad = await owner.post('/api/v1/crossover/programmes', { name: 'X', cadence: 'weekly', groupSize: 4, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('groupSize');
    expect((await member.post('/api/v1/crossover/programmes', { name: 'X', cadence: 'weekly', groupSize: 2, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true })).statusCode).toBe(403);
    const created = await owner.post('/api/v1/crossover/programmes', { name: 'Coffee across', cadence: 'weekly', groupSize: 2, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true });
    expect(created.statusCode, created.body).toBe(201);
    expect(Object.keys(created.json())).toEqual(['id']);
    const id = created.json().id as string;

    // Fewer than two opted in: 422 with the count, nothing written.
    const none = await owner.post(`/api/v1/crossover/programmes/${id}/rounds`);
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error.details).toEqual({ count: 0 });
    expect((await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: [people[0], otherOrgPersonId] } })).statusCode).toBe(400);
    expect((await owner.get(`/api/v1/crossover/programmes/${id}`)).json().participants).toBe(0);

    const put = await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: people.slice(0, 6) } });
    expect(put.statusCode, put.body).toBe(200);
    // A member opts themselves in, and may not opt in someone else.
    expect((await member.post(`/api/v1/crossover/programmes/${id}/opt-in`, {})).statusCode).toBe(200);
    expect((await member.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[7] })).statusCode).toBe(403);
    const parts = (await member.get(`/api/v1/crossover/programmes/${id}/participants?limit=5`)).json();
    expect(parts.items).toHaveLength(5);
    expect(parts.nextCursor).not.toBeNull();
    const rest = (await member.get(`/api/v1/crossover/programmes/${id}/participants?cursor=${parts.nextCursor}`)).json();
    expect([...parts.items, ...rest.items].map((p: { personId: string }) => p.personId).sort()).toEqual([...people.slice(0, 6), memberPersonId].sort());

    const seen = new Set<string>();
    const before = smtp.received.length;
    let firstRound: { id: string; groups: { personIds: string[]; reasons: string[] }[] } | undefined;
    for (let r = 0; r < 3; r++) {
      const res = await owner.post(`/api/v1/crossover/programmes/${id}/rounds`);
      expect(res.statusCode, res.body).toBe(201);
      const round = res.json();
      firstRound ??= round;
      expect(round.groups.map((g: { personIds: string[] }) => g.personIds.length).sort()).toEqual([2, 2, 3]);
      for (const g of round.groups) {
        expect(g.reasons.length).toBeGreaterThan(0);
        expect(g.reasons.some((x: string) => x.startsWith('New pair'))).toBe(true);
        for (const a of g.personIds) for (const b of g.personIds) if (a < b) {
          // 7 people, 3 rounds of 3 rounds' window: a repeat-free schedule exists (21 pairs, 4 per round).
          expect(seen.has(`${a}|${b}`)).toBe(false);
          seen.add(`${a}|${b}`);
        }
      }
    }
    // Every member got a mail per round with the group's .ics and the two answer links.
    const moMails = mailsTo('mo@acme.test', before);
    expect(moMails).toHaveLength(3);
    const ics = mailPart(moMails[0]!, 'text/calendar')!;
    const parsed = parseIcs(ics);
    expect(parsed.method).toBe('REQUEST');
    expect(parsed.events).toHaveLength(1);
    const ev = parsed.events[0]!;
    expect(ev.uid).toMatch(/^coffee-/);
    expect(ev.attendees.length).toBeGreaterThanOrEqual(2);
    expect(ics).toMatch(/DTSTART(;TZID=UTC)?:\d{8}T100000Z?/);
    expect(ics).toContain('DTSTAMP:');
    expect(ics).toContain('ORGANIZER');

    const round = (await owner.get(`/api/v1/crossover/programmes/${id}/rounds/${firstRound!.id}`)).json();
    const myGroup = round.groups.find((g: { personIds: string[] }) => g.personIds.includes(memberPersonId));
    const dl = await member.get(`/api/v1/crossover/programmes/${id}/rounds/${firstRound!.id}/groups/${myGroup.index}.ics`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('text/calendar');
    expect(parseIcs(dl.body).events[0]!.uid).toBe(`coffee-${firstRound!.id}-${myGroup.index}@tandem`);

    // One click from the mail, without a session.
    const text = mailText(moMails[0]!);
    const token = /\/crossover\/met\/([A-Za-z0-9_-]{43})\?met=yes/.exec(text)![1]!;
    const anon = new Client(t.app);
    const met = await anon.post(`/api/v1/crossover/met/${token}`, { met: true });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toEqual({ programmeName: 'Coffee across', met: true });
    expect((await anon.post(`/api/v1/crossover/met/${'x'.repeat(43)}`, { met: true })).statusCode).toBe(404);
    // In the app: a member answers only for themselves.
    const other = myGroup.personIds.find((p: string) => p !== memberPersonId);
    expect((await member.post(`/api/v1/crossover/programmes/${id}/rounds/${firstRound!.id}/groups/${myGroup.index}/met`, { personId: other, met: true })).statusCode).toBe(403);
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/rounds/${firstRound!.id}/groups/${myGroup.index}/met`, { personId: other, met: false })).statusCode).toBe(200);

    const stats = (await member.get(`/api/v1/crossover/programmes/${id}/stats`)).json();
    expect(stats).toMatchObject({ rounds: 3, repeatPairs: 0, meetingRate: 1 });
    expect(stats.crossSideShare).toBeGreaterThan(0);
    const list = (await member.get('/api/v1/crossover/programmes')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await member.get(`/api/v1/crossover/programmes/${id}/rounds?limit=2`)).json().items.map((r: { number: number }) => r.number)).toEqual([3, 2]);
  });

  it('makes trios for group size 3, respects opt-out and pauses', async () => {
    const id = (await owner.post('/api/v1/crossover/programmes', { name: 'Trios', cadence: 'monthly', groupSize: 3, noRepeatRounds: 2, preferCrossSide: true, preferCrossDepartment: false })).json().id;
    await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: people } });
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-out`, { personId: people[8] })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[7], pausedUntil: '2099-01-01' })).statusCode).toBe(200);
    const ran = await owner.post(`/api/v1/crossover/programmes/${id}/rounds`);
    expect(ran.statusCode, ran.body).toBe(201);
    const round = ran.json();
    expect(round.groups.flatMap((g: { personIds: string[] }) => g.personIds).sort()).toEqual(people.slice(0, 7).sort());
    expect(round.groups.map((g: { personIds: string[] }) => g.personIds.length).sort()).toEqual([2, 2, 3]);
  });

  it('says when a repeat was unavoidable: four people, every pairing used within the window (decision 163)', async () => {
    const id = (await owner.post('/api/v1/crossover/programmes', { name: 'Four', cadence: 'weekly', groupSize: 2, noRepeatRounds: 3, preferCrossSide: true, preferCrossDepartment: true })).json().id;
    await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: people.slice(0, 4) } });
    const seen = new Set<string>();
    for (let r = 0; r < 3; r++) {
      const ran = await owner.post(`/api/v1/crossover/programmes/${id}/rounds`);
      expect(ran.statusCode, ran.body).toBe(201);
      for (const g of ran.json().groups as { personIds: string[]; reasons: string[] }[]) {
        seen.add([...g.personIds].sort().join('|'));
        expect(g.reasons.some((x) => x.startsWith('New pair'))).toBe(true);
      }
    }
    // Three rounds of two pairs used all six pairs of four people: the fourth must repeat, and says so.
    expect(seen.size).toBe(6);
    const fourth = await owner.post(`/api/v1/crossover/programmes/${id}/rounds`);
    expect(fourth.statusCode, fourth.body).toBe(201);
    for (const g of fourth.json().groups as { reasons: string[] }[]) expect(g.reasons).toContainEqual(expect.stringMatching(/^Repeat: met \d round\(s\) ago \(every possible grouping of this round repeats a pair\)$/));
    expect((await owner.get(`/api/v1/crossover/programmes/${id}/stats`)).json()).toMatchObject({ rounds: 4, repeatPairs: 2 });
  });

  it('pauses a person between dates (themselves or by a leader) and leaves them out of those rounds only', async () => {
    const id = (await owner.post('/api/v1/crossover/programmes', { name: 'Pauses', cadence: 'weekly', groupSize: 2, noRepeatRounds: 0, preferCrossSide: true, preferCrossDepartment: false })).json().id;
    await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: people.slice(0, 4) } });
    const today = t.clock.now.toISOString().slice(0, 10);
    const day = (n: number) => new Date(t.clock.now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    // Bad pauses: from without until, until before from, a pause on opt-out; nothing written.
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[1], pausedFrom: day(1) })).json().error.message).toContain('pausedUntil');
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[1], pausedFrom: day(5), pausedUntil: day(2) })).statusCode).toBe(400);
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-out`, { personId: people[1], pausedFrom: day(1) })).statusCode).toBe(400);
    // A leader pauses people[1] from today for a week; people[2] is paused only next month.
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[1], pausedFrom: today, pausedUntil: day(7) })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[2], pausedFrom: day(30), pausedUntil: day(40) })).statusCode).toBe(200);
    // The member pauses themselves (opting in with the pause).
    expect((await member.post(`/api/v1/crossover/programmes/${id}/opt-in`, { pausedUntil: day(3) })).statusCode).toBe(200);
    const parts = (await member.get(`/api/v1/crossover/programmes/${id}/participants`)).json().items;
    expect(parts.find((p: { personId: string }) => p.personId === people[1])).toMatchObject({ pausedFrom: today, pausedUntil: day(7) });
    expect(parts.find((p: { personId: string }) => p.personId === memberPersonId)).toMatchObject({ pausedFrom: null, pausedUntil: day(3) });
    const ran = (await owner.post(`/api/v1/crossover/programmes/${id}/rounds`)).json();
    expect(ran.groups.flatMap((g: { personIds: string[] }) => g.personIds).sort()).toEqual([people[0], people[2], people[3]].sort());
    // Opting in again without dates ends the pause.
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/opt-in`, { personId: people[1] })).statusCode).toBe(200);
    const again = (await owner.post(`/api/v1/crossover/programmes/${id}/rounds`)).json();
    expect(again.groups.flatMap((g: { personIds: string[] }) => g.personIds).sort()).toEqual([people[0], people[1], people[2], people[3]].sort());
  });

  it('opts out or pauses from the mail link without signing in, for that member only', async () => {
    const id = (await owner.post('/api/v1/crossover/programmes', { name: 'Link test', cadence: 'weekly', groupSize: 2, noRepeatRounds: 1, preferCrossSide: true, preferCrossDepartment: true })).json().id;
    await owner.request({ method: 'PUT', url: `/api/v1/crossover/programmes/${id}/participants`, json: { personIds: [people[0], people[1], people[2], memberPersonId] } });
    const before = smtp.received.length;
    expect((await owner.post(`/api/v1/crossover/programmes/${id}/rounds`)).statusCode).toBe(201);
    const mail = mailsTo('mo@acme.test', before)[0]!;
    // The header may be folded onto the next line (RFC 5322).
    expect(mail).toMatch(/List-Unsubscribe:\s+<[^>]*\/crossover\/opt-out\/[A-Za-z0-9_-]{43}>/);
    const token = /\/crossover\/opt-out\/([A-Za-z0-9_-]{43})/.exec(mailText(mail))![1]!;
    const anon = new Client(t.app);
    const ids = async () => (await owner.get(`/api/v1/crossover/programmes/${id}/participants`)).json().items.map((p: { personId: string; pausedUntil: string | null }) => [p.personId, p.pausedUntil]);
    // Bad input changes nothing.
    expect((await anon.post(`/api/v1/crossover/opt-out/${token}`, { pausedUntil: '2001-01-01' })).statusCode).toBe(400);
    expect((await anon.post(`/api/v1/crossover/opt-out/${'y'.repeat(43)}`, {})).statusCode).toBe(404);
    expect(await ids()).toHaveLength(4);
    const paused = await anon.post(`/api/v1/crossover/opt-out/${token}`, { pausedUntil: '2099-06-30' });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toEqual({ programmeName: 'Link test', optedOut: false, pausedUntil: '2099-06-30' });
    expect(await ids()).toContainEqual([memberPersonId, '2099-06-30']);
    const out = await anon.post(`/api/v1/crossover/opt-out/${token}`, {});
    expect(out.json()).toEqual({ programmeName: 'Link test', optedOut: true, pausedUntil: null });
    const left = (await ids()).map((x: string[]) => x[0]);
    expect(left).not.toContain(memberPersonId);
    expect(left).toHaveLength(3);
  });

  it('books each open-hour slot once, also under a race, and cancels with METHOD:CANCEL', async () => {
    const leader = people[0]!;
    expect((await owner.post('/api/v1/crossover/open-hours', { leaderId: leader, weekday: 4, start: '15:00', end: '16:00', slotMinutes: 15, timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/crossover/open-hours', { leaderId: otherOrgPersonId, weekday: 4, start: '15:00', end: '16:00', slotMinutes: 15, timeZone: 'Europe/Berlin' })).statusCode).toBe(400);
    const res = await owner.post('/api/v1/crossover/open-hours', { leaderId: leader, weekday: 4, start: '15:00', end: '16:00', slotMinutes: 15, timeZone: 'Europe/Berlin', location: 'Room 4' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const slots = (await member.get(`/api/v1/crossover/open-hours/${id}/slots?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z`)).json();
    // Thursday 3 December 2026, 15:00 Berlin = 14:00 UTC.
    expect(slots.items.map((s: { start: string }) => s.start)).toEqual(['2026-12-03T14:00:00.000Z', '2026-12-03T14:15:00.000Z', '2026-12-03T14:30:00.000Z', '2026-12-03T14:45:00.000Z']);

    expect((await member.post(`/api/v1/crossover/open-hours/${id}/bookings`, { slotStart: '2026-12-03T14:05:00Z', topic: 'x' })).statusCode).toBe(400);
    expect((await member.post(`/api/v1/crossover/open-hours/${id}/bookings`, { slotStart: '2026-11-26T14:00:00Z', topic: 'x' })).json().error.message).toContain('past');
    expect((await member.post(`/api/v1/crossover/open-hours/${id}/bookings`, { slotStart: '2026-12-03T14:00:00Z', personId: people[3], topic: 'x' })).statusCode).toBe(403);

    // The race: many presses on one slot at once, exactly one 201.
    const before = smtp.received.length;
    const racers = [member, owner, owner, owner, owner, owner, owner, owner];
    const answers = await Promise.all(racers.map((c, i) => c.post(`/api/v1/crossover/open-hours/${id}/bookings`, { slotStart: '2026-12-03T14:15:00Z', ...(c === owner ? { personId: people[i] } : {}), topic: `Race ${i}` })));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.message).toContain('just booked');
    const bookingId = answers.find((a) => a.statusCode === 201)!.json().id;
    const after = (await owner.get(`/api/v1/crossover/open-hours/${id}/slots?from=2026-12-03T14:15:00Z&to=2026-12-03T14:16:00Z`)).json().items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ booked: true, bookingId });
    const invitation = mailPart(smtp.received[before]!, 'text/calendar')!;
    expect(parseIcs(invitation).method).toBe('REQUEST');
    expect(invitation).toContain('DTSTART;TZID=Europe/Berlin:20261203T151500');
    expect(parseIcs(invitation).events[0]!.startDate.toJSDate().toISOString()).toBe('2026-12-03T14:15:00.000Z');
    expect((await owner.get(`/api/v1/crossover/open-hours/${id}/stats`)).json().bookings).toBe(1);

    const mailsBefore = smtp.received.length;
    const cancel = await owner.delete(`/api/v1/crossover/open-hours/${id}/bookings/${bookingId}`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const cancelled = parseIcs(mailPart(smtp.received[mailsBefore]!, 'text/calendar')!);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events[0]!.uid).toBe(`open-hour-${bookingId}@tandem`);
    expect((await member.post(`/api/v1/crossover/open-hours/${id}/bookings`, { slotStart: '2026-12-03T14:15:00Z', topic: 'Now free' })).statusCode).toBe(201);
    expect((await member.get('/api/v1/crossover/open-hours')).json().items.map((h: { id: string }) => h.id)).toContain(id);
  });

  it('queues open-mic topics by votes, refuses a second vote, closes discussed topics and expires old ones', async () => {
    const a = (await member.post('/api/v1/crossover/open-mic/topics', { title: 'Why does the VPN drop?' })).json().id;
    const b = (await owner.post('/api/v1/crossover/open-mic/topics', { title: 'Roadmap for the CRM', personId: people[1] })).json().id;
    expect((await member.post('/api/v1/crossover/open-mic/topics', { title: '' })).statusCode).toBe(400);
    expect((await member.post(`/api/v1/crossover/open-mic/topics/${b}/votes`, {})).statusCode).toBe(201);
    expect((await member.post(`/api/v1/crossover/open-mic/topics/${b}/votes`, {})).statusCode).toBe(409);
    expect((await owner.post(`/api/v1/crossover/open-mic/topics/${b}/votes`, { personId: people[2] })).statusCode).toBe(201);
    expect((await owner.post(`/api/v1/crossover/open-mic/topics/${a}/votes`, { personId: people[2] })).statusCode).toBe(201);
    const agenda = (await member.get('/api/v1/crossover/open-mic/agenda')).json();
    expect(agenda.items.slice(0, 2).map((x: { id: string; votes: number }) => [x.id, x.votes])).toEqual([[b, 2], [a, 1]]);
    expect((await member.post(`/api/v1/crossover/open-mic/topics/${b}/discussed`, { outcome: 'x' })).statusCode).toBe(403);
    const done = await owner.post(`/api/v1/crossover/open-mic/topics/${b}/discussed`, { outcome: 'IT shares the CRM plan on Friday' });
    expect(done.json()).toMatchObject({ outcome: 'IT shares the CRM plan on Friday', votes: 2 });
    expect((await member.get('/api/v1/crossover/open-mic/agenda')).json().items.map((x: { id: string }) => x.id)).not.toContain(b);
    expect((await member.get('/api/v1/crossover/open-mic/topics?status=discussed')).json().items.map((x: { id: string }) => x.id)).toEqual([b]);
    expect((await owner.post(`/api/v1/crossover/open-mic/topics/${b}/votes`, { personId: people[3] })).statusCode).toBe(409);
    // A topic posted 15 days ago has expired (topics roll over for 14 days).
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() - 15 * 86_400_000);
    let old: string;
    try {
      old = (await member.post('/api/v1/crossover/open-mic/topics', { title: 'An old question' })).json().id;
    } finally {
      t.clock.now = saved;
    }
    const open = (await member.get('/api/v1/crossover/open-mic/agenda')).json().items.map((x: { id: string }) => x.id);
    expect(open).toContain(a);
    expect(open).not.toContain(old);
  });

  it('proposes a fair sit-in rota, refuses outsiders, re-plans after a decline, and feeds calendars', async () => {
    const dates = ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11'];
    expect((await owner.post('/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership weekly', dates, poolPersonIds: [people[1], otherOrgPersonId] })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership weekly', dates, poolPersonIds: [people[1]], time: '25:00' })).statusCode).toBe(400);
    expect((await owner.post('/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership weekly', dates, poolPersonIds: [people[1]], timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    const pool = [people[1]!, people[3]!, memberPersonId];
    const sent = smtp.received.length;
    const res = await owner.post('/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership weekly', dates, poolPersonIds: pool, time: '09:30', durationMinutes: 60, timeZone: 'Europe/Berlin', location: 'Board room' });
    expect(res.statusCode, res.body).toBe(201);
    const rota = res.json();
    expect(rota).toMatchObject({ time: '09:30', durationMinutes: 60, timeZone: 'Europe/Berlin', location: 'Board room' });
    expect(rota.rota.map((x: { personId: string }) => x.personId)).toEqual([...pool, ...pool]);
    // One invitation mail per pool member with all their turns: METHOD:REQUEST, TZID and VTIMEZONE.
    const invites = mailsTo('mo@acme.test', sent);
    expect(invites).toHaveLength(1);
    const inviteIcs = mailPart(invites[0]!, 'text/calendar')!;
    const inv = parseIcs(inviteIcs);
    expect(inv.method).toBe('REQUEST');
    const myDates = rota.rota.filter((x: { personId: string }) => x.personId === memberPersonId).map((x: { date: string }) => x.date);
    expect(inv.events.map((e) => e.uid).sort()).toEqual(myDates.map((d: string) => `sit-in-${rota.id}-${d}@tandem`).sort());
    expect(inviteIcs).toContain(`DTSTART;TZID=Europe/Berlin:${myDates[0].replaceAll('-', '')}T093000`);
    expect(inviteIcs).toContain('BEGIN:VTIMEZONE');
    expect(inv.events[0]!.startDate.toJSDate().toISOString()).toBe(`${myDates[0]}T08:30:00.000Z`);
    expect(inv.events[0]!.endDate.toJSDate().toISOString()).toBe(`${myDates[0]}T09:30:00.000Z`);
    expect(inv.events[0]!.location).toBe('Board room');
    expect(inv.events[0]!.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:mo@acme.test']);
    expect(smtp.received.length - sent).toBe(3);

    const mine = rota.rota.find((x: { personId: string }) => x.personId === memberPersonId).date;
    const beforeDecline = smtp.received.length;
    const declined = (await member.post(`/api/v1/crossover/sit-ins/${rota.id}/declines`, { date: mine })).json();
    const i = dates.indexOf(mine);
    expect(declined.rota[i].personId).not.toBe(memberPersonId);
    expect(declined.rota[i + 1].personId).toBe(memberPersonId);
    // The decliner gets a METHOD:CANCEL for the declined date; whoever takes it gets an invitation.
    const cancelMail = mailsTo('mo@acme.test', beforeDecline).map((m) => parseIcs(mailPart(m, 'text/calendar')!)).find((c) => c.method === 'CANCEL')!;
    expect(cancelMail.events.map((e) => e.uid)).toContain(`sit-in-${rota.id}-${mine}@tandem`);
    const takerEmail = declined.rota[i].personId === people[1] ? 'p1@acme.test' : 'p3@acme.test';
    const takerIcs = mailsTo(takerEmail, beforeDecline).map((m) => parseIcs(mailPart(m, 'text/calendar')!)).find((c) => c.method === 'REQUEST')!;
    expect(takerIcs.events.map((e) => e.uid)).toContain(`sit-in-${rota.id}-${mine}@tandem`);
    expect((await member.get(`/api/v1/crossover/sit-ins/${rota.id}`)).json().rota[i].declinedBy).toEqual([memberPersonId]);

    // The calendar feed: created once, only the URL holder reads it, rotation and revocation end the old URL.
    const anon = new Client(t.app);
    const feed = await member.post('/api/v1/me/calendar-feed');
    expect(feed.statusCode, feed.body).toBe(201);
    const path = new URL(feed.json().url).pathname;
    const got = await anon.get(path);
    expect(got.statusCode).toBe(200);
    const cal = parseIcs(got.body);
    const summaries = cal.events.map((e) => e.summary);
    expect(summaries.join(' | ')).toContain('Sit in');
    expect(summaries.some((s) => s.startsWith('Coffee:'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Open hour:'))).toBe(true);
    expect(summaries).toContain('Sit in: Leadership weekly');
    const rotated = new URL((await member.post('/api/v1/me/calendar-feed')).json().url).pathname;
    expect((await anon.get(path)).statusCode).toBe(404);
    expect((await anon.get(rotated)).statusCode).toBe(200);
    expect((await member.delete('/api/v1/me/calendar-feed')).statusCode).toBe(200);
    expect((await anon.get(rotated)).statusCode).toBe(404);
    expect((await member.post(`/api/v1/crossover/sit-ins/${rota.id}/notes`, { date: dates[i + 1], note: 'Budget talk was eye-opening' })).statusCode).toBe(200);
    expect((await member.post(`/api/v1/crossover/sit-ins/${rota.id}/notes`, { date: dates[i], note: 'Not my turn' })).statusCode).toBe(403);
    expect((await member.get(`/api/v1/crossover/sit-ins/${rota.id}`)).json().rota[i + 1].note).toBe('Budget talk was eye-opening');
  });

  it('keeps organisations apart: foreign ids answer 404', async () => {
    const id = (await owner.post('/api/v1/crossover/programmes', { name: 'Mine', cadence: 'weekly', groupSize: 2, noRepeatRounds: 1, preferCrossSide: true, preferCrossDepartment: true })).json().id;
    const other = (await owner.post('/api/v1/orgs', { name: 'Third Org', currency: 'USD' })).json();
    expect(other.id).toBeTruthy();
    expect((await owner.get(`/api/v1/crossover/programmes/${id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/crossover/programmes/${id}/stats`)).statusCode).toBe(404);
    expect((await owner.post(`/api/v1/orgs/${acmeId}/switch`)).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/crossover/programmes/${id}`)).statusCode).toBe(200);
  });
});
