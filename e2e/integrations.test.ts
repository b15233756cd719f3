import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startOidcProvider } from '../apps/server/test/oidc-provider';
import { startReceiver } from '../apps/server/test/receiver';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const NIA = { sub: 'u-nia', email: 'nia@acme.test', name: 'Nia New', tandem_side: 'it', department: 'Platform' };
const CLIENT_ID = 'tandem-e2e';
const CLIENT_SECRET = 'provider-client-secret-e2e-4b1d';
const runnable = browserAvailable();

describe.skipIf(!runnable)('integrations journey: company sign-in through a real OpenID provider, API tokens, a signed webhook', () => {
  let tandem: RunningTandem;
  let op: Awaited<ReturnType<typeof startOidcProvider>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  let csrf: string;
  let token = '';
  let signingSecret = '';
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => axe.push(...(await expectNoSeriousAxeViolations(p, label)));

  async function signInOwner(p: Page) {
    await p.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await p.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await p.getByRole('button', { name: `Account: ${OWNER.name}` }).waitFor();
    csrf = (await owner.cookies()).find((c) => c.name === 'tandem_csrf')!.value;
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    tandem = await startTandem({ env: { TANDEM_SECRET_KEY: 'e2e-secret-key-0123456789-abcdefghijkl', TANDEM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
    // The provider knows Tandem's callback, so it starts once Tandem has its port.
    op = await startOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${tandem.url}/auth/oidc/callback` });
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
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    await op?.close();
    await receiver?.close();
    summariseAxe(axe);
  });

  it('1. the owner configures single sign-on in the page against the local provider', async () => {
    await page.goto('/integrations');
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Single sign-on settings' });
    await page.getByText(`${tandem.url}/auth/oidc/callback`).waitFor();
    await form.getByRole('textbox', { name: 'Issuer URL' }).fill(op.issuer);
    await form.getByRole('textbox', { name: 'Client ID' }).fill(CLIENT_ID);
    await form.getByLabel('Client secret').fill(CLIENT_SECRET);
    await form.getByRole('textbox', { name: 'Allowed e-mail domains' }).fill('acme.test');
    await form.getByRole('textbox', { name: 'Side claim (it / business)' }).fill('tandem_side');
    await form.getByRole('textbox', { name: 'Department claim' }).fill('department');
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await scan(page, 'integrations (owner, SSO saved)');
    const got = await page.request.get('/api/v1/org/sso');
    expect(got.status()).toBe(200);
    expect(await got.text()).not.toContain(CLIENT_SECRET);
    expect(await got.json()).toMatchObject({ configured: true, issuer: op.issuer, allowedDomains: ['acme.test'], sideClaim: 'tandem_side' });
  });

  it('2. after signing out, a new person signs in through the provider and lands in Acme with the side from the claim', async () => {
    await page.getByRole('button', { name: `Account: ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    op.next.account = NIA;
    await page.getByRole('textbox', { name: 'Work e-mail' }).fill(NIA.email);
    await scan(page, 'login with company sign-in');
    await page.getByRole('button', { name: 'Sign in with your company' }).click();
    // Chromium goes to the provider (another origin), which answers for Nia and sends it back.
    await page.getByRole('button', { name: `Account: ${NIA.name}` }).waitFor();
    expect(new URL(page.url()).origin).toBe(tandem.url);
    const me = await (await page.request.get('/api/v1/me')).json();
    expect(me).toMatchObject({ user: { email: NIA.email }, current: { name: 'Acme', role: 'member' } });
    // A member sees tokens on the integrations page, not the admin sections.
    await page.goto('/integrations');
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Webhooks' }).count()).toBe(0);
    await page.getByRole('button', { name: `Account: ${NIA.name}` }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await signInOwner(page);
    const people = (await (await page.request.get('/api/v1/people?limit=500')).json()) as { items: Array<{ email: string; side: string; department: string }> };
    expect(people.items.find((p) => p.email === NIA.email)).toMatchObject({ side: 'it', department: 'Platform' });
  });

  it('3. an API token is created in the page, shown once, works as Bearer, and answers 401 once revoked', async () => {
    await page.goto('/integrations');
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByRole('textbox', { name: 'Token name' }).fill('Reporting script');
    await form.getByRole('button', { name: 'Create token' }).click();
    token = (await page.getByTestId('new-token').textContent())!.trim();
    expect(token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    const tokens = page.getByRole('table', { name: 'API tokens' });
    await tokens.getByRole('cell', { name: 'Reporting script', exact: true }).waitFor();
    await scan(page, 'integrations (token shown once)');
    // The test is the API client: no cookie, no CSRF, only the bearer token.
    const call = () => fetch(`${tandem.url}/api/v1/people`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await call();
    expect(ok.status).toBe(200);
    expect(JSON.stringify(await ok.json())).toContain(NIA.email);
    // Shown once: a reload lists the token without it.
    await page.reload();
    await tokens.getByRole('cell', { name: 'Reporting script', exact: true }).waitFor();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await tokens.getByRole('button', { name: 'Revoke Reporting script' }).click();
    await tokens.getByText('revoked', { exact: true }).waitFor();
    expect((await call()).status).toBe(401);
  });

  it('4. a JSON webhook added in the page receives a signed "pulse opened" and shows it in the delivery log', async () => {
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'JSON (signed)' }).click();
    await form.getByRole('textbox', { name: 'Webhook URL' }).fill(`${receiver.url}/tandem`);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Signing secret (shown once)' });
    signingSecret = (await shown.locator('code').textContent())!.trim();
    expect(signingSecret).toMatch(/^whsec_/);
    const hooks = page.getByRole('table', { name: 'Webhooks' });
    await hooks.getByText(`${receiver.url}/tandem`).waitFor();
    await hooks.getByText('none yet').waitFor();

    const post = async (url: string, data?: unknown) => {
      const res = await page.request.post(url, { headers: { 'x-csrf-token': csrf }, ...(data ? { data } : {}) });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    };
    const pulse = await post('/api/v1/pulses', { title: 'Q1 alignment', template: 'tech-priorities-alignment' });
    await post(`/api/v1/pulses/${pulse.id}/open`);
    // Queued in the request, delivered by the job: nothing has arrived yet.
    expect(receiver.received).toHaveLength(0);
    await tandem.tick(new Date(Date.now() + 60_000));
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    const ts = got.headers['x-tandem-timestamp'] as string;
    expect(got.headers['x-tandem-signature']).toBe(`sha256=${createHmac('sha256', signingSecret).update(`${ts}.${got.body}`).digest('hex')}`);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'pulse.opened', data: { pulseId: pulse.id, title: 'Q1 alignment' } });

    await page.reload();
    await hooks.getByText('delivered (200)').waitFor();
    await hooks.getByRole('button', { name: 'Delivery log' }).click();
    const log = page.getByRole('table', { name: 'Delivery log' });
    const row = log.getByRole('row').filter({ hasText: 'pulse.opened' });
    await row.getByRole('cell', { name: 'delivered' }).waitFor();
    await row.getByRole('cell', { name: '200' }).waitFor();
    await scan(page, 'integrations (delivery log)');
  });

  it('4b. the webhook is edited, disabled (a change then queues nothing) and enabled again from the page', async () => {
    const hooks = page.getByRole('table', { name: 'Webhooks' });
    await hooks.getByRole('button', { name: `Edit webhook ${receiver.url}/tandem` }).click();
    const edit = page.getByRole('form', { name: 'Edit webhook' });
    await edit.getByRole('textbox', { name: 'Webhook URL' }).fill(`${receiver.url}/edited`);
    await edit.getByRole('checkbox', { name: 'Request status changed' }).check();
    await scan(page, 'integrations (editing a webhook)');
    await edit.getByRole('button', { name: 'Save webhook' }).click();
    await edit.waitFor({ state: 'detached' });
    await hooks.getByText(`${receiver.url}/edited`).waitFor();
    await hooks.getByText('Request status changed', { exact: false }).waitFor();

    await hooks.getByRole('button', { name: `Disable webhook ${receiver.url}/edited` }).click();
    await hooks.getByText('disabled', { exact: true }).waitFor();
    expect(await hooks.getByRole('button', { name: 'Send test' }).isDisabled()).toBe(true);
    const send = async (method: 'post' | 'patch', url: string, data: unknown) => {
      const res = await page.request[method](url, { headers: { 'x-csrf-token': csrf }, data });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return res.json();
    };
    const req = await send('post', '/api/v1/requests', { title: 'Dashboards for sales' });
    await send('patch', `/api/v1/requests/${req.id}`, { status: 'in_progress' });
    const before = receiver.received.length;
    await tandem.tick(new Date(Date.now() + 2 * 60_000));
    expect(receiver.received).toHaveLength(before);

    await hooks.getByRole('button', { name: `Enable webhook ${receiver.url}/edited` }).click();
    await hooks.getByText('enabled', { exact: true }).waitFor();
    await send('patch', `/api/v1/requests/${req.id}`, { status: 'done' });
    await tandem.tick(new Date(Date.now() + 3 * 60_000));
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.url)).toEqual(['/edited']);
    // Only the change made while enabled arrives, signed with the same secret.
    expect(JSON.parse(got[0]!.body)).toMatchObject({ event: 'request.status_changed', data: { requestId: req.id, from: 'in_progress', to: 'done' } });
    const ts = got[0]!.headers['x-tandem-timestamp'] as string;
    expect(got[0]!.headers['x-tandem-signature']).toBe(`sha256=${createHmac('sha256', signingSecret).update(`${ts}.${got[0]!.body}`).digest('hex')}`);
    await page.reload();
    await hooks.getByText('delivered (200)').waitFor();
    await scan(page, 'integrations (webhook enabled again)');
  });

  it('5. the page works on a phone', async () => {
    const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.addCookies(await owner.cookies());
      const p = await phone.newPage();
      await p.goto('/integrations');
      await p.getByRole('table', { name: 'Webhooks' }).getByText('delivered (200)').waitFor();
      await p.getByRole('button', { name: 'Delivery log' }).click();
      await p.getByRole('table', { name: 'Delivery log' }).getByText('pulse.opened').waitFor();
      await scan(p, 'integrations (owner, 390 px)');
    } finally {
      await phone.close();
    }
  });
});
