import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const INVITEE = { name: 'Ivy Invited', email: 'ivy@acme.test', password: 'a long enough password' };

/** 20 people; row 6 (line 7) has an unknown side and row 14 (line 15) a malformed email. */
function directoryCsv(): string {
  const rows = ['name,email,department,side,level,location'];
  for (let i = 1; i <= 20; i++) {
    const side = i === 6 ? 'marketing' : i % 2 ? 'it' : 'business';
    const email = i === 14 ? 'not-an-email' : `person${i}@acme.test`;
    const dept = i % 2 ? 'Engineering' : 'Sales';
    rows.push(`Person ${String(i).padStart(2, '0')},${email},${dept},${side},${i % 5 === 0 ? 'leader' : 'employee'},Lyon`);
  }
  return rows.join('\n') + '\n';
}

const path = (page: Page) => new URL(page.url()).pathname;

const runnable = browserAvailable();

describe.skipIf(!runnable)('org journey: first run, sessions, invitations, people import', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let page: Page;
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    // Clipboard access lets the journey check what the Copy button puts there.
    ownerContext = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, permissions: ['clipboard-read', 'clipboard-write'] });
    ownerContext.setDefaultTimeout(15_000);
    page = await ownerContext.newPage();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('first run: the setup page creates Acme and its owner, who lands signed in', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Tandem' }).waitFor();
    expect(path(page)).toBe('/setup');
    expect(await page.title()).toBe('Set up Tandem · Tandem');
    await scan(page, 'setup');

    await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill('Acme');
    await page.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
    await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();

    await page.waitForURL('**/people');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    expect(await page.title()).toBe('People · Tandem');
    await page.getByRole('button', { name: `Account: ${OWNER.name}` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Current organisation', exact: true }).inputValue()).not.toBe('');
    await scan(page, 'people (empty)');
  });

  it('logs out, refuses a wrong password, and logs in again', async () => {
    await page.getByRole('button', { name: `Account: ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in · Tandem');

    // Signed out means signed out: the app sends a direct visit back to the sign-in page.
    await page.goto('/organisation');
    await page.waitForURL('**/login?**');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await scan(page, 'login');

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Back where the user was heading before being asked to sign in.
    await page.waitForURL('**/organisation');
    await page.getByRole('button', { name: `Account: ${OWNER.name}` }).waitFor();
  });

  let invitationUrl = '';

  it('invites a member and shows the link with a copy button', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { name: 'Organisation: Acme' }).waitFor();
    await page.getByRole('table', { name: 'Members' }).getByText(OWNER.email).waitFor();
    await scan(page, 'organisation');

    await page.getByRole('textbox', { name: 'Email to invite', exact: true }).fill(INVITEE.email);
    await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('member');
    await page.getByRole('button', { name: 'Create invitation' }).click();

    const link = page.getByRole('textbox', { name: 'Invitation link', exact: true });
    await link.waitFor();
    invitationUrl = await link.inputValue();
    expect(invitationUrl).toMatch(new RegExp(`^${tandem.url.replace(/[.]/g, '\\.')}/invite/[^/]+$`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationUrl);
    await page.getByRole('table', { name: 'Invitations' }).getByText(INVITEE.email).waitFor();
    await scan(page, 'organisation (invitation created)');
  });

  it('the invitee accepts in a second browser and is signed in as themself', async () => {
    const invitee = await browser.newContext({ ...CONTEXT_DEFAULTS });
    invitee.setDefaultTimeout(15_000);
    try {
      const p = await invitee.newPage();
      await p.goto(invitationUrl);
      await p.getByRole('heading', { name: 'Join Acme' }).waitFor();
      await p.getByText(INVITEE.email, { exact: true }).first().waitFor();
      expect(await p.title()).toBe('Join Acme · Tandem');
      await scan(p, 'invite-accept');

      await p.getByRole('textbox', { name: 'Your name', exact: true }).fill(INVITEE.name);
      await p.getByRole('textbox', { name: 'Password', exact: true }).fill(INVITEE.password);
      await p.getByRole('button', { name: 'Join Acme' }).click();

      await p.waitForURL('**/people');
      await p.getByRole('button', { name: `Account: ${INVITEE.name}` }).waitFor();
      const nav = p.getByRole('navigation');
      await nav.getByRole('link', { name: 'People' }).waitFor();
      // A member sees no admin-only module or action.
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
      await scan(p, 'people (as member)');

      // The invitation link is single-use.
      const again = await invitee.newPage();
      await again.goto(invitationUrl);
      await again.getByRole('heading', { name: 'Invitation not valid' }).waitFor();
    } finally {
      await invitee.close();
    }

    // The owner now sees the new member, and the invitation as accepted.
    await page.reload();
    await page.getByRole('table', { name: 'Members' }).getByText(INVITEE.email).waitFor();
    await page.getByRole('table', { name: 'Invitations' }).getByText('accepted').waitFor();
  });

  it('imports 20 people: 18 added, the 2 bad rows reported by line', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();

    const dialog = page.getByRole('dialog', { name: 'Import people from CSV' });
    await dialog.getByRole('textbox', { name: 'CSV', exact: true }).fill(directoryCsv());
    await dialog.getByRole('button', { name: 'Import' }).click();

    await dialog.getByText('18 added, 0 updated, 0 unchanged').waitFor();
    const problems = dialog.getByRole('list', { name: 'Rows not imported' }).getByRole('listitem');
    expect(await problems.count()).toBe(2);
    expect(await problems.nth(0).innerText()).toMatch(/^Line 7: Side .* is not one of: it, business/);
    expect(await problems.nth(1).innerText()).toMatch(/^Line 15: Email .*\(email\)$/);
    await scan(page, 'people (import result)');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    const rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(18);
    expect(await page.getByTestId('people-count').innerText()).toBe('18 people');
    await scan(page, 'people (18 rows)');

    // The filters narrow the table: the 10 odd rows are Engineering and IT; 2 of them (5, 15) lead.
    await page.getByRole('searchbox', { name: 'Search' }).fill('engineering');
    await expect.poll(() => rows.count()).toBe(10);
    await page.getByRole('combobox', { name: 'Side', exact: true }).selectOption('it');
    await expect.poll(() => rows.count()).toBe(10);
    await page.getByRole('combobox', { name: 'Level', exact: true }).selectOption('leader');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('combobox', { name: 'Side', exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Level', exact: true }).selectOption('');
    await expect.poll(() => rows.count()).toBe(18);
  });

  it('shows the API field errors in the person form, then deactivates someone', async () => {
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nina New');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    // Errors in plain words, naming the field and quoting the value (decision 141).
    await dialog.getByText(/"not-an-email" is not a valid email/).first().waitFor();
    await dialog.getByText(/department is required/i).first().waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Email', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await scan(page, 'people (person form with errors)');

    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('nina@acme.test');
    await dialog.getByRole('textbox', { name: 'Department', exact: true }).fill('Finance');
    await dialog.getByRole('combobox', { name: 'Side', exact: true }).selectOption('business');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(19);

    await page.getByRole('button', { name: 'Deactivate Nina New' }).click();
    await expect.poll(() => rows.count()).toBe(18);
    await page.getByLabel('Show inactive').check();
    await page.getByRole('button', { name: 'Reactivate Nina New' }).waitFor();
    await expect.poll(() => rows.count()).toBe(19);
    await page.getByLabel('Show inactive').uncheck();
  });

  it('the audit log records what happened', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.waitFor();
    expect(await page.title()).toBe('Audit log · Tandem');
    for (const action of ['setup.completed', 'invitation.accepted', 'people.imported']) {
      await table.getByText(action, { exact: true }).first().waitFor();
    }
    await scan(page, 'audit');
  });

  it('at phone width the burger opens the navigation and the people page stays usable', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto('/people');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();

    const orgLink = page.locator('#main-nav').getByRole('link', { name: 'Organisation' });
    const onScreen = () => orgLink.evaluate((el) => el.getBoundingClientRect().right > 0);
    expect(await onScreen()).toBe(false);

    const burger = page.getByRole('button', { name: 'Toggle navigation' });
    await burger.click();
    await expect.poll(onScreen).toBe(true);
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    await scan(page, 'people (phone, navigation open)');

    await orgLink.click();
    await page.waitForURL('**/organisation');
    await expect.poll(onScreen).toBe(false);

    await page.goto('/people');
    const rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(18);
    // The table scrolls inside its container instead of widening the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: 'Import CSV' }).waitFor();
    await scan(page, 'people (phone)');
  });
});
