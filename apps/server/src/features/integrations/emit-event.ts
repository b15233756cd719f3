import { findOrganisation, insertDeliveries, markEventOnce, webhooksForEvent, type Executor } from '@tandem/db';
import type { TWebhookEvent } from '@tandem/contracts';
import type { AppContext } from '../../context';
import type { EventPayload } from './message-formats';

/**
 * What a feature gives: the event's own fields, always with a summary and a link (null only when
 * there is no public URL). The organisation is added here (decision 150).
 */
export interface EventFields {
  summary: string;
  url: string | null;
  [key: string]: unknown;
}

/** A link into the web app, or null when the server does not know its public address (TANDEM_PUBLIC_URL). */
export function appLink(ctx: AppContext, path: string): string | null {
  return ctx.config.publicUrl ? `${ctx.config.publicUrl}${path}` : null;
}

/**
 * Queues an event for every webhook of the organisation subscribed to it: INSERTs only, inside
 * the caller's transaction (so an event of a rolled-back change is never sent), never a network
 * call. The delivery job sends the rows (decision 121). Every payload names its organisation and
 * carries `url` (null without a public URL), so a chat reader knows where and what (decision 150).
 */
export async function emitEvent(ctx: AppContext, x: Executor, orgId: string, event: TWebhookEvent, fields: EventFields): Promise<number> {
  const hooks = await webhooksForEvent(x, orgId, event);
  if (hooks.length === 0) return 0;
  const org = await findOrganisation(x, orgId);
  const payload: EventPayload = { ...fields, organisation: { id: orgId, name: org?.name ?? '' } };
  const now = ctx.now();
  const rows = await insertDeliveries(
    x,
    hooks.map((h) => ({ orgId, webhookId: h.id, event, payload, createdAt: now, nextAttemptAt: now })),
  );
  return rows.length;
}

/**
 * Queues an event the first time `key` is seen in this organisation, and never again: for events
 * no user action triggers (a deferred need passing its cost), found by a job that looks every
 * hour. The key is kept even when no webhook listens, so a webhook added later is not flooded
 * with old news.
 */
export async function emitEventOnce(ctx: AppContext, x: Executor, orgId: string, event: TWebhookEvent, key: string, fields: EventFields): Promise<number> {
  if (!(await markEventOnce(x, orgId, `${event}:${key}`, ctx.now()))) return 0;
  return emitEvent(ctx, x, orgId, event, fields);
}

/** A time as chat text: `2026-12-20 17:00 UTC`. */
export function utcText(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** An amount in the organisation's currency as chat text: `EUR 36,000`. */
export function moneyText(amount: number, currency: string): string {
  return `${currency} ${Math.round(amount).toLocaleString('en-GB')}`;
}
