import { insertMembership, insertOrganisation, setSessionOrg } from '@tandem/db';
import type { TOrganisationInput } from '@tandem/contracts';
import type { AppContext, Auth } from '../../context';
import { recordAudit } from './record-audit';
import { endCachedSessions } from '../../lib/session-cache';

/** Creates an organisation owned by the caller and makes it the session's current one. */
export async function createOrganisation(ctx: AppContext, auth: Auth, input: TOrganisationInput) {
  const created = await ctx.db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, input);
    await insertMembership(tx, { orgId: org.id, userId: auth.userId, role: 'owner' });
    await setSessionOrg(tx, auth.sessionId, org.id);
    await recordAudit(ctx, tx, { orgId: org.id, actorUserId: auth.userId, action: 'org.created', target: org.name });
    return { id: org.id, name: org.name, currency: org.currency, role: 'owner' as const };
  });
  // The session now acts in the new organisation, on every instance.
  await endCachedSessions(ctx, { sessionId: auth.sessionId });
  return created;
}
