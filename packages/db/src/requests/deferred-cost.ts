import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { webhookEventKeys } from '../schema/integrations';
import { organisations } from '../schema/org';
import { deferredNeeds } from '../schema/requests';

/**
 * Deferred needs of every organisation not yet announced as past their cost for their current
 * deferral (no `webhook_event_keys` row `deferred_need.cost_passed:<id>:<deferred on>`, the key
 * `emitEventOnce` writes), at most `limit`, oldest deferral first. A need whose impact is not above
 * its cost never passes it (exposure ≤ impact) and is left out. The caller computes the exposure
 * (pure maths in core) and announces the ones that passed; each row carries its organisation's
 * currency, the unit of the need's amounts.
 */
export async function deferredNeedsNotYetPastCost(x: Executor, limit: number) {
  return x
    .select({
      id: deferredNeeds.id,
      orgId: deferredNeeds.orgId,
      title: deferredNeeds.title,
      costNow: deferredNeeds.costNow,
      annualFailureProbability: deferredNeeds.annualFailureProbability,
      impact: deferredNeeds.impact,
      deferredOn: deferredNeeds.deferredOn,
      currency: organisations.currency,
    })
    .from(deferredNeeds)
    .innerJoin(organisations, eq(organisations.id, deferredNeeds.orgId))
    .where(
      and(
        isNotNull(deferredNeeds.deferredOn),
        sql`${deferredNeeds.impact} > ${deferredNeeds.costNow}`,
        sql`not exists (select 1 from ${webhookEventKeys} k where k.org_id = ${deferredNeeds.orgId}
              and k.key = 'deferred_need.cost_passed:' || ${deferredNeeds.id}::text || ':' || ${deferredNeeds.deferredOn}::text)`,
      ),
    )
    .orderBy(asc(deferredNeeds.deferredOn), asc(deferredNeeds.id))
    .limit(limit);
}
