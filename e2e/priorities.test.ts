import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const ITEMS = [
  { title: 'Initiative A', effort: 5, category: 'grow' },
  { title: 'Initiative B', effort: 3, category: 'run' },
  { title: 'Initiative C', effort: 8, category: 'transform' },
  { title: 'Initiative D', effort: 4, category: 'run' },
] as const;
// Business loves A and not D; IT the reverse (WSJF, one scorer per side, IT sizes everything 5).
const BUSINESS: Record<string, string> = { 'Initiative A': '20', 'Initiative B': '8', 'Initiative C': '3', 'Initiative D': '1' };
const IT: Record<string, string> = { 'Initiative A': '1', 'Initiative B': '8', 'Initiative C': '3', 'Initiative D': '20' };
const SHARED = ['Business value', 'Time criticality', 'Risk reduction / opportunity enablement'];

const runnable = browserAvailable();

describe.skipIf(!runnable)('priorities journey: open a round, two blind scorers, close, rankings and tau, decide the top disagreement, the cut line moves', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let admin: BrowserContext;
  let bizCtx: BrowserContext;
  let itCtx: BrowserContext;
  let page: Page;
  let roundId: string;
  let inBefore: string[] = [];
  const axe: AxeFinding[] = [];
  /** Zero violations of any impact on every page of this journey. */
  const scan = async (p: Page, label: string) => {
    const found = await expectNoSeriousAxeViolations(p, label);
    axe.push(...found);
    expect(found.map((f) => `${f.id} on ${label}`)).toEqual([]);
  };

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    admin = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    admin.setDefaultTimeout(15_000);
    expect((await admin.request.post('/api/v1/setup', { data: { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER } })).status()).toBe(201);
    const csrf = (await admin.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const post = async (url: string, data: unknown, method: 'post' | 'put' = 'post') => {
      const res = await admin.request[method](url, { data: data as object, headers: { 'x-csrf-token': csrf } });
      expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBe(true);
      return res.json();
    };
    // The directory, the two scorers' accounts (linked to their people by e-mail) and the items come through the API.
    await post('/api/v1/people', { name: 'Bea Business', email: 'bea@acme.test', department: 'Sales', side: 'business', level: 'leader' });
    await post('/api/v1/people', { name: 'Ian IT', email: 'ian@acme.test', department: 'IT', side: 'it', level: 'leader' });
    const contexts: BrowserContext[] = [];
    for (const [email, name] of [
      ['bea@acme.test', 'Bea Business'],
      ['ian@acme.test', 'Ian IT'],
    ]) {
      const inv = await post('/api/v1/invitations', { email, role: 'member' });
      const ctx = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
      ctx.setDefaultTimeout(15_000);
      expect((await ctx.request.post(`/api/v1/invitations/${inv.token}/accept`, { data: { name, password: 'a long enough password' } })).status()).toBe(200);
      contexts.push(ctx);
    }
    [bizCtx, itCtx] = contexts as [BrowserContext, BrowserContext];
    const items = [];
    for (const i of ITEMS) items.push({ type: 'initiative', id: (await post('/api/v1/initiatives', { title: i.title, effort: i.effort })).id, category: i.category });
    roundId = (await post('/api/v1/priorities/rounds', { name: 'Q1 priorities', model: 'wsjf', items })).id;
    await post('/api/v1/priorities/portfolio', { capacity: 10, targetMix: { run: 60, grow: 25, transform: 15 } }, 'put');
    page = await admin.newPage();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('a leader opens the round', async () => {
    await page.goto('/priorities');
    await page.getByRole('heading', { name: 'Priorities', level: 1 }).waitFor();
    await scan(page, 'priorities');
    await page.getByRole('link', { name: 'Q1 priorities' }).click();
    await page.getByRole('heading', { name: 'Q1 priorities', level: 1 }).waitFor();
    await scan(page, 'draft round');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Close the round' }).waitFor();
    await scan(page, 'open round (owner)');
  });

  const scoreAll = async (p: Page, values: Record<string, string>, criteria: string[]) => {
    for (const item of ITEMS) {
      for (const c of criteria) {
        await p.getByRole('combobox', { name: `${c} for ${item.title}` }).selectOption(c === 'Job size' ? '5' : values[item.title]!);
      }
    }
    await p.getByText(`${ITEMS.length} of ${ITEMS.length} items fully scored`).waitFor();
  };

  it('a Business scorer sees only the Business criteria and nobody\'s scores, and scores', async () => {
    const p = await bizCtx.newPage();
    await p.goto(`/priorities/${roundId}`);
    await p.getByText('You score as').waitFor();
    await expect(p.getByRole('columnheader', { name: /Business value/ }).count()).resolves.toBe(1);
    await expect(p.getByRole('columnheader', { name: /Job size/ }).count()).resolves.toBe(0);
    await p.getByText(`0 of ${ITEMS.length} items fully scored`).waitFor();
    await scan(p, 'scoring (business)');
    await scoreAll(p, BUSINESS, SHARED);
    // Every choice is stored, batched per item or not: the sheet read back holds exactly them.
    const sheet = (await (await bizCtx.request.get(`/api/v1/priorities/rounds/${roundId}/sheet`)).json()) as { values: Record<string, Record<string, number>> };
    expect(Object.values(sheet.values).map((v) => Object.values(v).join(',')).sort()).toEqual(Object.values(BUSINESS).map((v) => [v, v, v].join(',')).sort());
    // Results stay closed while the round is open.
    expect((await bizCtx.request.get(`/api/v1/priorities/rounds/${roundId}/results`)).status()).toBe(409);
  });

  it('an IT scorer in another session sees the IT criteria, none of the Business scores, and scores', async () => {
    const p = await itCtx.newPage();
    await p.goto(`/priorities/${roundId}`);
    await p.getByText('You score as').waitFor();
    await expect(p.getByRole('columnheader', { name: /Job size/ }).count()).resolves.toBe(1);
    // Bea's scores are invisible: every cell starts empty.
    await p.getByText(`0 of ${ITEMS.length} items fully scored`).waitFor();
    await expect(p.getByRole('combobox', { name: 'Business value for Initiative A' }).inputValue()).resolves.toBe('');
    await scan(p, 'scoring (it)');
    await scoreAll(p, IT, [...SHARED, 'Job size']);
    expect((await itCtx.request.get(`/api/v1/priorities/rounds/${roundId}/scores?side=business`)).status()).toBe(403);
  });

  it('the leader closes the round and sees both rankings side by side with tau in plain words', async () => {
    await page.reload();
    await page.getByText(/Scored so far: .*Bea Business/).waitFor();
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.getByRole('tab', { name: 'Rankings' }).waitFor();
    // τ over (12, 4.8, 1.8, 0.6) and (0.6, 4.8, 1.8, 12): −2/3.
    await page.getByText('Business and IT rank in opposite directions: τ = -0.67').waitFor();
    await page.getByRole('img', { name: /Slope chart of 4 items/ }).waitFor();
    await expect(page.getByTestId('ranking-row').count()).resolves.toBe(4);
    await scan(page, 'rankings');
  });

  it('the portfolio shows the cut line before any decision', async () => {
    await page.getByRole('tab', { name: 'Portfolio' }).click();
    await page.getByTestId('cut-summary').waitFor();
    // Combined: A and D tie at 6.3, then B 4.8, C 1.8; A 5 + D 4 = 9 fits in 10, B would make 12.
    inBefore = await page.getByTestId('in-row').getByRole('rowheader').allInnerTexts();
    expect(inBefore).toEqual(['Initiative A', 'Initiative D']);
    await page.getByRole('img', { name: /Share of effort above the cut line/ }).waitFor();
    await scan(page, 'portfolio');
  });

  it('the leader takes the top disagreement and decides it with a reason', async () => {
    await page.getByRole('tab', { name: /Disagreements/ }).click();
    const top = page.getByTestId('queue-row').first();
    await expect(top.getByRole('rowheader').innerText()).resolves.toBe('Initiative A');
    await scan(page, 'disagreement queue');
    await top.getByRole('button', { name: 'Work on Initiative A' }).click();
    const form = page.getByRole('form', { name: 'Decide Initiative A' });
    await form.getByRole('combobox', { name: 'Status' }).selectOption('decided');
    await form.getByRole('textbox', { name: /Final rank/ }).fill('4');
    await form.getByRole('textbox', { name: 'Reason' }).fill('IT showed the integration risk; A waits for the new ERP.');
    await scan(page, 'decision form');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('queue-row').first().getByText('decided').waitFor();
    await page.getByText(/rank 4: IT showed the integration risk/).waitFor();
  });

  it('the combined ranking and the cut line move', async () => {
    await page.getByRole('tab', { name: 'Rankings' }).click();
    await page.getByTestId('ranking-row').first().waitFor();
    const order = await page.getByTestId('ranking-row').getByRole('rowheader').allInnerTexts();
    expect(order).toEqual(['Initiative D', 'Initiative B', 'Initiative C', 'Initiative A']);
    await page.getByRole('tab', { name: 'Portfolio' }).click();
    await page.getByTestId('cut-summary').waitFor();
    const inAfter = await page.getByTestId('in-row').getByRole('rowheader').allInnerTexts();
    expect(inAfter).toEqual(['Initiative D', 'Initiative B']);
    expect(inAfter).not.toEqual(inBefore);
    await scan(page, 'portfolio after the decision');
  });

  it('the leader re-tags an item\'s category on the cut line and the balance follows', async () => {
    // In: D (run, 4) and B (run, 3): all run. D becomes grow: run 3/7, grow 4/7 of the in-effort.
    const chart = page.getByRole('img', { name: /Share of effort above the cut line/ });
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/Run 100 \(target 60\)/);
    await page.getByRole('combobox', { name: 'Category of Initiative D' }).selectOption('grow');
    await page.getByRole('img', { name: /Run 42\.9 \(target 60\), Grow 57\.1 \(target 25\)/ }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Category of Initiative D' }).inputValue()).resolves.toBe('grow');
    await page.getByRole('combobox', { name: 'Horizon of Initiative D' }).selectOption('later');
    await expect.poll(() => page.getByRole('combobox', { name: 'Horizon of Initiative D' }).inputValue(), { timeout: 15_000 }).toBe('later');
    await scan(page, 'portfolio re-tagged');
  });
});

describe.skipIf(!runnable)('priorities journey: a weighted round with the organisation\'s own criteria, scored one item at a time, and an admin entering a workshop\'s scores', () => {
  let tandem: RunningTandem;
  let browser: Browser;
  let admin: BrowserContext;
  let itCtx: BrowserContext;
  let page: Page;
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => {
    const found = await expectNoSeriousAxeViolations(p, label);
    axe.push(...found);
    expect(found.map((f) => `${f.id} on ${label}`)).toEqual([]);
  };

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    admin = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    admin.setDefaultTimeout(15_000);
    expect((await admin.request.post('/api/v1/setup', { data: { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER } })).status()).toBe(201);
    const csrf = (await admin.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const post = async (url: string, data: unknown) => {
      const res = await admin.request.post(url, { data: data as object, headers: { 'x-csrf-token': csrf } });
      expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBe(true);
      return res.json();
    };
    await post('/api/v1/people', { name: 'Bea Business', email: 'bea@acme.test', department: 'Sales', side: 'business', level: 'leader' });
    await post('/api/v1/people', { name: 'Ian IT', email: 'ian@acme.test', department: 'IT', side: 'it', level: 'leader' });
    const inv = await post('/api/v1/invitations', { email: 'ian@acme.test', role: 'member' });
    itCtx = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    itCtx.setDefaultTimeout(15_000);
    expect((await itCtx.request.post(`/api/v1/invitations/${inv.token}/accept`, { data: { name: 'Ian IT', password: 'a long enough password' } })).status()).toBe(200);
    for (const i of ITEMS.slice(0, 2)) await post('/api/v1/initiatives', { title: i.title, effort: i.effort });
    // A request from the intake, triaged: scorable in a round beside initiatives (decision 145).
    const request = await post('/api/v1/requests', { title: 'Export orders to Excel', side: 'business', type: 'feature' });
    const triaged = await admin.request.patch(`/api/v1/requests/${request.id}`, { data: { status: 'triaged', reason: 'clear value' }, headers: { 'x-csrf-token': csrf } });
    expect(triaged.status(), await triaged.text()).toBe(200);
    page = await admin.newPage();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('a leader defines the criteria, their weights and owners in the form and creates the round', async () => {
    await page.goto('/priorities');
    const form = page.getByRole('form', { name: 'New scoring round' });
    await form.getByRole('textbox', { name: 'Round name' }).fill('Workshop round');
    await form.getByRole('combobox', { name: 'Scoring model' }).selectOption('weighted');
    await form.getByRole('button', { name: 'Add a criterion' }).click();
    await form.getByRole('textbox', { name: 'Criterion 4', exact: true }).fill('Technical risk');
    await form.getByRole('textbox', { name: 'Weight of criterion 4' }).fill('-1');
    await form.getByRole('combobox', { name: 'Who scores criterion 4' }).selectOption('it');
    await scan(page, 'new weighted round form');
    await form.getByRole('button', { name: 'Create round' }).click();
    await page.getByRole('heading', { name: 'Workshop round', level: 1 }).waitFor();
    const round = (await (await admin.request.get(`/api/v1/priorities/rounds/${page.url().split('/').pop()}`)).json()) as { criteria: { key: string; label: string; weight: number; owner: string }[] };
    expect(round.criteria.map((c) => [c.key, c.label, c.weight, c.owner])).toEqual([
      ['businessValue', 'Business value', 3, 'business'],
      ['urgency', 'Urgency', 2, 'both'],
      ['effort', 'Effort', -1, 'it'],
      ['technicalRisk', 'Technical risk', -1, 'it'],
    ]);
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Close the round' }).waitFor();
  });

  it('an IT scorer scores one item at a time with each criterion\'s definition at hand', async () => {
    const p = await itCtx.newPage();
    await p.goto(page.url().replace(tandem.url, ''));
    await p.getByText('You score as').waitFor();
    // Mantine's segmented control hides its radio inputs behind their labels: press the label.
    await p.locator('label', { hasText: 'One item at a time' }).click();
    await expect(p.getByRole('radio', { name: 'One item at a time' }).isChecked()).resolves.toBe(true);
    const card = p.getByRole('region', { name: 'Item 1 of 2' });
    await card.getByText('Initiative A').waitFor();
    await card.getByText('How much work, for IT to judge').waitFor();
    await expect(card.getByRole('textbox', { name: 'Business value' }).count()).resolves.toBe(0);
    for (const [label, v] of [['Urgency', '6'], ['Effort', '3'], ['Technical risk', '2']] as const) {
      await card.getByRole('textbox', { name: label }).fill(v);
      await card.getByRole('textbox', { name: label }).blur();
    }
    await p.getByText('1 of 2 items fully scored').waitFor();
    await scan(p, 'one item at a time');
    await p.getByRole('button', { name: 'Next unscored item' }).click();
    await p.getByRole('region', { name: 'Item 2 of 2' }).getByText('Initiative B').waitFor();
  });

  it('an admin enters a workshop participant\'s scores, which stay that person\'s', async () => {
    await page.reload();
    const section = page.getByRole('region', { name: 'Enter scores for someone else' });
    await section.getByRole('combobox', { name: /Enter scores for someone else/ }).selectOption({ label: 'Bea Business (Business)' });
    await section.getByText('You enter the scores of').waitFor();
    await section.getByRole('textbox', { name: 'Business value for Initiative A' }).fill('9');
    await section.getByRole('textbox', { name: 'Business value for Initiative A' }).blur();
    await section.getByRole('textbox', { name: 'Urgency for Initiative A' }).fill('4');
    await section.getByRole('textbox', { name: 'Urgency for Initiative A' }).blur();
    await section.getByText('1 of 2 items fully scored').waitFor();
    await scan(page, 'admin entering scores');
    const bea = ((await (await admin.request.get('/api/v1/people?limit=500')).json()) as { items: { id: string; name: string }[] }).items.find((x) => x.name === 'Bea Business')!;
    const scores = (await (await admin.request.get(`/api/v1/priorities/rounds/${page.url().split('/').pop()}/scores?personId=${bea.id}`)).json()) as { items: { criterion: string; value: number }[] };
    expect(scores.items.map((s) => [s.criterion, s.value]).sort()).toEqual([
      ['businessValue', 9],
      ['urgency', 4],
    ]);
  });
  it('a leader makes a round of the triaged request with dates and a category, scores it for both sides, and sees it in the results by its title', async () => {
    await page.goto('/priorities');
    const form = page.getByRole('form', { name: 'New scoring round' });
    await form.getByRole('textbox', { name: 'Round name' }).fill('Requests round');
    await form.getByRole('checkbox', { name: /All initiatives/ }).uncheck();
    await form.getByRole('checkbox', { name: /All enablers/ }).uncheck();
    await form.getByRole('checkbox', { name: 'Triaged requests (1)' }).check();
    await form.getByRole('combobox', { name: /Portfolio category of these items/ }).selectOption({ label: 'Run' });
    await form.getByLabel('Closes after').fill('2030-01-31');
    await form.getByRole('button', { name: 'Create round' }).click();
    await page.getByRole('heading', { name: 'Requests round', level: 1 }).waitFor();
    await page.getByTestId('round-dates').getByText(/closes after 31 January 2030/).waitFor();
    await scan(page, 'draft round with dates');
    // The leader moves the closing day; the page says the new one.
    const dates = page.getByRole('form', { name: 'Round dates' });
    await dates.getByLabel('Closes after').fill('2030-02-28');
    await dates.getByRole('button', { name: 'Save dates' }).click();
    await page.getByTestId('round-dates').getByText(/closes after 28 February 2030/).waitFor();
    const roundId = page.url().split('/').pop()!;
    const round = (await (await admin.request.get(`/api/v1/priorities/rounds/${roundId}`)).json()) as { closesAt: string; items: { type: string; title: string; category: string }[] };
    expect(round.closesAt).toBe('2030-02-28');
    expect(round.items).toEqual([expect.objectContaining({ type: 'request', title: 'Export orders to Excel', category: 'run' })]);

    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Close the round' }).waitFor();
    const section = page.getByRole('region', { name: 'Enter scores for someone else' });
    const who = section.getByRole('combobox', { name: /Enter scores for someone else/ });
    for (const [person, criteria] of [
      ['Bea Business (Business)', ['Business value', 'Time criticality', 'Risk reduction / opportunity enablement']],
      ['Ian IT (IT)', ['Business value', 'Time criticality', 'Risk reduction / opportunity enablement', 'Job size']],
    ] as const) {
      await who.selectOption({ label: person });
      // The request is a row of the scoring grid, under its own title.
      await section.getByRole('rowheader', { name: /Export orders to Excel/ }).waitFor();
      for (const c of criteria) await section.getByRole('combobox', { name: `${c} for Export orders to Excel` }).selectOption(c === 'Job size' ? '3' : '5');
      await section.getByText('1 of 1 items fully scored').waitFor();
    }
    await scan(page, 'scoring a request');
    await page.getByRole('button', { name: 'Close the round' }).click();
    await page.getByRole('tab', { name: 'Rankings' }).waitFor();
    await expect(page.getByTestId('ranking-row').getByRole('rowheader').allInnerTexts()).resolves.toEqual(['Export orders to Excel']);
    await scan(page, 'rankings with a request');
  });

  it('a leader names the categories in the organisation\'s words, and the portfolio shows them', async () => {
    await page.getByRole('tab', { name: 'Portfolio' }).click();
    const settings = page.getByRole('form', { name: 'Capacity and target mix' });
    await settings.getByRole('textbox', { name: /Capacity/ }).fill('10');
    await settings.getByRole('textbox', { name: /Name of the run category/ }).fill('Keep the lights on');
    await scan(page, 'portfolio settings with category names');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('img', { name: /Keep the lights on .*\(target 60\), Grow .*\(target 25\)/ }).waitFor();
    const category = page.getByRole('combobox', { name: 'Category of Export orders to Excel' });
    await expect(category.inputValue()).resolves.toBe('run');
    await expect(category.locator('option:checked').innerText()).resolves.toBe('Keep the lights on');
    const saved = (await (await admin.request.get('/api/v1/priorities/portfolio/settings')).json()) as { settings: { categoryLabels: Record<string, string> } };
    expect(saved.settings.categoryLabels).toEqual({ run: 'Keep the lights on', grow: 'Grow', transform: 'Transform' });
    await scan(page, 'portfolio with category names');
  });
});

describe.skipIf(!runnable)('priorities journey: a round of 150 items renders the rows near the viewport, and Tab, scrolling and saving still reach every row', () => {
  const COUNT = 150;
  const title = (k: number) => `Initiative ${String(k).padStart(3, '0')}`;
  let tandem: RunningTandem;
  let browser: Browser;
  let bizCtx: BrowserContext;
  let roundId: string;
  const axe: AxeFinding[] = [];

  beforeAll(async () => {
    tandem = await startTandem();
    browser = await launchBrowser();
    const admin = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    expect((await admin.request.post('/api/v1/setup', { data: { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER } })).status()).toBe(201);
    const csrf = (await admin.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
    const post = async (url: string, data: unknown) => {
      const res = await admin.request.post(url, { data: data as object, headers: { 'x-csrf-token': csrf } });
      expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBe(true);
      return res.json();
    };
    await post('/api/v1/people', { name: 'Bea Business', email: 'bea@acme.test', department: 'Sales', side: 'business', level: 'leader' });
    const inv = await post('/api/v1/invitations', { email: 'bea@acme.test', role: 'member' });
    bizCtx = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 1280, height: 720 } });
    bizCtx.setDefaultTimeout(15_000);
    expect((await bizCtx.request.post(`/api/v1/invitations/${inv.token}/accept`, { data: { name: 'Bea Business', password: 'a long enough password' } })).status()).toBe(200);
    const items = [];
    for (let k = 0; k < COUNT; k++) items.push({ type: 'initiative', id: (await post('/api/v1/initiatives', { title: title(k), effort: 1 + (k % 8) })).id });
    roundId = (await post('/api/v1/priorities/rounds', { name: 'Big round', model: 'wsjf', items })).id;
    await post(`/api/v1/priorities/rounds/${roundId}/open`, {});
    await admin.close();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    summariseAxe(axe);
  });

  it('renders a window of rows, says the table\'s real size, and passes axe', async () => {
    const p = await bizCtx.newPage();
    await p.goto(`/priorities/${roundId}`);
    await p.getByText(`0 of ${COUNT} items fully scored`).waitFor();
    const table = p.getByRole('table', { name: 'Your scores' });
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(COUNT + 1));
    const rendered = await table.locator('tr[data-index]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(COUNT);
    await expect(p.getByRole('combobox', { name: `Business value for ${title(COUNT - 1)}` }).count()).resolves.toBe(0);
    const found = await expectNoSeriousAxeViolations(p, 'scoring 150 items');
    axe.push(...found);
    expect(found.map((f) => `${f.id} on scoring 150 items`)).toEqual([]);
    await p.close();
  });

  it('Tab walks down the rows past the first window, and a choice there and one at the end are stored', async () => {
    const p = await bizCtx.newPage();
    await p.goto(`/priorities/${roundId}`);
    await p.getByText(`0 of ${COUNT} items fully scored`).waitFor();
    const firstWindow = await p.locator('tr[data-index]').count();
    const target = firstWindow + 5;
    await p.getByRole('combobox', { name: `Business value for ${title(0)}` }).focus();
    // Three selects a row: Tab three times per row moves to the same criterion one row down.
    for (let k = 0; k < target * 3; k++) await p.keyboard.press('Tab');
    await expect(p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Business value for ${title(target)}`);
    await expect(p.locator(`tr[aria-rowindex="${target + 2}"]`).isVisible()).resolves.toBe(true);
    await p.getByRole('combobox', { name: `Business value for ${title(target)}` }).selectOption('13');
    // The last row, reached by scrolling to the end of the page.
    await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const last = p.getByRole('combobox', { name: `Time criticality for ${title(COUNT - 1)}` });
    await last.waitFor();
    await last.selectOption('8');
    await expect(last.inputValue()).resolves.toBe('8');
    await p.getByText('Saving…').waitFor({ state: 'hidden' });
    const round = (await (await bizCtx.request.get(`/api/v1/priorities/rounds/${roundId}`)).json()) as { items: { itemId: string; title: string }[] };
    const id = (t: string) => round.items.find((i) => i.title === t)!.itemId;
    const sheet = (await (await bizCtx.request.get(`/api/v1/priorities/rounds/${roundId}/sheet`)).json()) as { values: Record<string, Record<string, number>> };
    expect(sheet.values).toEqual({ [id(title(target))]: { businessValue: 13 }, [id(title(COUNT - 1))]: { timeCriticality: 8 } });
    // Coming back shows the stored values.
    await p.reload();
    await p.getByText(`0 of ${COUNT} items fully scored`).waitFor();
    await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(p.getByRole('combobox', { name: `Time criticality for ${title(COUNT - 1)}` }).inputValue()).resolves.toBe('8');
    await p.close();
  });
});
