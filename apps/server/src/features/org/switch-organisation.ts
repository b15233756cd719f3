import { findMembership, findOrganisation, setSessionOrg } from '@tandem/db';
import type { AppContext, Auth } from '../../context';
import { notFound } from '../../lib/errors';
import { endCachedSessions } from '../../lib/session-cache';

export async function switchOrganisation(ctx: AppContext, auth: Auth, orgId: string) {
  const m = await findMembership(ctx.db, orgId, auth.userId);
  const org = m ? await findOrganisation(ctx.db, orgId) : null;
  if (!m || !org) throw notFound('Organisation');
  await setSessionOrg(ctx.db, auth.sessionId, orgId);
  await endCachedSessions(ctx, { sessionId: auth.sessionId });
  return { id: org.id, name: org.name, currency: org.currency, role: m.role };
}
