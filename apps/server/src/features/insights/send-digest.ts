import { listEnabledDigests, markDigestSent } from '@tandem/db';
import { digestDue } from '@tandem/core';
import type { TInsights } from '@tandem/contracts';
import type { AppContext, OrgAuth, Role } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';
import type { Job } from '../../lib/jobs';
import { hourSlot } from '../../lib/jobs';
import { getInsights } from './get-insights';

const LEADERS: ReadonlySet<Role> = new Set(['owner', 'admin', 'leader']);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The one-screen in short: one line per tile that has data, the month's movements, and what is not in use. */
export function digestLines(i: TInsights): string[] {
  const lines: string[] = [];
  const num = (n: number) => Math.round(n).toLocaleString('en-GB');
  if (i.gap) {
    const g = i.gap.byLevel[0];
    lines.push(g ? `Perception gap (${i.gap.title}): leaders ${Math.round(g.favourableA * 100)}% vs employees ${Math.round(g.favourableB * 100)}% favourable on the widest question.` : `Perception gap (${i.gap.title}): no gap can be shown under the anonymity rules.`);
  }
  if (i.health) lines.push(`Roadmap health: ${i.health.overall}/100 with ${i.health.findings} findings to fix.`);
  if (i.agreement) lines.push(`Business–IT agreement (${i.agreement.name}): tau ${i.agreement.kendallTauB === null ? 'not defined' : i.agreement.kendallTauB.toFixed(2)}, ${i.agreement.openDisagreements} open disagreements.`);
  if (i.leadTime) lines.push(`Lead time P85: ${i.leadTime.p85 ?? '—'} days; ${i.leadTime.ageingCount} requests older than 85% of past lead times.`);
  if (i.deferredExposure !== null) lines.push(`Deferred-needs exposure: ${num(i.deferredExposure)}.`);
  if (i.value) lines.push(`Value ${i.value.year}: ${num(i.value.realised)} realised of ${num(i.value.planned)} planned (${i.value.currency}).`);
  if (i.participation) lines.push(`Cross-over participation: Business ${i.participation.business}, IT ${i.participation.it}.`);
  return lines;
}

export function renderDigest(i: TInsights, name: string, origin: string, token: string): { subject: string; text: string; html: string; unsubscribeUrl: string } {
  const lines = digestLines(i);
  const changes = i.changes.map((c) => c.text);
  const unsubscribeUrl = `${origin}/digest/unsubscribe?token=${encodeURIComponent(token)}`;
  const open = `${origin}/insights`;
  const text = [
    `Hello ${name},`,
    '',
    'This week on the one-screen:',
    ...(lines.length ? lines.map((l) => `- ${l}`) : ['- Nothing to show yet: the modules have no data.']),
    '',
    ...(changes.length ? ['What changed since last month:', ...changes.map((c) => `- ${c}`), ''] : []),
    `Open the one-screen: ${open}`,
    '',
    `Stop these mails: ${unsubscribeUrl}`,
  ].join('\n');
  const li = (xs: string[]) => `<ul>${xs.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`;
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:sans-serif">',
    `<p>Hello ${esc(name)},</p><h1 style="font-size:18px">This week on the one-screen</h1>`,
    lines.length ? li(lines) : '<p>Nothing to show yet: the modules have no data.</p>',
    changes.length ? `<h2 style="font-size:16px">What changed since last month</h2>${li(changes)}` : '',
    `<p><a href="${esc(open)}">Open the one-screen</a></p>`,
    `<p style="font-size:12px"><a href="${esc(unsubscribeUrl)}">Stop these mails</a></p>`,
    '</body></html>',
  ].join('');
  return { subject: 'Tandem weekly: where alignment stands', text, html, unsubscribeUrl };
}

/**
 * The hourly digest job: sends to every subscriber (still a leader of the organisation) whose
 * local weekday and hour is the slot's. The job runner claims the hour in the database, so with
 * several instances the slot, and so each mail, runs once (decision 060).
 */
export function digestJob(origin: () => string): Job {
  return {
    name: 'insights.digest',
    slotOf: hourSlot,
    async run(ctx: AppContext, _slot: string, now: Date) {
      if (!ctx.mailer) return;
      const subs = (await listEnabledDigests(ctx.db)).filter((s) => LEADERS.has(s.role) && digestDue(s.sub, now));
      const cache = new Map<string, Promise<TInsights>>();
      for (const s of subs) {
        const auth: OrgAuth = { sessionId: 'digest', userId: s.sub.userId, csrfToken: '', orgId: s.sub.orgId, role: s.role };
        // Leaders of one organisation see the same one-screen: compute it once per organisation.
        if (!cache.has(s.sub.orgId)) cache.set(s.sub.orgId, getInsights(ctx, auth));
        const insights = await cache.get(s.sub.orgId)!;
        const token = randomToken();
        const mail = renderDigest(insights, s.name, origin(), token);
        await markDigestSent(ctx.db, s.sub.orgId, s.sub.userId, now, sha256(token));
        await ctx.mailer.send({ to: s.email, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } });
      }
    },
  };
}
