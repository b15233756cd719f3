import { deleteSession } from '@tandem/db';
import type { AppContext, Auth } from '../../context';
import { endCachedSessions } from '../../lib/session-cache';

export async function logOut(ctx: AppContext, auth: Auth) {
  await deleteSession(ctx.db, auth.sessionId);
  await endCachedSessions(ctx, { sessionId: auth.sessionId });
}
