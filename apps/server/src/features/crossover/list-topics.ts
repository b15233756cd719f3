import { agenda, discussedTopics } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { decodeCursor, encodeCursor } from '../../lib/paging';
import { toTopic } from './open-mic.mapper';

/**
 * The agenda: open topics (not discussed, not expired) by votes, oldest first on ties; or the
 * discussed topics with their outcomes. Offset cursors: a vote moves topics, so no key is stable.
 */
export async function listTopics(ctx: AppContext, auth: OrgAuth, q: { limit: number; cursor?: string | undefined; status: 'open' | 'discussed' }) {
  const offset = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : 0;
  const rows = q.status === 'open' ? await agenda(ctx.db, auth.orgId, ctx.now(), q.limit, offset) : await discussedTopics(ctx.db, auth.orgId, q.limit, offset);
  return {
    items: rows.slice(0, q.limit).map((r) => toTopic(r.topic, Number(r.votes), r.author)),
    nextCursor: rows.length > q.limit ? encodeCursor([offset + q.limit]) : null,
  };
}
