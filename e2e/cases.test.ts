import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';
import { readPdf } from '../apps/server/test/pdf-text';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const TITLE = 'Warehouse scanners for 3 sites';
const RISK = 'Ransomware on the ERP';
/** The one-pager's money format: whole units with thousands separators after the currency code. */
const money = (x: number) => `EUR ${x < 0 ? '-' : ''}${Math.abs(Math.round(x)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

const runnable = browserAvailable();

describe.skipIf(!runnable)('cases journey: business case from ranges, tornado, one-pager, security case with controls', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let caseUrl = '';
  const axe: AxeFinding[] = [];
  /** Zero findings of any impact on every page (the fixture fails on serious ones; this on the rest too). */
  const scan = async (label: string) => {
    const found = await expectNoSeriousAxeViolations(page, label);
    axe.push(...found);
    expect(found.map((f) => `${f.id} ${f.targets.join(' ')}`)).toEqual([]);
  };
  const tornadoLabels = () => page.getByTestId('tornado-table').locator('tbody tr td:first-child').allInnerTexts();

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL('**/people');
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('1. builds a business case from ranges and shows the NPV distribution and P(NPV > 0)', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Business cases' }).click();
    await page.getByRole('heading', { name: 'Business cases', level: 1 }).waitFor();
    await scan('business cases (empty)');
    await page.getByRole('link', { name: 'New business case' }).click();
    await page.getByRole('heading', { name: 'New business case', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Horizon (years after year 0)' }).fill('3');
    const line = async (n: number, label: string, year: number, low: number, likely: number, high: number) => {
      await page.getByRole('textbox', { name: `Line ${n} label` }).fill(label);
      await page.getByRole('textbox', { name: `Line ${n} year` }).fill(String(year));
      await page.getByRole('textbox', { name: `Line ${n} low` }).fill(String(low));
      await page.getByRole('textbox', { name: `Line ${n} most likely` }).fill(String(likely));
      await page.getByRole('textbox', { name: `Line ${n} high` }).fill(String(high));
    };
    await line(1, 'Scanners and rollout', 0, 90000, 100000, 130000);
    await page.getByRole('button', { name: 'Add cost line' }).click();
    await line(2, 'Support contract', 1, 8000, 10000, 12000);
    for (const [n, year] of [[3, 1], [4, 2], [5, 3]] as const) {
      await page.getByRole('button', { name: 'Add benefit line' }).click();
      await line(n, 'Picking errors avoided', year, 30000, 50000, 70000);
    }
    await scan('new business case (filled)');
    await page.getByRole('button', { name: 'Create and simulate' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    caseUrl = page.url();
    const chart = page.getByRole('img', { name: /Distribution of NPV over 10,000 simulated outcomes/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/NPV is positive in \d+% of outcomes/);
    // The histogram's bars are drawn: one recharts rectangle per non-empty bin.
    expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('tornado-chart').locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('probability-positive').innerText()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.getByTestId('npv-range').innerText()).toMatch(/ to /);
    expect(await tornadoLabels()).toEqual(['Picking errors avoided', 'Scanners and rollout', 'Support contract']);
    await scan('business case');
  });

  it('2. widens one range and sees the tornado reorder, with both versions compared', async () => {
    // The support contract becomes very uncertain: from 5,000 to 150,000 a year.
    await page.getByRole('textbox', { name: 'Line 2 low' }).fill('5000');
    await page.getByRole('textbox', { name: 'Line 2 high' }).fill('150000');
    await page.getByRole('textbox', { name: 'Why this change (kept with the version)' }).fill('Support quote still open');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect.poll(() => page.getByTestId('versions-table').locator('tbody tr').count()).toBe(2);
    await expect.poll(tornadoLabels).toEqual(['Support contract', 'Picking errors avoided', 'Scanners and rollout']);
    expect(await page.getByTestId('versions-table').innerText()).toContain('Support quote still open');
    await scan('business case, version 2');
  });

  it('3. exports the one-pager: a one-page PDF with the title and the NPV range, and its web page', async () => {
    const id = caseUrl.split('/').pop()!;
    const results = await (await page.request.get(`/api/v1/cases/${id}/results`)).json();
    const pdfLink = page.getByRole('link', { name: 'One-pager (PDF)' });
    const res = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = readPdf(Buffer.from(await res.body()));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain(TITLE);
    expect(pdf.text).toContain(`${money(results.npv.p10)} to ${money(results.npv.p90)}`);
    await page.goto((await page.getByRole('link', { name: 'One-pager (web page)' }).getAttribute('href'))!);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.locator('body').innerText()).toContain(`${money(results.npv.p10)} to ${money(results.npv.p90)}`);
    await scan('one-pager (HTML)');
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  });

  it('4. builds a security case, adds a control, and sees the two exceedance curves and the ROSI', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Security register' }).click();
    await page.getByRole('heading', { name: 'Security register', level: 1 }).waitFor();
    await scan('security register (empty)');
    await page.getByRole('link', { name: 'New security case' }).click();
    await page.getByRole('heading', { name: 'New security case', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill(RISK);
    await page.getByRole('textbox', { name: 'Events a year, low' }).fill('0.1');
    await page.getByRole('textbox', { name: 'Events a year, most likely' }).fill('0.3');
    await page.getByRole('textbox', { name: 'Events a year, high' }).fill('0.8');
    await page.getByRole('textbox', { name: 'Loss per event, low (5th percentile)' }).fill('50000');
    await page.getByRole('textbox', { name: 'Loss per event, high (95th percentile)' }).fill('2000000');
    await scan('new security case (filled)');
    await page.getByRole('button', { name: 'Create and simulate' }).click();
    await page.getByRole('heading', { name: RISK, level: 1 }).waitFor();
    expect(await page.getByTestId('rosi').innerText()).toBe('no controls');
    const aleBefore = await page.getByTestId('ale-before').innerText();
    expect(await page.getByTestId('ale-after').innerText()).toBe(aleBefore);

    await page.getByRole('button', { name: 'Add control' }).click();
    await page.getByRole('textbox', { name: 'Control 1 label' }).fill('Immutable backups');
    await page.getByRole('textbox', { name: 'Control 1 cost a year' }).fill('20000');
    await page.getByRole('textbox', { name: 'Control 1 smaller losses (%)' }).fill('60');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect.poll(() => page.getByTestId('rosi').innerText()).toMatch(/^-?\d+(\.\d)?%$/);
    expect(await page.getByTestId('ale-after').innerText()).not.toBe(aleBefore);
    const chart = page.getByTestId('exceedance-chart');
    // Both curves are drawn (recharts paths with points), the after one dashed.
    const curve = (series: string) => chart.locator(`.${series} path.recharts-line-curve`);
    await curve('series-before').waitFor();
    expect(await curve('series-before').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await curve('series-after').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(await curve('series-after').getAttribute('stroke-dasharray')).toBe('6 3');
    expect(await chart.getAttribute('aria-label')).toMatch(/chance a year's loss exceeds .* before and .* after the controls/);
    await scan('security case with a control');

    await page.getByRole('navigation').getByRole('link', { name: 'Security register' }).click();
    await page.getByRole('link', { name: RISK }).waitFor();
    expect(await page.getByTestId('total-exposure').innerText()).toBe(aleBefore);
    await scan('security register');
  });
});
