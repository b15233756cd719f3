import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { createMailer, type Mailer } from '../apps/server/src/lib/mailer';
import { mailPart } from '../apps/server/test/mail-parts';
import { startSmtp } from '../apps/server/test/smtp';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const BEA = { name: 'Bea Business', email: 'bea@acme.test', password: 'quiet harbour lantern 7' };
const IVAN = { name: 'Ivan Engineer', email: 'ivan@acme.test', password: 'quiet harbour lantern 8' };
const IDEA = 'Order status without a phone call';
const OTHER_IDEA = 'One-click test data';
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

describe.skipIf(!runnable)('events journey: a hackweek from pitch to roadmap, a sprint demo checked in from a phone, a round-table insight turned into an action', () => {
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
  let hackweekId: string;
  let checkInPath: string;
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

  const idea = (p: Page, title: string) => p.getByRole('article', { name: title });

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
      ['Fin One', 'fin1@acme.test', 'Finance', 'business', 'employee'],
    ];
    for (const [name, email, department, side, level] of rows) people[name] = (await post(page.request, '/api/v1/people', { name, email, department, side, level })).id;
    bea = await member(BEA, 'member');
    ivan = await member(IVAN, 'member');
    beaPage = await bea.newPage();
    ivanPage = await ivan.newPage();
    const start = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 11 * DAY).toISOString().slice(0, 10);
    hackweekId = (await post(page.request, '/api/v1/hackweeks', { title: 'Spring hackweek', theme: 'Fewer hand-offs', startDate: start, endDate: end, maxTeamSize: 3 })).id;
    await post(page.request, `/api/v1/hackweeks/${hackweekId}/ideas`, { title: OTHER_IDEA, pitch: 'Every tester builds their own', personId: people['Dev One'] });
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    mailer?.close();
    await smtp?.close();
    summariseAxe(axe);
  });

  it('1. a business person pitches an idea', async () => {
    await beaPage.goto('/hackweeks');
    await beaPage.getByRole('heading', { name: 'Hackweeks', level: 1 }).waitFor();
    await scan(beaPage, 'hackweeks (member)');
    await beaPage.getByRole('link', { name: 'Spring hackweek' }).click();
    await beaPage.getByRole('heading', { name: 'Spring hackweek', level: 1 }).waitFor();
    await beaPage.getByText(`You act as ${BEA.name}`).waitFor();
    const form = beaPage.getByRole('region', { name: 'Pitch an idea' });
    await form.getByRole('textbox', { name: 'Idea' }).fill(IDEA);
    await form.getByRole('textbox', { name: 'Pitch' }).fill('Customer Service answers the same question all day');
    await form.getByRole('button', { name: 'Pitch idea' }).click();
    await idea(beaPage, IDEA).getByText(`Pitched by ${BEA.name} (Business)`).waitFor();
    await scan(beaPage, 'hackweek, ideas phase (member)');
  });

  it('2. an engineer joins the team; a second team is refused with the server’s reason', async () => {
    await ivanPage.goto(`/hackweeks/${hackweekId}`);
    await ivanPage.getByRole('button', { name: `Join ${IDEA}` }).click();
    const card = idea(ivanPage, IDEA);
    await card.getByText(`IT: ${IVAN.name}`).waitFor();
    await card.getByText('Cross-side team').waitFor();
    await ivanPage.getByRole('button', { name: `Join ${OTHER_IDEA}` }).click();
    await idea(ivanPage, OTHER_IDEA).getByRole('alert').filter({ hasText: `${IVAN.name} is already in another team of this hackweek` }).waitFor();
    await scan(ivanPage, 'hackweek, second team refused (member)');
  });

  it('3. the leader moves the phases forward to voting; a vote counts once per category', async () => {
    await page.goto(`/hackweeks/${hackweekId}`);
    const slotDay = new Date(Date.now() + 11 * DAY).toISOString().slice(0, 10);
    await idea(page, IDEA).getByLabel(`Demo slot of “${IDEA}” (UTC)`).fill(`${slotDay}T14:00`);
    await idea(page, IDEA).getByRole('button', { name: 'Save slot' }).click();
    await page.getByTestId('demo-schedule').getByText(`${slotDay} 14:00 UTC: ${IDEA} (1 in the team)`).waitFor();
    for (const next of ['teams', 'hacking', 'demos', 'voting']) {
      await page.getByRole('button', { name: `Move to ${next}` }).click();
      await page.getByTestId('phase').getByText(next[0]!.toUpperCase() + next.slice(1), { exact: true }).waitFor();
    }
    await page.getByRole('region', { name: 'Results' }).getByText(/Results stay hidden until voting closes/).waitFor();
    await page.getByRole('combobox', { name: 'Act as' }).click();
    await page.getByRole('option', { name: /^Fin One/ }).click();
    await page.getByRole('button', { name: `Impact vote for ${IDEA}` }).click();
    await idea(page, IDEA).getByRole('status').filter({ hasText: 'is counted' }).waitFor();
    await page.getByRole('button', { name: `Impact vote for ${IDEA}` }).click();
    await idea(page, IDEA).getByRole('alert').filter({ hasText: 'already voted in the impact category; one vote per person per category' }).waitFor();
    await page.getByRole('button', { name: `Creativity vote for ${IDEA}` }).click();
    await idea(page, IDEA).getByRole('status').filter({ hasText: 'creativity vote' }).waitFor();
    await scan(page, 'hackweek, voting (leader)');
  });

  it('4. closing voting shows the results; the winner becomes an initiative on the roadmap', async () => {
    await page.getByRole('button', { name: 'Close voting and move to outcomes' }).click();
    const impact = page.getByRole('table', { name: 'Results: Impact' });
    await impact.getByRole('row', { name: new RegExp(`^1 ${IDEA} 1$`) }).waitFor();
    await page.getByRole('button', { name: `Turn ${IDEA} into an initiative` }).click();
    await idea(page, IDEA).getByText('Became an initiative').waitFor();
    await page.getByTestId('hackweek-report').getByText('Became an initiative 1').waitFor();
    await page.getByTestId('hackweek-report').getByText(/1 of 1 initiatives and requests it became are still alive/).waitFor();
    await scan(page, 'hackweek, outcomes (leader)');
    await page.goto('/roadmap');
    await page.getByText(IDEA).first().waitFor();
    await scan(page, 'roadmap with the hackweek initiative');
  });

  it('5. the business is invited to a demo with an .ics by mail', async () => {
    await page.goto('/demos');
    const form = page.getByRole('region', { name: 'Plan a sprint demo' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Sprint demo: order status');
    await form.getByLabel('Starts (UTC)').fill(new Date(Date.now() - 5 * 60_000).toISOString().slice(0, 16));
    await form.getByLabel('Items shown', { exact: true }).click();
    await page.getByRole('option', { name: IDEA }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: /Invite the whole business side/ }).click();
    await form.getByLabel('Invitees', { exact: true }).fill('Ivan');
    await page.getByRole('option', { name: /^Ivan Engineer/ }).click();
    await page.keyboard.press('Escape');
    await scan(page, 'sprint demos, planning (leader)');
    await form.getByRole('button', { name: 'Plan demo and send invitations' }).click();
    await page.getByRole('heading', { name: 'Sprint demo: order status', level: 1 }).waitFor();
    await page.getByRole('img', { name: /QR code of the check-in link/ }).waitFor();
    checkInPath = (await page.getByTestId('check-in-link').getAttribute('href'))!;
    expect(checkInPath).toMatch(/^\/demos\/[0-9a-f-]{36}\/check-in\/\S+$/);
    await scan(page, 'sprint demo with the check-in code (leader)');
    const mail = (await mailsTo(smtp, BEA.email, 2)).find((m) => m.includes('Sprint demo: order status'))!;
    const cal = new ICAL.Component(ICAL.parse(mailPart(mail, 'text/calendar')!));
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
  });

  it('6. the business person checks in from a phone-width page and answers the feedback question', async () => {
    const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await phone.addCookies(await bea.cookies());
      const p = await phone.newPage();
      await p.goto(checkInPath);
      await p.getByRole('heading', { name: 'Sprint demo: order status' }).waitFor();
      await scan(p, 'demo check-in (member, 375 px)');
      const width = await p.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await p.getByRole('button', { name: `Check in as ${BEA.name}` }).click();
      await p.getByRole('status').filter({ hasText: 'You are checked in' }).waitFor();
      await p.getByRole('button', { name: 'Yes' }).click();
      await p.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
      await scan(p, 'demo checked in, feedback given (member, 375 px)');
    } finally {
      await phone.close();
    }
  });

  it('7. the leader checks the engineer in and sees the business share', async () => {
    await page.reload();
    await page.getByRole('button', { name: `Check in ${IVAN.name}` }).click();
    await page.getByTestId('demo-attendance').getByText('2 checked in of').waitFor();
    await page.getByTestId('demo-attendance').getByText('business share 50%').waitFor();
    await page.goto('/demos');
    await page.getByRole('table', { name: 'Attendance per demo' }).getByRole('row', { name: /Sprint demo: order status .* 2 50% no requests shown/ }).waitFor();
    await scan(page, 'sprint demos, business share (leader)');
  });

  it('8. a round-table insight becomes an action with an owner, a due date and a link, tracked to done', async () => {
    const rt = await post(page.request, '/api/v1/roundtables', {
      title: "Leaders' lunch",
      date: new Date().toISOString().slice(0, 10),
      inviteePersonIds: [people['Lena Leader'], people[BEA.name]],
      questions: ['Is this roadmap vague? Does it even include IT?'],
      notes: '81% of leaders say IT and business are aligned.',
    });
    await page.goto('/roundtables');
    await page.getByRole('link', { name: "Leaders' lunch" }).click();
    await page.getByRole('heading', { name: "Leaders' lunch", level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit questions and notes' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill('81% of leaders say IT and business are aligned; 54% of their staff agree.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByTestId('roundtable-notes').getByText(/54% of their staff agree/).waitFor();
    const insights = page.getByRole('region', { name: 'Insights and actions' });
    const text = 'Get involved early: give the business a plan for now, next week, next month';
    await insights.getByRole('textbox', { name: 'A new insight' }).fill(text);
    await insights.getByRole('button', { name: 'Record insight' }).click();
    await insights.getByRole('button', { name: `Turn into an action: ${text}` }).click();
    const row = page.getByRole('article', { name: text });
    await row.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Lena Leader' }).click();
    await row.getByLabel('Due').fill(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10));
    await row.getByRole('combobox', { name: 'Link to (optional)' }).click();
    await page.getByRole('option', { name: 'Initiative' }).click();
    await row.getByRole('combobox', { name: 'Item' }).click();
    await page.getByRole('option', { name: IDEA }).click();
    await scan(page, 'round-table, action form (leader)');
    await row.getByRole('button', { name: 'Create action' }).click();
    await row.getByText(/Action: Lena Leader, due/).waitFor();
    await row.getByRole('link', { name: `Initiative: ${IDEA}` }).waitFor();
    await row.getByRole('button', { name: `Mark done: ${text}` }).click();
    await row.getByText('Done', { exact: true }).waitFor();
    await page.getByTestId('roundtable-outcome').getByText('1 insights, 1 turned into actions, 1 of them done.').waitFor();
    await scan(page, 'round-table, action done (leader)');
    expect(rt.id).toBeTruthy();
  });

  it('9. participation by side and department, with the correlation and its plain-words verdict', async () => {
    await page.goto('/participation');
    await page.getByRole('heading', { name: 'Participation and the gap', level: 1 }).waitFor();
    await page.getByTestId('by-side').getByRole('row', { name: /Business 2 of 3 67%/ }).waitFor();
    await page.getByTestId('verdict').getByText(/No closed pulse yet/).waitFor();
    await scan(page, 'participation (leader)');
  });
});
