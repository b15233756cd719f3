import { findUserById, listUserOrganisations } from '@tandem/db';
import type { TMeResponse } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';

export async function getMe(ctx: AppContext, userId: string, orgId: string | null): Promise<TMeResponse> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  const organisations = await listUserOrganisations(ctx.db, user.id);
  const current = organisations.find((o) => o.id === orgId) ?? null;
  return { user: { id: user.id, name: user.name, email: user.email }, organisations, current };
}
