import { findPersonOfUser, insertTopic } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { actingPerson } from './access';
import { TOPIC_DAYS } from './open-mic.mapper';

/** Anyone posts a topic for the daily open mic; it rolls over until discussed or TOPIC_DAYS old. */
export async function postTopic(ctx: AppContext, auth: OrgAuth, input: { title: string; personId?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    // Without personId and without a linked person the topic is posted without a name.
    const personId = input.personId !== undefined || (await findPersonOfUser(tx, auth.orgId, auth.userId)) ? (await actingPerson(tx, auth, input.personId)).id : null;
    const now = ctx.now();
    const row = await insertTopic(tx, auth.orgId, { title: input.title, personId, createdAt: now, expiresAt: new Date(now.getTime() + TOPIC_DAYS * 86_400_000) });
    return { id: row.id };
  });
}
