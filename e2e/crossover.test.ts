import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { createMailer, type Mailer } from '../apps/server/src/lib/mailer';
import { mailPart, mailText } from '../apps/server/test/mail-parts';
import { startSmtp } from '../apps/server/test/smtp';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const BEA = { name: 'Bea Business', email: 'bea@acme.test', password: 'quiet harbour lantern 7' };
const IVAN = { name: 'Ivan Engineer', email: 'ivan@acme.test', password: 'quiet harbour lantern 8' };
const DAY = 86_400_000;
const runnable = browserAvailable();
type Smtp = Awaited<ReturnType<typeof startSmtp>>;

async function mailsTo(smtp: Smtp, to: string, atLeast: number): Promise<string[]> {
  for (let i = 0; i < 400; i++) {
    const found = smtp.received.filter((m) => m.includes(`To: ${to}`));
    if (found.length >= atLeast) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no mail to ${to}`);
}

describe.skipIf(!runnable)('crossover journey: coffee pairs with mail and .ics, an open-hour race, the open mic and the sit-in rota', () => {
  let smtp: Smtp;
  let mailer: Mailer | null;
  let tandem: RunningTandem;
  let browser: Browser;
  let owner: BrowserContext;
  let bea: BrowserContext;
  let ivan: BrowserContext;
  let page: Page;
  let beaPage: Page;
  let ivanPage: Page;
  let csrf: string;
  let programmeId: string;
  let openHourId: string;
  const people: Record<string, string> = {};
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));
  const post = async (req: APIRequestContext, url: string, data: unknown, token = csrf) => {
    const res = await req.post(url, { headers: { 'x-csrf-token': token }, data });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };

  async function member(who: typeof BEA, role: string): Promise<BrowserContext> {
    await post(page.request, '/api/v1/invitations', { email: who.email, role });
    const mail = (await mailsTo(smtp, who.email, 1))[0]!.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail)![1]!;
    const ctx = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    ctx.setDefaultTimeout(15_000);
    const acc = await ctx.request.post(`/api/v1/invitations/${token}/accept`, { data: { name: who.name, password: who.password } });
    expect(acc.status()).toBe(200);
    return ctx;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>');
    tandem = await startTandem({ mailer });
    browser = await launchBrowser();
    owner = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    owner.setDefaultTimeout(15_000);
    page = await owner.newPage();
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL('**/people');
    csrf = (await owner.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    // People first, so that accepting an invitation links the account to its person.
    const rows: [string, string, string, string, string][] = [
      [BEA.name, BEA.email, 'Sales', 'business', 'employee'],
      [IVAN.name, IVAN.email, 'Platform', 'it', 'employee'],
      ['Lena Leader', 'lena@acme.test', 'Finance', 'business', 'leader'],
      ['Dev One', 'dev1@acme.test', 'Data', 'it', 'employee'],
      ['Dev Two', 'dev2@acme.test', 'Platform', 'it', 'employee'],
      ['Fin One', 'fin1@acme.test', 'Finance', 'business', 'employee'],
    ];
    for (const [name, email, department, side, level] of rows) people[name] = (await post(page.request, '/api/v1/people', { name, email, department, side, level })).id;
    bea = await member(BEA, 'member');
    ivan = await member(IVAN, 'member');
    beaPage = await bea.newPage();
    ivanPage = await ivan.newPage();
    programmeId = (await post(page.request, '/api/v1/crossover/programmes', { name: 'Coffee across', cadence: 'weekly', groupSize: 2, noRepeatRounds: 6, preferCrossSide: true, preferCrossDepartment: true })).id;
    const put = await page.request.put(`/api/v1/crossover/programmes/${programmeId}/participants`, { headers: { 'x-csrf-token': csrf }, data: { personIds: [people['Dev One'], people['Dev Two'], people['Fin One']] } });
    expect(put.status()).toBe(200);
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    mailer?.close();
    await smtp?.close();
    summariseAxe(axe);
  });

  it('1. a business person opts in to coffee pairs', async () => {
    await beaPage.goto('/crossover');
    await beaPage.getByRole('heading', { name: 'Cross-over', level: 1 }).waitFor();
    await beaPage.getByRole('button', { name: 'Opt in' }).click();
    await beaPage.getByRole('button', { name: 'Opt out' }).waitFor();
    await beaPage.getByText('4 opted in').waitFor();
    await scan(beaPage, 'crossover coffee (member)');
  });

  it('2. the owner runs a round and sees the groups with their reasons', async () => {
    await page.goto('/crossover');
    await page.getByRole('button', { name: 'Run a round' }).click();
    const groups = page.getByRole('table', { name: 'Groups of round 1' });
    await groups.waitFor();
    expect(await groups.getByRole('row').count()).toBe(3);
    await groups.getByText('Cross-side: IT × Business').first().waitFor();
    await scan(page, 'crossover round (owner)');
  });

  it('3. the mail carries a valid .ics, and "we met" works from its link without signing in', async () => {
    const mail = (await mailsTo(smtp, BEA.email, 2)).find((m) => m.includes('Coffee: you meet'))!;
    const ics = mailPart(mail, 'text/calendar')!;
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.summary).toContain(BEA.name);
    expect(ev.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toContain(`mailto:${BEA.email}`);
    const link = /(http:\/\/\S+\/crossover\/met\/[A-Za-z0-9_-]{43}\?met=yes)/.exec(mailText(mail))![1]!;
    const anon = await browser.newContext({ ...CONTEXT_DEFAULTS });
    try {
      const p = await anon.newPage();
      await p.goto(link);
      await p.getByRole('status').filter({ hasText: 'you met' }).waitFor();
      await scan(p, 'did you meet (public)');
    } finally {
      await anon.close();
    }
    await page.reload();
    await page.getByRole('table', { name: 'Groups of round 1' }).getByText('Met', { exact: true }).waitFor();
  });

  it('4. two people press the same open-hour slot: one books it, the other gets a clear message', async () => {
    const tomorrow = new Date(Date.now() + DAY);
    const weekday = tomorrow.getUTCDay() === 0 ? 7 : tomorrow.getUTCDay();
    openHourId = (await post(page.request, '/api/v1/crossover/open-hours', { leaderId: people['Lena Leader'], weekday, start: '15:00', end: '16:00', slotMinutes: 15, timeZone: 'UTC', location: 'Room 4' })).id;
    for (const p of [beaPage, ivanPage]) {
      await p.goto('/crossover');
      await p.getByRole('tab', { name: 'Open hours' }).click();
      await p.getByRole('table', { name: 'Slots' }).waitFor();
      await p.getByRole('textbox', { name: 'Your topic' }).fill(p === beaPage ? 'Why is the CRM slow?' : 'Platform roadmap');
    }
    const bookFirst = (p: Page) => p.getByRole('table', { name: 'Slots' }).getByRole('button', { name: /^Book / }).first();
    await bookFirst(ivanPage).click();
    await ivanPage.getByRole('table', { name: 'Slots' }).getByText(/Booked: Ivan Engineer/).waitFor();
    // Bea's page still shows the slot free: her press arrives second.
    await bookFirst(beaPage).click();
    await beaPage.getByRole('alert').filter({ hasText: 'That slot was just taken' }).waitFor();
    await scan(beaPage, 'open hours, slot taken (member)');
    const booked = (await (await page.request.get(`/api/v1/crossover/open-hours/${openHourId}/stats`)).json()) as { bookings: number };
    expect(booked.bookings).toBe(1);
    // The owner (a leader) sees who came, by side and department.
    await page.goto('/crossover');
    await page.getByRole('tab', { name: 'Open hours' }).click();
    const who = page.getByRole('region', { name: "Who came to Lena Leader's open hour" });
    await who.getByRole('table', { name: 'By side, 1 bookings' }).getByRole('row', { name: /IT 1 100%/ }).waitFor();
    await scan(page, 'open hours, who came (owner)');
  });

  it('5. a topic is posted and voted for once on the open mic', async () => {
    await beaPage.getByRole('tab', { name: 'Open mic' }).click();
    await beaPage.getByRole('textbox', { name: 'A topic for the open mic' }).fill('How do we prioritise IT requests?');
    await beaPage.getByRole('button', { name: 'Post topic' }).click();
    const agenda = beaPage.getByRole('table', { name: 'Agenda' });
    await agenda.getByText('How do we prioritise IT requests?').waitFor();
    await agenda.getByRole('button', { name: 'Vote for How do we prioritise IT requests?' }).click();
    await agenda.getByLabel('1 votes').waitFor();
    await agenda.getByRole('button', { name: 'Vote for How do we prioritise IT requests?' }).click();
    await beaPage.getByRole('alert').filter({ hasText: 'already voted' }).waitFor();
  });

  it('6. the sit-in rota shows a fair rotation, also on a phone', async () => {
    const d = (n: number) => new Date(Date.now() + n * 7 * DAY).toISOString().slice(0, 10);
    const rota = await post(page.request, '/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership weekly', dates: [d(1), d(2), d(3), d(4)], poolPersonIds: [people[IVAN.name], people['Dev One'], people['Dev Two']] });
    expect(rota.rota.map((t: { personId: string }) => t.personId)).toEqual([people[IVAN.name], people['Dev One'], people['Dev Two'], people[IVAN.name]]);
    const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.addCookies(await ivan.cookies());
      const p = await phone.newPage();
      await p.goto('/crossover');
      await p.getByRole('tab', { name: 'Sit-ins' }).click();
      const table = p.getByRole('table', { name: 'Sit-in rota: Leadership weekly' });
      await table.waitFor();
      expect(await table.getByText(IVAN.name).count()).toBe(2);
      await scan(p, 'sit-ins (member, 390 px)');
      await p.getByRole('tab', { name: 'Coffee pairs' }).click();
      await p.getByRole('button', { name: 'Opt in' }).waitFor();
      await scan(p, 'coffee (member, 390 px)');
    } finally {
      await phone.close();
    }
  });

  it('7. a leader manages the participants by side: adds, removes and pauses someone, who is left out of the round', async () => {
    await page.goto('/crossover');
    const it = page.getByRole('table', { name: 'IT participants of Coffee across' });
    await it.waitFor();
    await page.getByRole('combobox', { name: 'Add IT people' }).click();
    await page.getByRole('option', { name: /Ivan Engineer/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add the chosen IT people' }).click();
    await it.getByRole('cell', { name: IVAN.name, exact: true }).waitFor();
    const business = page.getByRole('table', { name: 'Business participants of Coffee across' });
    await business.getByRole('button', { name: 'Remove Fin One' }).click();
    await business.getByRole('cell', { name: 'Fin One', exact: true }).waitFor({ state: 'detached' });
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    await page.getByRole('combobox', { name: 'Person' }).click();
    await page.getByRole('option', { name: 'Dev Two' }).click();
    await page.getByLabel('Paused from').fill(today);
    await page.getByLabel('Paused until').fill(later);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await it.getByRole('row', { name: new RegExp(`Dev Two .*Paused ${today} to ${later}`) }).waitFor();
    await scan(page, 'coffee participants by side (owner)');
    await page.getByRole('button', { name: 'Run a round' }).click();
    const groups = page.getByRole('table', { name: 'Groups of round 2' });
    await groups.waitFor();
    const text = await groups.innerText();
    expect(text).toContain(IVAN.name);
    expect(text).not.toContain('Dev Two');
    expect(text).not.toContain('Fin One');
  });

  it('8. a member pauses herself, then opts out from the link in her mail without signing in', async () => {
    await beaPage.goto('/crossover');
    const back = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
    await beaPage.getByLabel('Back after').fill(back);
    await beaPage.getByRole('button', { name: 'Pause me' }).click();
    await beaPage.getByTestId('my-pause').filter({ hasText: `Paused until ${back}` }).waitFor();
    await scan(beaPage, 'coffee, my pause (member)');
    const mail = (await mailsTo(smtp, BEA.email, 2)).find((m) => m.includes('Coffee: you meet'))!;
    const link = /(http:\/\/\S+\/crossover\/opt-out\/[A-Za-z0-9_-]{43})/.exec(mailText(mail))![1]!;
    const anon = await browser.newContext({ ...CONTEXT_DEFAULTS });
    try {
      const p = await anon.newPage();
      await p.goto(link);
      await p.getByRole('heading', { name: 'Coffee pairs: opt out or pause' }).waitFor();
      await scan(p, 'opt-out link (public)');
      await p.getByRole('button', { name: 'Opt me out' }).click();
      await p.getByRole('status').filter({ hasText: 'You are opted out of "Coffee across"' }).waitFor();
    } finally {
      await anon.close();
    }
    await beaPage.reload();
    await beaPage.getByRole('button', { name: 'Opt in' }).waitFor();
    expect(await beaPage.getByRole('table', { name: 'Business participants of Coffee across' }).getByRole('cell', { name: BEA.name, exact: true }).count()).toBe(0);
  });

  it('9. the sit-in invitation arrives as an .ics, and after the meeting the engineer notes what he learned', async () => {
    const d = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
    const before = smtp.received.length;
    await post(page.request, '/api/v1/crossover/sit-ins', { meetingTitle: 'Leadership monthly', dates: [d(-2), d(28)], poolPersonIds: [people[IVAN.name]], time: '09:30', timeZone: 'Europe/Berlin', location: 'Board room' });
    let invite: string | undefined;
    for (let i = 0; i < 400 && !invite; i++) {
      invite = smtp.received.slice(before).find((m) => m.includes(`To: ${IVAN.email}`) && m.includes('Sit in: Leadership monthly'));
      if (!invite) await new Promise((r) => setTimeout(r, 25));
    }
    const ics = mailPart(invite!, 'text/calendar')!;
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${d(-2).replaceAll('-', '')}T093000`);
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(2);
    await ivanPage.goto('/crossover');
    await ivanPage.getByRole('tab', { name: 'Sit-ins' }).click();
    const table = ivanPage.getByRole('table', { name: 'Sit-in rota: Leadership monthly' });
    await table.waitFor();
    await ivanPage.getByText('09:30 (Europe/Berlin), 60 minutes, Board room').waitFor();
    await table.getByRole('button', { name: `Write the note of ${d(-2)}` }).click();
    await ivanPage.getByRole('textbox', { name: `What I learned on ${d(-2)}` }).fill('How the budget trade-offs are argued');
    await scan(ivanPage, 'sit-in note (member)');
    await ivanPage.getByRole('button', { name: 'Save note' }).click();
    await table.getByText('How the budget trade-offs are argued').waitFor();
    expect(await table.getByRole('button', { name: `Write the note of ${d(28)}` }).count()).toBe(0);
  });
});
