import { countVotes, findTopic, markDiscussed } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { recordCrossoverAudit } from './audit';
import { toTopic } from './open-mic.mapper';

/** The host marks a topic discussed with a one-line outcome (leaders and admins host). */
export async function markTopicDiscussed(ctx: AppContext, auth: OrgAuth, topicId: string, outcome: string) {
  return ctx.db.transaction(async (tx) => {
    if (!(await findTopic(tx, auth.orgId, topicId))) throw notFound('Topic');
    const row = (await markDiscussed(tx, auth.orgId, topicId, outcome, ctx.now()))!;
    await recordCrossoverAudit(ctx, tx, auth, 'open_mic.topic_discussed', topicId, { outcome });
    return toTopic(row, await countVotes(tx, topicId), null);
  });
}
