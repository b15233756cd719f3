import { deleteSession } from '@tandem/db';
import type { AppContext, Auth } from '../../context';

export async function logOut(ctx: AppContext, auth: Auth) {
  await deleteSession(ctx.db, auth.sessionId);
}
