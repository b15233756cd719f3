import { findPerson, findPersonOfUser, peopleOfOrg, type Executor } from '@tandem/db';
import type { OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';

/**
 * The person a request acts for (decision 070): without `personId`, the caller's own linked
 * person; with it, a member may only name themselves, leaders and admins may name anyone of the
 * organisation. A person of another organisation is refused as an unknown one would be.
 */
export async function actingPerson(x: Executor, auth: OrgAuth, personId: string | undefined, field = 'personId') {
  const own = await findPersonOfUser(x, auth.orgId, auth.userId);
  if (personId === undefined) {
    if (!own) throw new AppError('validation', `${field} is required: your account is not linked to a person of this organisation`, [{ path: `body.${field}` }]);
    return mustFind(x, auth.orgId, own.id, field);
  }
  if (own?.id !== personId && !hasRole(auth.role, 'leader')) {
    throw new AppError('forbidden', `${field} must be your own person: only leaders and admins act for someone else`);
  }
  return mustFind(x, auth.orgId, personId, field);
}

async function mustFind(x: Executor, orgId: string, id: string, field: string) {
  const p = await findPerson(x, orgId, id);
  if (!p) throw new AppError('validation', `${field} "${id}" is not a person of this organisation`, [{ path: `body.${field}`, value: id }]);
  return p;
}

/** All of `ids` as people of the organisation, or a 400 naming the first that is not. */
export async function requirePeople(x: Executor, orgId: string, ids: readonly string[], field: string) {
  const unique = [...new Set(ids)];
  const rows = await peopleOfOrg(x, orgId, unique);
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('validation', `${field} contains "${missing[0]}", which is not a person of this organisation`, [{ path: `body.${field}`, missing }]);
  return rows;
}

