import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { createMailer, type Mailer } from '../apps/server/src/lib/mailer';
import { startSmtp } from '../apps/server/test/smtp';
import { browserAvailable, expectNoSeriousAxeViolations, launchBrowser, type AxeFinding, CONTEXT_DEFAULTS } from './fixtures/browser';
import { stopAfterFirstFailure, summariseAxe } from './fixtures/journey';
import { startTandem, type RunningTandem } from './fixtures/server';

/** Decision 007 and 008 in the browser: mailed invitations, a failed squat, forgot password. */

const OWNER = { name: 'Olivia Owner', email: 'olivia@acme.test', password: 'correct horse battery' };
const IVY = { name: 'Ivy Invited', email: 'ivy@acme.test', password: 'a long enough password', next: 'lantern meadow quietly 9' };
const VICTOR = { name: 'Victor Victim', email: 'victor@victim.test', password: 'victim corp passphrase' };

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

async function mailsTo(smtp: Smtp, to: string, atLeast: number): Promise<string[]> {
  for (let i = 0; i < 400; i++) {
    const found = smtp.received.map((m) => m.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).filter((m) => m.includes(`To: ${to}`));
    if (found.length >= atLeast) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no mail to ${to}`);
}

function link(mail: string, kind: 'invite' | 'reset-password'): string {
  const m = mail.match(kind === 'invite' ? /(http:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]{43})/ : /(http:\/\/[^\s]+\/reset-password#[A-Za-z0-9_-]{43})/);
  if (!m) throw new Error(`no ${kind} link in the mail`);
  return m[1]!;
}

/** Seeding through the API with a cookie-keeping request context that echoes the CSRF cookie. */
async function apiPost(ctx: BrowserContext, request: APIRequestContext, url: string, data: unknown) {
  const csrf = (await ctx.cookies()).find((c) => c.name === 'tandem_csrf')?.value;
  const res = await request.post(url, { data, headers: csrf ? { 'x-csrf-token': csrf } : {} });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

const path = (page: Page) => new URL(page.url()).pathname;

describe.skipIf(!browserAvailable())('accounts journey: e-mail proof and password reset with mail', () => {
  let smtp: Smtp;
  let mailer: Mailer;
  let tandem: RunningTandem;
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  const axe: AxeFinding[] = [];
  const scan = async (p: Page, label: string) => {
    const found = await expectNoSeriousAxeViolations(p, label);
    axe.push(...found);
    expect(found.map((f) => `${f.impact} ${f.id}`)).toEqual([]);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
    tandem = await startTandem({ mailer });
    browser = await launchBrowser();
    owner = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    owner.setDefaultTimeout(15_000);
    page = await owner.newPage();
    // Seed: Acme and its owner; Victim Corp, run by Victor, who proved his address through a mailed invitation.
    await apiPost(owner, owner.request, '/api/v1/setup', { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER });
    await apiPost(owner, owner.request, '/api/v1/orgs', { name: 'Victim Corp', currency: 'EUR' });
    await apiPost(owner, owner.request, '/api/v1/invitations', { email: VICTOR.email, role: 'admin' });
    const victor = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    const token = link((await mailsTo(smtp, VICTOR.email, 1))[0]!, 'invite').split('/invite/')[1]!;
    await apiPost(victor, victor.request, `/api/v1/invitations/${token}/accept`, { name: VICTOR.name, password: VICTOR.password });
    await victor.close();
    // The owner leaves Victim Corp's context: back to Acme, signed out, so the journey starts at the login page.
    await owner.clearCookies();
  });

  stopAfterFirstFailure();

  afterAll(async () => {
    await browser?.close();
    await tandem?.close();
    mailer?.close();
    await smtp?.close();
    summariseAxe(axe);
  });

  it('the admin invites by mail: the screen says it was mailed and never shows the link', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await scan(page, 'login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/people');
    await page.goto('/organisation');
    await page.getByRole('textbox', { name: 'Email to invite', exact: true }).fill(IVY.email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByTestId('invitation-mailed').waitFor();
    expect(await page.getByRole('textbox', { name: 'Invitation link', exact: true }).count()).toBe(0);
    const url = link((await mailsTo(smtp, IVY.email, 1))[0]!, 'invite');
    const token = url.split('/invite/')[1]!;
    expect(await page.content()).not.toContain(token);
    await scan(page, 'organisation (invitation mailed)');
  });

  it('the invitee opens the link from the mail, proves the address and gets in', async () => {
    const url = link((await mailsTo(smtp, IVY.email, 1))[0]!, 'invite');
    const ivy = await browser.newContext({ ...CONTEXT_DEFAULTS });
    ivy.setDefaultTimeout(15_000);
    try {
      const p = await ivy.newPage();
      await p.goto(url);
      await p.getByRole('heading', { name: 'Join Acme' }).waitFor();
      await scan(p, 'invite-accept');
      await p.getByRole('textbox', { name: 'Your name', exact: true }).fill(IVY.name);
      await p.getByRole('textbox', { name: 'Password', exact: true }).fill(IVY.password);
      await p.getByRole('button', { name: 'Join Acme' }).click();
      await p.waitForURL('**/people');
      await p.getByRole('button', { name: `Account: ${IVY.name}` }).waitFor();
      await scan(p, 'people (as the new member)');
    } finally {
      await ivy.close();
    }
  });

  it('squatting an address that another organisation uses fails: the link goes to its owner, never to the admin', async () => {
    const before = smtp.received.length;
    await page.goto('/organisation');
    await page.getByRole('textbox', { name: 'Email to invite', exact: true }).fill(VICTOR.email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByTestId('invitation-mailed').filter({ hasText: VICTOR.email }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Invitation link', exact: true }).count()).toBe(0);
    // Nor does a password reset help the admin: the answer is the generic one and the link goes to Victor's mailbox.
    const attacker = await browser.newContext({ ...CONTEXT_DEFAULTS });
    try {
      const p = await attacker.newPage();
      await p.goto(`${tandem.url}/forgot-password`);
      await p.getByRole('textbox', { name: 'Email', exact: true }).fill(VICTOR.email);
      await p.getByRole('button', { name: 'Send the link' }).click();
      await p.getByTestId('reset-requested').waitFor();
      const mails = await mailsTo(smtp, VICTOR.email, 3);
      expect(smtp.received.length - before).toBe(2);
      expect(mails.every((m) => /To: victor@victim\.test/.test(m))).toBe(true);
      // Signing in as Victor with a password of the admin's choosing fails.
      await p.goto(`${tandem.url}/login`);
      await p.getByRole('textbox', { name: 'Email', exact: true }).fill(VICTOR.email);
      await p.getByRole('textbox', { name: 'Password', exact: true }).fill('admin chose this one');
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await p.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    } finally {
      await attacker.close();
    }
  });

  it('forgot password: the mail, a new password, and every old session is dead', async () => {
    // Ivy is signed in on a laptop; she forgot her password on another device.
    const laptop = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    laptop.setDefaultTimeout(15_000);
    const phone = await browser.newContext({ ...CONTEXT_DEFAULTS, baseURL: tandem.url });
    phone.setDefaultTimeout(15_000);
    try {
      const old = await laptop.newPage();
      await old.goto('/login');
      await old.getByRole('textbox', { name: 'Email', exact: true }).fill(IVY.email);
      await old.getByRole('textbox', { name: 'Password', exact: true }).fill(IVY.password);
      await old.getByRole('button', { name: 'Sign in', exact: true }).click();
      await old.waitForURL('**/people');

      const p = await phone.newPage();
      await p.goto('/login');
      await p.getByRole('link', { name: 'Forgot your password?' }).click();
      await p.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      expect(path(p)).toBe('/forgot-password');
      await scan(p, 'forgot-password');
      await p.getByRole('textbox', { name: 'Email', exact: true }).fill(IVY.email);
      await p.getByRole('button', { name: 'Send the link' }).click();
      await p.getByTestId('reset-requested').waitFor();
      await scan(p, 'forgot-password (sent)');

      const url = link((await mailsTo(smtp, IVY.email, 2))[1]!, 'reset-password');
      await p.goto(url);
      await p.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await scan(p, 'reset-password');
      await p.getByRole('textbox', { name: 'New password', exact: true }).fill('aaaaaaaaaaaa');
      await p.getByRole('button', { name: 'Set the new password' }).click();
      await p.getByText(/too easy to guess/).first().waitFor();
      await p.getByRole('textbox', { name: 'New password', exact: true }).fill(IVY.next);
      await p.getByRole('button', { name: 'Set the new password' }).click();
      await p.waitForURL('**/people');
      await p.getByRole('button', { name: `Account: ${IVY.name}` }).waitFor();

      // The laptop's session ended with the reset.
      await old.reload();
      await old.waitForURL('**/login**');
      await old.getByRole('heading', { name: 'Sign in' }).waitFor();
      await old.getByRole('textbox', { name: 'Email', exact: true }).fill(IVY.email);
      await old.getByRole('textbox', { name: 'Password', exact: true }).fill(IVY.password);
      await old.getByRole('button', { name: 'Sign in', exact: true }).click();
      await old.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
      await old.getByRole('textbox', { name: 'Password', exact: true }).fill(IVY.next);
      await old.getByRole('button', { name: 'Sign in', exact: true }).click();
      await old.waitForURL('**/people');

      // The reset link works once.
      const again = await phone.newPage();
      await again.goto(url);
      await again.getByRole('textbox', { name: 'New password', exact: true }).fill('yet another fine passphrase');
      await again.getByRole('button', { name: 'Set the new password' }).click();
      await again.getByText(/not valid/).first().waitFor();
    } finally {
      await laptop.close();
      await phone.close();
    }
  });
});
