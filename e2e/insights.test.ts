import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMailer, type Mailer } from '../apps/server/src/lib/mailer';
import { startSmtp } from '../apps/server/test/smtp';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const runnable = browserAvailable();
type Smtp = Awaited<ReturnType<typeof startSmtp>>;
const decodeQp = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
const quarterNow = () => `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

describe.skipIf(!runnable)('insights journey: value recorded, the one-screen on phone and laptop, the weekly digest', () => {
  let tandem: RunningTandem;
  let smtp: Smtp;
  let mailer: Mailer;
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
    // The journey ticks the jobs days ahead; the daily housekeeping would end the idle sessions.
    tandem = await startTandem({ mailer, env: { TANDEM_SESSION_IDLE_MINUTES: '100000' } });
    browser = await launchBrowser();
    owner = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 1366, height: 900 } });
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
    const csrf = (await owner.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const post = async (url: string, data: unknown) => {
      const r = await page.request.post(url, { headers: { 'x-csrf-token': csrf }, data });
      expect(r.status(), await r.text()).toBe(201);
      return r.json();
    };
    // A goal served by an initiative with an IT enabler, and its plan for this quarter.
    const goal = await post('/api/v1/goals', { title: 'Grow online revenue' });
    const ini = await post('/api/v1/initiatives', { title: 'New webshop', goalIds: [goal.id] });
    await post('/api/v1/enablers', { title: 'Payment API', initiativeIds: [ini.id] });
    await post('/api/v1/value/benefits', { initiativeId: ini.id, kind: 'revenue', period: quarterNow(), planned: 50000 });
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    mailer?.close();
    await smtp?.close();
    summariseAxe(axe);
  });

  it('1. records a realised benefit and sees the summary change', async () => {
    await page.goto('/value');
    await page.getByRole('heading', { name: 'Value', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('value-realised').textContent()).toMatch(/^0 EUR/);
    const form = page.getByRole('form', { name: 'Record a benefit' });
    await form.getByRole('combobox', { name: 'Initiative' }).selectOption({ label: 'New webshop' });
    await form.getByRole('textbox', { name: 'Realised' }).fill('12500');
    await form.getByRole('textbox', { name: 'Evidence' }).fill('Finance close, first month');
    await form.getByRole('button', { name: 'Record' }).click();
    await form.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await expect.poll(() => page.getByTestId('value-realised').textContent()).toMatch(/^12,500 EUR/);
    await page.getByRole('table', { name: /Planned and realised by quarter/ }).getByRole('cell', { name: '12,500' }).waitFor();
    await scan(page, 'value (1366)');
  });

  it('2. opens the one-screen on a phone and a laptop and follows a tile into its module', async () => {
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto('/insights');
      await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
      const value = page.getByRole('region', { name: /^Value \d{4}$/ });
      await value.getByText('12,500 of 50,000').waitFor();
      await page.getByRole('region', { name: 'Roadmap health' }).getByText(/\d+\/100/).waitFor();
      await page.getByRole('region', { name: 'Not in use yet' }).getByText(/Cross-over is not in use yet/).waitFor();
      await scan(page, `insights (${width})`);
    }
    await page.getByRole('region', { name: /^Value \d{4}$/ }).getByRole('link', { name: 'Open value' }).click();
    await page.waitForURL('**/value');
    await page.getByRole('heading', { name: 'Value', level: 1 }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await scan(page, 'value (390)');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('3. subscribes to the digest, gets it by mail at the chosen hour, and unsubscribes from its link', async () => {
    await page.goto('/insights');
    const digest = page.getByRole('region', { name: 'Weekly digest' });
    await digest.getByRole('textbox', { name: 'Hour (0–23)' }).fill('7');
    await digest.getByRole('textbox', { name: 'Time zone' }).fill('UTC');
    await digest.getByRole('switch', { name: 'Send me the digest' }).click();
    await expect.poll(() => digest.getByTestId('digest-status').textContent()).toMatch(/every Monday at 7:00 \(UTC\)/);

    const before = smtp.received.length;
    // A Monday, 07:05 UTC: the hourly job's slot for this subscriber.
    await tandem.tick(new Date('2026-12-07T07:05:00Z'));
    await expect.poll(() => smtp.received.length).toBe(before + 1);
    const mail = decodeQp(smtp.received[before]!);
    expect(mail).toMatch(/Value \d{4}: 12,500 realised of 50,000 planned/);
    expect(mail).toMatch(/text\/html/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/digest\/unsubscribe\?token=[A-Za-z0-9_-]+)/.exec(mail)![1]!;

    // The link works without signing in.
    const stranger = await browser.newContext({ ...CONTEXT_DEFAULTS });
    const p = await stranger.newPage();
    await p.goto(link);
    await p.getByRole('button', { name: 'Unsubscribe' }).click();
    await p.getByRole('status').filter({ hasText: 'You will not get the weekly digest any more' }).waitFor();
    await stranger.close();

    await page.reload();
    await expect.poll(() => page.getByTestId('digest-status').textContent()).toBe('You do not get the weekly digest.');
    await tandem.tick(new Date('2026-12-14T07:05:00Z'));
    expect(smtp.received.length).toBe(before + 1);
  });

  it('4. draws the roadmap health trend from the daily snapshots, with its figures in words and a table', async () => {
    // The ticks above ran the daily health-snapshot job on 2026-12-07 and 2026-12-14; on the 14th the
    // daily housekeeping also ended this session (past its absolute expiry), so sign in again.
    await page.goto('/roadmap/health');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'detached' });
    await page.goto('/roadmap/health');
    await page.getByRole('heading', { name: 'Roadmap health', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('health-trend-summary').textContent()).toMatch(/^Overall health .* over \d+ daily snapshots\.$/);
    await page.getByTestId('health-trend-chart').locator('svg').first().waitFor();
    await page.getByText('Figures by day').click();
    await page.getByRole('table', { name: 'Roadmap health by day' }).getByRole('cell', { name: '2026-12-14' }).waitFor();
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await scan(page, `roadmap health trend (${width})`);
    }
  });
});
