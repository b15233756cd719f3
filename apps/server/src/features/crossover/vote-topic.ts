import { findTopic, insertTopicVote } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { actingPerson } from './access';

/** One vote per person per topic: the primary key refuses a second one (409). Closed topics take no votes. */
export async function voteTopic(ctx: AppContext, auth: OrgAuth, topicId: string, input: { personId?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const t = await findTopic(tx, auth.orgId, topicId);
    if (!t) throw notFound('Topic');
    if (t.discussedAt || t.expiresAt <= ctx.now()) throw new AppError('conflict', 'This topic is closed (discussed or expired) and takes no more votes');
    const person = await actingPerson(tx, auth, input.personId);
    if (!(await insertTopicVote(tx, auth.orgId, topicId, person.id))) throw new AppError('conflict', `${person.name} already voted for this topic`);
    return { ok: true as const };
  });
}
