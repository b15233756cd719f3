import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const BIZ = { name: 'Bea Business', email: 'bea@acme.test', password: 'quiet harbour lantern 7' };
const DAY = 86_400_000;
/** Dates relative to the real today, since the browser journey runs on the real clock. */
const inDays = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY + n * DAY).toISOString().slice(0, 10);
const REQUEST = 'Weekly export of open orders to Excel';

const runnable = browserAvailable();

describe.skipIf(!runnable)('requests journey: intake, triage, ladder, ageing, forecast, import, deferred needs', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let owner: BrowserContext;
  let biz: BrowserContext;
  let page: Page;
  let bizPage: Page;
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));

  beforeAll(async () => {
    tandem = await startTandem();
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
    const csrf = (await owner.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    // Ninety days of history (through the API, as an import would): one or two requests done a day.
    const rows = ['title,created,done'];
    for (let d = 90; d >= 1; d--) for (let k = 0; k < 1 + (d % 3 === 0 ? 1 : 0); k++) rows.push(`History ${d}-${k},${inDays(-d - 5 - (d % 7))},${inDays(-d)}`);
    const imp = await page.request.post('/api/v1/requests/import', { headers: { 'content-type': 'text/csv', 'x-csrf-token': csrf }, data: rows.join('\n') + '\n' });
    expect(imp.status()).toBe(201);
    // A business person, invited as a member.
    const inv = await page.request.post('/api/v1/invitations', { headers: { 'x-csrf-token': csrf }, data: { email: BIZ.email, role: 'member' } });
    expect(inv.status()).toBe(201);
    biz = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    biz.setDefaultTimeout(15_000);
    const acc = await biz.request.post(`/api/v1/invitations/${(await inv.json()).token}/accept`, { data: { name: BIZ.name, password: BIZ.password } });
    expect(acc.status()).toBe(200);
    bizPage = await biz.newPage();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('1. a business person submits a request', async () => {
    await bizPage.goto('/requests');
    await bizPage.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    await scan(bizPage, 'requests (member)');
    await bizPage.getByRole('textbox', { name: 'What do you need?' }).fill(REQUEST);
    await bizPage.getByRole('textbox', { name: 'Value to the business' }).fill('Saves 3 hours a week in Sales');
    await bizPage.getByRole('button', { name: 'Submit request' }).click();
    await bizPage.getByRole('status').filter({ hasText: 'Request filed' }).waitFor();
    await bizPage.getByRole('table', { name: 'Requests' }).getByRole('link', { name: REQUEST }).waitFor();
    // A member sees the status but cannot triage.
    expect(await bizPage.getByRole('combobox', { name: `Status of ${REQUEST}` }).count()).toBe(0);
  });

  it('2. IT triages it and fills its delivery ladder', async () => {
    await page.goto('/requests');
    const status = page.getByRole('combobox', { name: `Status of ${REQUEST}` });
    await status.selectOption('triaged');
    await expect.poll(() => status.inputValue()).toBe('triaged');
    await page.getByRole('table', { name: 'Requests' }).getByRole('link', { name: REQUEST }).click();
    await page.getByRole('heading', { name: REQUEST, level: 1 }).waitFor();
    await page.getByText(`IT involved: ${inDays(0)}`).waitFor();
    await page.getByRole('textbox', { name: 'Now: deliverable' }).fill('IT runs the export by hand every Monday');
    await page.getByLabel('Now: date').fill(inDays(0));
    await page.getByRole('textbox', { name: 'Next week: deliverable' }).fill('CSV export button');
    await page.getByLabel('Next week: date').fill(inDays(7));
    await page.getByRole('textbox', { name: 'Next month: deliverable' }).fill('Scheduled email with the export');
    await page.getByLabel('Next month: date').fill(inDays(30));
    await page.getByRole('button', { name: 'Save ladder' }).click();
    await page.getByRole('status').filter({ hasText: 'Ladder saved.' }).waitFor();
    await page.getByText('New → Triaged').waitFor();
    await scan(page, 'request with ladder');
  });

  it('3. the request shows on the ageing chart', async () => {
    await page.goto('/requests/flow');
    await page.getByRole('heading', { name: 'Flow', level: 1 }).waitFor();
    await page.getByRole('img', { name: /Ageing: \d+ open requests/ }).waitFor();
    const ageing = page.getByRole('region', { name: 'Ageing of open work' });
    await ageing.getByText('Data as a table').click();
    await ageing.getByRole('table', { name: 'Open requests by age' }).getByRole('cell', { name: REQUEST }).waitFor();
    await scan(page, 'flow');
  });

  it('3b. every flow chart is a recharts picture with its percentile lines, readable at 390 px', async () => {
    const charts = { 'lead-time-scatter': /Lead time scatter: \d+ requests; 50th \d+/, 'ageing-chart': /Ageing: \d+ open requests/, 'throughput-chart': /Throughput: \d+ requests done over \d+ weeks/, 'cumulative-flow-chart': /Cumulative flow: .* \d+ arrived, \d+ started, \d+ done/ };
    for (const [testId, name] of Object.entries(charts)) {
      const chart = page.getByTestId(testId);
      await chart.locator('svg.recharts-surface').first().waitFor();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toMatch(name);
    }
    // The 50th, 85th and 95th percentile lines on the scatter and on the ageing chart.
    expect(await page.getByTestId('lead-time-scatter').locator('.recharts-reference-line').count()).toBe(3);
    expect(await page.getByTestId('ageing-chart').locator('.recharts-reference-line').count()).toBe(3);
    // One dot per done request in the table, and the bands of the cumulative flow stacked.
    const scatterRegion = page.getByRole('region', { name: 'Lead time scatter' });
    await scatterRegion.getByText('Data as a table').click();
    const rows = await scatterRegion.getByRole('table', { name: 'Lead times' }).locator('tbody tr').count();
    expect(rows).toBeGreaterThan(80);
    const dots = page.getByTestId('lead-time-scatter').locator('path.requests-scatter-dots');
    const drawn = await dots.evaluateAll((ps) => ps.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0));
    expect(drawn).toBe(rows);
    expect(await page.getByTestId('cumulative-flow-chart').locator('.recharts-area').count()).toBe(3);
    // The dots can be coloured by side instead of type; the picture's name says the split.
    await scatterRegion.getByRole('radiogroup', { name: 'Colour dots by' }).getByText('Side').click();
    await expect.poll(() => page.getByTestId('lead-time-scatter').getAttribute('aria-label')).toMatch(/by side: Business \d+/);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByTestId('throughput-chart').locator('svg.recharts-surface').waitFor();
      // The charts shrink with the page (recharts re-measures on resize): nothing pushes the page wider than the screen.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await scan(page, `flow charts (${width} px)`);
    }
  });

  it('4. asks when these 20 will be done and gets three dates', async () => {
    await page.goto('/requests/forecast');
    await page.getByRole('heading', { name: 'Forecasts', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Requests remaining' }).fill('20');
    await page.getByRole('region', { name: 'When will they be done?' }).getByRole('button', { name: 'Forecast' }).click();
    const result = page.getByRole('table', { name: 'When forecast' });
    await result.waitFor();
    const dates = await result.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(dates).toHaveLength(3);
    for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...dates].sort()).toEqual(dates);
    await page.getByRole('table', { name: 'Calibration log' }).getByText('When will 20 be done?').waitFor();
    await scan(page, 'forecast');
  });

  it('5. imports a CSV of history with one bad row and reads the error', async () => {
    await page.goto('/requests');
    const csv = ['title,created,done', `Old request A,${inDays(-40)},${inDays(-30)}`, `Done before created,${inDays(-10)},${inDays(-20)}`, `Old request B,${inDays(-35)},${inDays(-33)}`].join('\n');
    await page.getByRole('textbox', { name: 'Or paste the CSV' }).fill(csv);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/nothing was imported/);
    expect(await errors.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Line 3: doneAt \(.+\) is before createdAt/)]);
    await scan(page, 'requests import error');
  });

  it('6. defers an IT need and watches the ledger total', async () => {
    await page.goto('/requests/deferred-needs');
    await page.getByRole('heading', { name: 'Deferred IT needs', level: 1 }).waitFor();
    const total = page.getByTestId('ledger-total');
    await expect.poll(() => total.textContent()).toMatch(/Total exposure today: 0 across 0 deferred needs/);
    await page.getByRole('textbox', { name: 'Need', exact: true }).fill('Replace the old generator');
    await page.getByRole('textbox', { name: 'Why deferred' }).fill('Budget went to the web shop');
    await page.getByRole('textbox', { name: 'Cost to do it now' }).fill('40000');
    await page.getByRole('textbox', { name: 'Annual probability of failure (%)' }).fill('20');
    await page.getByRole('textbox', { name: 'Impact if it fails' }).fill('250000');
    await page.getByLabel('Deferred since').fill(inDays(-730));
    await page.getByRole('button', { name: 'Defer need' }).click();
    await expect.poll(() => total.textContent()).toMatch(/Total exposure today: [\d,]+ across 1 deferred needs/);
    const exposure = Number((await total.textContent())!.match(/today: ([\d,]+)/)![1]!.replace(/,/g, ''));
    const years = 730 / 365.25;
    expect(Math.abs(exposure - (1 - Math.pow(0.8, years)) * 250_000)).toBeLessThanOrEqual(1);
    await page.getByRole('table', { name: 'Deferred IT needs' }).getByText('exposure above cost').waitFor();
    await scan(page, 'deferred needs');
    await page.getByRole('button', { name: 'Stop deferring Replace the old generator' }).click();
    await expect.poll(() => total.textContent()).toMatch(/Total exposure today: 0 across 0 deferred needs/);
  });

  it('7. an admin adds a review step to the flow and closes a shortcut; the server refuses the closed move', async () => {
    await page.goto('/requests/statuses');
    await page.getByRole('heading', { name: 'Request flow', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'New status' }).fill('In review');
    await page.getByRole('combobox', { name: 'Its category' }).selectOption('in_progress');
    await page.getByRole('button', { name: 'Add status' }).click();
    await page.getByRole('checkbox', { name: 'Allow In progress → In review' }).check();
    await page.getByRole('checkbox', { name: 'Allow In review → Done' }).check();
    await page.getByRole('checkbox', { name: 'Allow New → Done' }).uncheck();
    await page.getByRole('button', { name: 'Save flow' }).click();
    await page.getByRole('status').filter({ hasText: 'Flow saved.' }).waitFor();
    await scan(page, 'request flow');
    await page.reload();
    await page.getByRole('textbox', { name: 'Label of in_review' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Allow New → Done' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Allow In review → Done' }).isChecked()).toBe(true);

    const csrf = (await owner.cookies()).find((c) => c.name === 'tandem_csrf')?.value ?? '';
    const created = await page.request.post('/api/v1/requests', { headers: { 'x-csrf-token': csrf }, data: { title: 'Shortcut attempt' } });
    const id = (await created.json()).id as string;
    const refused = await page.request.patch(`/api/v1/requests/${id}`, { headers: { 'x-csrf-token': csrf }, data: { status: 'done' } });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toMatch(/does not allow a move from "New" to "Done"/);
    await page.goto('/requests');
    const select = page.getByRole('combobox', { name: 'Status of Shortcut attempt' });
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).not.toContain('Done');
  });
});
