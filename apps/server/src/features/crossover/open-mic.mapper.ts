import type { TTopic } from '@tandem/contracts';
import type { OpenMicTopicRow } from '@tandem/db';

/** Days an open-mic topic stays on the queue (rolling over from session to session) before it expires. */
export const TOPIC_DAYS = 14;

export const toTopic = (t: OpenMicTopicRow, votes: number, author: string | null): TTopic => ({
  id: t.id,
  title: t.title,
  personId: t.personId,
  author,
  votes,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  discussedAt: t.discussedAt?.toISOString() ?? null,
  outcome: t.outcome,
});
