import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };

/**
 * 12 people: 5 leaders and 7 employees, 6 on each side. Both levels and both sides reach k = 5,
 * the four side × level cells do not, so the screen must show the levels and hide the cells.
 */
const PEOPLE = [
  ...Array.from({ length: 2 }, (_, i) => ['IT Lead', i, 'Apps', 'it', 'leader']),
  ...Array.from({ length: 4 }, (_, i) => ['IT Staff', i, 'Apps', 'it', 'employee']),
  ...Array.from({ length: 3 }, (_, i) => ['Biz Lead', i, 'Sales', 'business', 'leader']),
  ...Array.from({ length: 3 }, (_, i) => ['Biz Staff', i, 'Sales', 'business', 'employee']),
].map(([role, i, dept, side, level]) => ({ name: `${role} ${i}`, email: `${String(role).toLowerCase().replace(' ', '.')}${i}@acme.test`, dept, side, level }));

const runnable = browserAvailable();

describe.skipIf(!runnable)('pulse journey: template pulse, 12 phone respondents on unlinked links, suppressed results, CSV agrees', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let links: { name: string; url: string }[] = [];
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    admin = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    admin.setDefaultTimeout(15_000);
    // The organisation and its directory come through the API: the org journey already covers those screens.
    const setup = await admin.request.post('/api/v1/setup', { data: { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER } });
    expect(setup.status()).toBe(201);
    const csrf = (await admin.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const csv = ['name,email,department,side,level,location', ...PEOPLE.map((p) => `${p.name},${p.email},${p.dept},${p.side},${p.level},Lyon`)].join('\n') + '\n';
    const imp = await admin.request.post('/api/v1/people/import', { data: csv, headers: { 'content-type': 'text/csv', 'x-csrf-token': csrf } });
    expect((await imp.json()).created).toBe(12);
    page = await admin.newPage();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('an admin creates a pulse from the template', async () => {
    await page.goto('/pulses');
    await page.getByRole('heading', { name: 'Alignment Pulse', level: 1 }).waitFor();
    await scan(page, 'pulses');
    await page.getByRole('button', { name: 'New pulse' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Q4 alignment pulse');
    // The step-by-step form: basics, statements, audience, schedule, review (decision 137).
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('pulse-review').waitFor();
    await page.getByRole('button', { name: 'Create pulse' }).click();
    await page.waitForURL(/\/pulses\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Q4 alignment pulse', level: 1 }).waitFor();
    await page.getByText('draft', { exact: false }).first().waitFor();
    await scan(page, 'pulse (draft)');
  });

  it('without mail, issues 12 unlinked links after a confirmation (person links need mail)', async () => {
    await page.getByRole('button', { name: 'Issue links' }).click();
    const dialog = page.getByRole('dialog', { name: 'Issue survey links' });
    await dialog.getByRole('radio', { name: /Unlinked links/ }).check();
    await dialog.getByRole('textbox', { name: 'Number of unlinked links' }).fill('12');
    await dialog.getByText('Issue 12 single-use links to the audience Everyone?').waitFor();
    await scan(page, 'pulse (issue dialog)');
    await dialog.getByRole('button', { name: 'Issue links' }).click();
    await page.getByText('12 unlinked links issued').waitFor();
    const items = page.getByTestId('unlinked-links').getByRole('listitem');
    expect(await items.count()).toBe(12);
    // Link n goes to PEOPLE[n], who states their own side and level.
    links = [];
    for (let i = 0; i < 12; i++) {
      const url = (await items.nth(i).innerText()).trim();
      expect(url).toMatch(/\/respond\/[A-Za-z0-9_-]{22}$/);
      links.push({ name: PEOPLE[i]!.name, url });
    }
    expect(new Set(links.map((l) => l.url)).size).toBe(12);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download links as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pulse-unlinked-links.csv');
    await scan(page, 'pulse (links)');
  });

  it('the 12 respondents answer through their links at phone size', async () => {
    for (const [n, link] of links.entries()) {
      const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const p = await phone.newPage();
      await p.goto(link.url);
      await p.getByRole('heading', { name: 'Q4 alignment pulse', level: 1 }).waitFor();
      // No horizontal scrolling at phone width.
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      if (n === 0) await scan(p, 'respond (phone)');
      const leader = link.name.includes('Lead');
      const who = PEOPLE[n]!;
      await p.getByRole('radiogroup', { name: 'Where do you work?' }).getByRole('radio', { name: who.side === 'it' ? 'IT' : 'The business', exact: true }).check();
      await p.getByRole('radiogroup', { name: 'Your role' }).getByRole('radio', { name: leader ? /leader/ : /employee/ }).check();
      const groups = p.getByRole('radiogroup');
      expect(await groups.count()).toBe(11);
      const count = 9;
      for (let q = 0; q < count; q++) {
        // Leaders agree that IT and Business are aligned; most employees do not.
        const answer = q === 0 ? (leader ? 'Strongly agree' : n % 3 === 0 ? 'Agree' : 'Disagree') : 'Agree';
        await groups.nth(q + 2).getByRole('radio', { name: answer, exact: true }).check();
      }
      if (n === 0) await p.getByRole('textbox', { name: 'Comment (optional)' }).first().fill('Roadmap reviews with IT from day one');
      await p.getByRole('button', { name: 'Send my answers' }).click();
      await p.getByText('Thank you').waitFor();
      // The link is single-use.
      await p.reload();
      await p.getByText('Already answered').waitFor();
      await phone.close();
    }
  }, 400_000);

  it('after closing, the admin sees the headline and small segments suppressed; the CSV agrees with the screen', async () => {
    await page.reload();
    // While open no count is shown (decision 023): a live count would tell who just answered.
    await page.getByText('responses counted at close').waitFor();
    await page.getByRole('button', { name: 'Close pulse' }).click();
    await page.getByRole('dialog', { name: 'Close this pulse?' }).getByRole('button', { name: 'Close pulse' }).click();
    await page.getByTestId('pulse-headline').waitFor();
    await page.getByText('12 responses').waitFor();
    const headline = await page.getByTestId('pulse-headline').innerText();
    // Leaders 5/5; employees: 3 of 7 agree (every third respondent, counting from 0, among employees).
    expect(headline).toContain('100% of leaders say IT and Business are aligned, but only');
    const heatmap = page.getByTestId('pulse-heatmap');
    await heatmap.waitFor();
    const headers = (await heatmap.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    expect(headers.slice(1)).toEqual(['Everyone', 'Business', 'IT', 'Employees', 'Leaders', 'Business · Employees', 'Business · Leaders', 'IT · Employees', 'IT · Leaders']);
    const firstRow = heatmap.getByRole('row').nth(1);
    const cells = (await firstRow.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells[0]).toMatch(/^\d+% \(n 12\)$/);
    expect(cells.slice(5)).toEqual(['—', '—', '—', '—']); // every side × level cell has fewer than 5
    expect(cells[4]).toBe('100% (n 5)');
    // One shared tooltip follows keyboard focus (and the pointer) from cell to cell (decision 162).
    await firstRow.getByRole('cell').nth(4).locator('[data-detail]').focus();
    await page.getByRole('tooltip').getByText('n = 5; 95% interval').waitFor();
    await firstRow.getByRole('cell').nth(0).locator('[data-detail]').focus();
    await page.getByRole('tooltip').getByText('n = 12; 95% interval').waitFor();
    expect(await page.getByRole('tooltip').count()).toBe(1);
    await page.getByTestId('pulse-gaps').waitFor();
    await page.getByText('Roadmap reviews with IT from day one').waitFor();
    // Closed: nothing can be re-issued, so the list of links folds behind a button (decision 162).
    expect(await page.getByTestId('issued-links').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the 12 issued links' }).click();
    expect(await page.getByTestId('issued-links').getByRole('row').count()).toBe(13);
    expect(await page.getByTestId('issued-links').getByRole('button').count()).toBe(0);
    await scan(page, 'pulse (results)');

    // The CSV export: the same segments, the same numbers, the same suppression.
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await (await admin.request.get(href!)).text();
    const lines = csv.trim().split('\r\n');
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, header.length).map((v, i) => [header[i], v.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')])));
    const texts = (await heatmap.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
    const bodyRows = heatmap.getByRole('row');
    for (let r = 0; r < texts.length; r++) {
      const screen = (await bodyRows.nth(r + 1).getByRole('cell').allInnerTexts()).map((t) => t.trim());
      const inCsv = rows.filter((x) => x.section === 'score' && x.question === texts[r]);
      expect(inCsv).toHaveLength(screen.length);
      inCsv.forEach((x, i) => {
        if (screen[i] === '—') expect(x.text).toBe('suppressed');
        else expect(screen[i]).toBe(`${Math.round(Number(x.favourable) * 100)}% (n ${x.n})`);
      });
    }
    expect(rows.find((x) => x.section === 'headline')!.text).toBe(headline.replace(/^The perception gap\s*/, '').trim());
  });

  it('the printable view shows the same results without the app chrome', async () => {
    await page.getByRole('link', { name: 'Printable view' }).click();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await page.getByTestId('pulse-headline').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await scan(page, 'pulse (print)');
  });
});
