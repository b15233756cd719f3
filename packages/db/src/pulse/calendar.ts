import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client';

/**
 * The deadlines of the pulses a person is in the audience of, for their calendar feed: open or
 * closed pulses (never drafts) whose deadline (closed at, else closes at) is `since` or later, and
 * where the person either holds an invitation or, while active, matches the pulse's audience rule.
 *
 * Anonymity (decision 126): this reads whether an invitation exists, never whether it was used,
 * so the feed is the same before and after the person answers; it carries no answer, no count.
 */
export async function pulseDeadlinesOf(x: Executor, orgId: string, personId: string, since: Date) {
  const rows = await queryRows<{ id: string; title: string; deadline: string | Date }>(
    x,
    sql`select p.id, p.title, coalesce(p.closed_at, p.closes_at) as deadline
        from pulses p
        join people pe on pe.org_id = p.org_id and pe.id = ${personId}
        where p.org_id = ${orgId}
          and p.status in ('open', 'closed')
          and coalesce(p.closed_at, p.closes_at) >= ${since.toISOString()}::timestamptz
          and (
            exists (select 1 from pulse_invitations i where i.org_id = p.org_id and i.pulse_id = p.id and i.person_id = pe.id)
            or (pe.active
                and (p.audience->>'side' is null or p.audience->>'side' = pe.side)
                and (p.audience->>'level' is null or p.audience->>'level' = pe.level)
                and (p.audience->>'department' is null or lower(p.audience->>'department') = lower(pe.department))
                and (p.audience->>'location' is null or lower(p.audience->>'location') = lower(pe.location)))
          )
        order by deadline, p.id
        limit 500`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, deadline: new Date(r.deadline) }));
}
