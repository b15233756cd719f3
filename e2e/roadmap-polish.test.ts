import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'quiet harbour lantern 7' };

const runnable = browserAvailable();

describe.skipIf(!runnable)('roadmap polish (issue #17): honest health score, delete with confirmation, people CSV round trip', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csrf = '';
  const axe: AxeFinding[] = [];
  const scan = async (label: string) => axe.push(...(await expectNoSeriousAxeViolations(page, label)));
  /** axe at the desktop width and at a phone width, then back. */
  const scanBoth = async (label: string) => {
    await scan(`${label} @1366`);
    await page.setViewportSize({ width: 390, height: 844 });
    await scan(`${label} @390`);
    await page.setViewportSize({ width: 1366, height: 900 });
  };
  const post = async (url: string, data: unknown) => {
    const res = await page.request.post(url, { headers: { 'x-csrf-token': csrf }, data });
    expect(res.status(), await res.text()).toBe(201);
    return res.json() as Promise<{ id: string }>;
  };

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    context = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL('**/people');
    csrf = (await context.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
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

  it('1. an empty roadmap shows no score, says there is nothing to check, and has no axe violations', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Health check' }).click();
    await page.getByTestId('health-empty').waitFor();
    expect(await page.getByTestId('health-empty').innerText()).toContain('Nothing to check yet');
    expect(await page.getByTestId('score-overall').innerText()).toBe('No data');
    expect(await page.getByTestId('score-enablers').innerText()).toContain('No data');
    await scanBoth('health (empty)');
  });

  it('2. with items, the page leads with the count of high findings', async () => {
    await post('/api/v1/goals', { title: 'Grow online revenue' });
    await page.reload();
    await page.getByTestId('high-findings').waitFor();
    expect(await page.getByTestId('high-findings').innerText()).toMatch(/^\d+ high findings? to fix/);
    expect(Number((await page.getByTestId('score-overall').innerText()).split(' ')[0])).toBeLessThan(100);
    await scanBoth('health (one vague goal)');
  });

  it('3. deleting asks first and lists what is linked; cancel keeps the item, confirm removes it', async () => {
    const goal = await post('/api/v1/goals', { title: 'Cut lead time from 9 to 5 days', metric: 'lead time', baseline: 9, target: 5 });
    const initiative = await post('/api/v1/initiatives', { title: 'Same-day dispatch for 200 SKUs', goalIds: [goal.id] });
    await post('/api/v1/enablers', { title: 'Wave picking in the WMS', initiativeIds: [initiative.id] });
    // A fresh load: the roadmap seen in step 2 may still be cached on the client.
    await page.goto('/roadmap');
    await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit enabler Wave picking in the WMS' }).click();
    const form = page.getByRole('dialog', { name: 'Edit technical enabler' });
    await form.getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the enabler "Wave picking in the WMS"?' });
    expect(await confirm.getByRole('list', { name: 'Linked items' }).innerText()).toContain('Enables initiative "Same-day dispatch for 200 SKUs"');
    await scan('delete confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    const still = await page.request.get('/api/v1/enablers');
    expect((await still.json()).items).toHaveLength(1);

    await form.getByRole('button', { name: 'Delete…' }).click();
    await confirm.getByRole('button', { name: 'Delete enabler' }).click();
    await confirm.waitFor({ state: 'detached' });
    await form.waitFor({ state: 'detached' });
    expect((await (await page.request.get('/api/v1/enablers')).json()).items).toHaveLength(0);

    // A goal that an initiative serves cannot go: the dialog says why and offers no delete.
    await page.getByRole('button', { name: 'Edit goal Cut lead time from 9 to 5 days' }).click();
    await page.getByRole('dialog', { name: 'Edit goal' }).getByRole('button', { name: 'Delete…' }).click();
    const goalConfirm = page.getByRole('dialog', { name: 'Delete the goal "Cut lead time from 9 to 5 days"?' });
    await goalConfirm.getByText('It cannot be deleted yet').waitFor();
    expect(await goalConfirm.getByRole('button', { name: 'Delete goal' }).isDisabled()).toBe(true);
    await goalConfirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Edit goal' }).getByRole('button', { name: 'Cancel' }).click();
  });

  it('4. the people CSV the app exports imports again cleanly: preview says unchanged, import changes nothing', async () => {
    const exported = await (await page.request.get('/api/v1/people.csv')).text();
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
    await dialog.getByRole('textbox', { name: 'CSV', exact: true }).fill(exported.replace('Ivan IT,', 'Ivan Ito,'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Preview: 0 new, 1 changed, 1 unchanged').waitFor();
    await scanBoth('people import preview');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('0 added, 1 updated, 1 unchanged').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    const people = (await (await page.request.get('/api/v1/people?limit=500')).json()).items as { name: string }[];
    expect(people.map((p) => p.name).sort()).toEqual(['Bea Business', 'Ivan Ito']);
  });
});
