import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const DAY = 86_400_000;
/** Dates relative to the real today, since the browser journey runs on the real clock. */
const inDays = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY + n * DAY).toISOString().slice(0, 10);

const GOAL = 'Cut lead time from 9 to 5 days';
const INITIATIVE = 'Same-day dispatch for 200 SKUs';
const ENABLER = 'Wave picking in the warehouse system';
const START = inDays(60);
const LATE_END = inDays(80);
const FIXED_END = inDays(50);

const runnable = browserAvailable();

describe.skipIf(!runnable)('strategy journey: goal, initiative, late enabler, health check, delivery ladder', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const axe: AxeFinding[] = [];
  const scan = async (label: string) => axe.push(...(await expectNoSeriousAxeViolations(page, label)));
  /** A dialog is gone once its fade-out ends too: a half-transparent dialog fails axe's contrast check. */
  const closed = async (dialog: ReturnType<Page['getByRole']>) => {
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.mantine-Modal-content, .mantine-Modal-overlay').count()).toBe(0);
  };
  let enablersScoreBefore = 0;
  let overallBefore = 0;

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    // First run, then a small directory (through the API, as a browser would) to pick owners from.
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL('**/people');
    const csrf = (await context.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const res = await page.request.post('/api/v1/people/import', {
      headers: { 'content-type': 'text/csv', 'x-csrf-token': csrf },
      data: 'name,email,department,side,level,location\nBea Business,bea@acme.test,Operations,business,leader,Lyon\nIvan IT,ivan@acme.test,Applications,it,employee,Lyon\n',
    });
    expect(res.status()).toBe(200);
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('1. creates a goal, an initiative linked to it, and an enabler that ends too late', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Goals and initiatives' }).click();
    await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();
    expect(await page.title()).toBe('Roadmap · Tandem');
    await scan('roadmap (empty)');

    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Business goal' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a business goal' });
    await dialog.getByRole('textbox', { name: 'Goal', exact: true }).fill(GOAL);
    await dialog.getByRole('textbox', { name: 'Metric', exact: true }).fill('order-to-delivery lead time');
    await dialog.getByRole('textbox', { name: 'Unit', exact: true }).fill('days');
    await dialog.getByRole('spinbutton', { name: 'Baseline', exact: true }).fill('9');
    await dialog.getByRole('spinbutton', { name: 'Target', exact: true }).fill('5');
    await dialog.getByLabel('Due date').fill(inDays(300));
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Bea Business (Business, Operations)' });
    await scan('goal form');
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await closed(dialog);
    await page.getByRole('region', { name: `Goal: ${GOAL}` }).waitFor();

    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Initiative' }).click();
    dialog = page.getByRole('dialog', { name: 'Add an initiative' });
    await dialog.getByRole('textbox', { name: 'Initiative', exact: true }).fill(INITIATIVE);
    await dialog.getByRole('checkbox', { name: GOAL }).check();
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Bea Business (Business, Operations)' });
    await dialog.getByRole('combobox', { name: 'IT champion' }).selectOption({ label: 'Ivan IT (IT, Applications)' });
    await dialog.getByLabel('Start date').fill(START);
    await dialog.getByLabel('End date').fill(inDays(180));
    await dialog.getByLabel('IT first involved on').fill(inDays(0));
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('planned');
    await dialog.getByRole('spinbutton', { name: 'Effort (person-days)' }).fill('80');
    await scan('initiative form');
    await dialog.getByRole('button', { name: 'Add initiative' }).click();
    await closed(dialog);

    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Technical enabler' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a technical enabler' });
    await dialog.getByRole('textbox', { name: 'Enabler', exact: true }).fill(ENABLER);
    await dialog.getByRole('checkbox', { name: INITIATIVE }).check();
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ivan IT (IT, Applications)' });
    await dialog.getByLabel('Start date').fill(inDays(10));
    await dialog.getByLabel('End date').fill(LATE_END);
    await dialog.getByRole('combobox', { name: 'Status' }).selectOption('planned');
    await dialog.getByRole('button', { name: 'Add enabler' }).click();
    await closed(dialog);

    const goal = page.getByRole('region', { name: `Goal: ${GOAL}` });
    await goal.getByText(INITIATIVE).waitFor();
    await goal.getByText(`IT: ${ENABLER}`).waitFor();
    await goal.getByText('20 days late').waitFor();
    await scan('roadmap (goal tree)');
  });

  it('2. the health page shows the pace finding with its slip', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Health check' }).click();
    await page.getByRole('heading', { name: 'Roadmap health', level: 1 }).waitFor();
    const finding = page.getByRole('table', { name: 'Findings' }).locator('tr[data-rule="enabler_late"]');
    await finding.waitFor();
    expect(await finding.innerText()).toContain('20 days');
    expect(await finding.innerText()).toContain(ENABLER);
    enablersScoreBefore = Number((await page.getByTestId('score-enablers').innerText()).split(' ')[0]);
    overallBefore = Number((await page.getByTestId('score-overall').innerText()).split(' ')[0]);
    expect(enablersScoreBefore).toBeLessThan(100);
    await scan('health (late enabler)');
  });

  it('3. fixing the date from the finding removes it and the score rises', async () => {
    await page.getByRole('button', { name: `Fix ${ENABLER}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit technical enabler' });
    await dialog.getByLabel('End date').fill(FIXED_END);
    await scan('enabler form (edit)');
    await dialog.getByRole('button', { name: 'Save enabler' }).click();
    await closed(dialog);
    await expect.poll(() => page.locator('tr[data-rule="enabler_late"]').count()).toBe(0);
    await expect.poll(async () => Number((await page.getByTestId('score-enablers').innerText()).split(' ')[0])).toBeGreaterThan(enablersScoreBefore);
    expect(Number((await page.getByTestId('score-overall').innerText()).split(' ')[0])).toBeGreaterThan(overallBefore);
    await scan('health (fixed)');

    // The change is history: who moved the date, from what, to what, by how many days.
    await page.getByRole('navigation').getByRole('link', { name: 'Goals and initiatives' }).click();
    await page.getByRole('button', { name: `Edit enabler ${ENABLER}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit technical enabler' });
    await edit.getByRole('list', { name: 'Changes' }).getByText(`End date: ${LATE_END} → ${FIXED_END} (30 days earlier)`).waitFor();
    await scan('enabler form (history)');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await closed(edit);
  });

  it('4. fills the delivery ladder and sees it on the now / next board', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Now / next board' }).click();
    await page.getByRole('heading', { name: 'Now, next week, next month, next year', level: 1 }).waitFor();
    await scan('ladder board (empty)');
    await page.getByRole('button', { name: 'Fill the ladder' }).click();
    const dialog = page.getByRole('dialog', { name: `Delivery ladder: ${INITIATIVE}` });
    const rungs = [
      ['Now', 'Daily list of the top 200 SKUs', inDays(1)],
      ['Next week', 'Dedicated same-day pick zone', inDays(7)],
      ['Next month', 'Same-day for 100 SKUs', inDays(30)],
      ['Next year', 'Same-day for 200 SKUs', inDays(330)],
    ] as const;
    for (const [rung, deliverable, date] of rungs) {
      await dialog.getByRole('textbox', { name: `${rung}: deliverable` }).fill(deliverable);
      await dialog.getByLabel(`${rung}: date`).fill(date);
    }
    await dialog.getByRole('checkbox', { name: 'Now: delivered' }).check();
    await scan('ladder form');
    await dialog.getByRole('button', { name: 'Save ladder' }).click();
    await closed(dialog);
    for (const [rung, deliverable] of rungs) {
      const column = page.getByTestId(`rung-${rung === 'Now' ? 'now' : rung === 'Next week' ? 'next_week' : rung === 'Next month' ? 'next_month' : 'next_year'}`);
      await column.getByText(deliverable).waitFor();
    }
    await page.getByTestId('rung-now').getByText('Delivered').waitFor();
    await scan('ladder board (filled)');
  });

  it('shows the timeline with both lanes, and the Ansoff, SWOT and champions page', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
    await page.getByTestId('timeline').getByText('Business: initiatives').waitFor();
    await page.getByTestId('timeline').getByText(ENABLER).waitFor();
    await scan('timeline');
    await page.getByRole('navigation').getByRole('link', { name: 'Ansoff, SWOT, champions' }).click();
    await page.getByRole('heading', { name: 'Ansoff, SWOT and champions', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Champions' }).getByText('Ivan IT').waitFor();
    await page.getByRole('textbox', { name: 'Item', exact: true }).fill('Competitors already ship same day');
    await page.getByRole('combobox', { name: 'Quadrant' }).selectOption('threat');
    await page.getByRole('button', { name: 'Add to SWOT' }).click();
    await page.getByRole('region', { name: 'Threats' }).getByText('Competitors already ship same day').waitFor();
    await scan('ansoff, swot, champions');
  });
});
