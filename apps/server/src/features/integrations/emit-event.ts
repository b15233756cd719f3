import { insertDeliveries, markEventOnce, webhooksForEvent, type Executor } from '@tandem/db';
import type { TWebhookEvent } from '@tandem/contracts';
import type { AppContext } from '../../context';
import type { EventPayload } from './message-formats';

/**
 * Queues an event for every webhook of the organisation subscribed to it: INSERTs only, inside
 * the caller's transaction (so an event of a rolled-back change is never sent), never a network
 * call. The delivery job sends the rows (decision 121).
 */
export async function emitEvent(ctx: AppContext, x: Executor, orgId: string, event: TWebhookEvent, payload: EventPayload): Promise<number> {
  const hooks = await webhooksForEvent(x, orgId, event);
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
export async function emitEventOnce(ctx: AppContext, x: Executor, orgId: string, event: TWebhookEvent, key: string, payload: EventPayload): Promise<number> {
  if (!(await markEventOnce(x, orgId, `${event}:${key}`, ctx.now()))) return 0;
  return emitEvent(ctx, x, orgId, event, payload);
}
