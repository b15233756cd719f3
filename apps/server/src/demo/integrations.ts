import { insertDeliveries, insertWebhook } from '@tandem/db';
import type { DemoSeeder } from './seed';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A Slack webhook for the IT leadership channel with a few weeks of deliveries (decision 125), and
 * an older, disabled Teams webhook for the delivery team's channel (decision 128).
 * Its host ends in `.invalid` (RFC 6761: never resolves), and every seeded delivery is finished
 * (delivered or failed), so the delivery job has nothing to send: the demo makes no network call.
 * No single sign-on: the demo owner signs in with a password and no provider runs beside the demo.
 */
export const seedIntegrations: DemoSeeder = async (ctx, { orgId, ownerId }) => {
  const now = ctx.now().getTime();
  await ctx.db.transaction(async (tx) => {
    // A Teams channel the delivery team paused (decision 128): disabled, so nothing is queued for it.
    await insertWebhook(tx, {
      orgId,
      kind: 'teams',
      url: 'https://northwind.webhook.office.invalid/webhookb2/delivery-team',
      events: ['request.status_changed', 'disagreement.decided', 'deferred_need.cost_passed'],
      secretEnc: null,
      active: false,
      createdBy: ownerId,
      createdAt: new Date(now - 45 * DAY),
    });
    const hook = await insertWebhook(tx, {
      orgId,
      kind: 'slack',
      url: 'https://hooks.northwind.invalid/services/it-leadership',
      events: ['pulse.opened', 'pulse.results_ready', 'coffee.round_made', 'hackweek.voting_open'],
      secretEnc: null,
      createdBy: ownerId,
      createdAt: new Date(now - 30 * DAY),
    });
    const rows: Array<{ daysAgo: number; event: string; summary: string; status: 'delivered' | 'failed'; attempts: number; code: number | null; error: string | null }> = [
      { daysAgo: 28, event: 'webhook.test', summary: 'Test message from Tandem', status: 'delivered', attempts: 1, code: 200, error: null },
      { daysAgo: 21, event: 'coffee.round_made', summary: 'Coffee round 24: 37 groups, 81% across IT and business', status: 'delivered', attempts: 1, code: 200, error: null },
      { daysAgo: 14, event: 'pulse.opened', summary: 'Pulse opened: Q3 tech priorities alignment', status: 'delivered', attempts: 3, code: 200, error: null },
      { daysAgo: 9, event: 'hackweek.voting_open', summary: 'Hackweek voting is open: 14 ideas', status: 'failed', attempts: 8, code: 503, error: 'receiver answered 503' },
      { daysAgo: 2, event: 'pulse.results_ready', summary: 'Pulse results ready: Q3 tech priorities alignment', status: 'delivered', attempts: 1, code: 200, error: null },
    ];
    await insertDeliveries(
      tx,
      rows.map((r) => {
        const created = new Date(now - r.daysAgo * DAY);
        // The last attempt after the backoff of the earlier ones (1, 2, 4 ... minutes).
        const last = new Date(created.getTime() + (2 ** (r.attempts - 1) - 1) * MINUTE);
        return {
          orgId,
          webhookId: hook.id,
          event: r.event,
          payload: { summary: r.summary },
          status: r.status,
          attempts: r.attempts,
          createdAt: created,
          nextAttemptAt: last,
          lastAttemptAt: last,
          lastStatusCode: r.code,
          lastError: r.error,
          deliveredAt: r.status === 'delivered' ? last : null,
        };
      }),
    );
  });
};
