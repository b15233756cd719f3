import { existingLinkIds, peopleBrief, personOfUser, type Executor, type LinkKind, type PersonBrief } from '@tandem/db';
import type { TEventsMe } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';

export function badField(field: string, message: string): AppError {
  return new AppError('validation', `${field}: ${message}`, [{ path: `body.${field}`, message }]);
}

/**
 * The person a call acts as (decision 082): leaders, admins and owners may record for any person
 * of the organisation (a facilitator entering votes or check-ins); a member acts only as the person
 * linked to their account. A person of another organisation is a 400, as a random id would be.
 */
export async function actingPerson(x: Executor, auth: OrgAuth, personId: string, field = 'personId'): Promise<PersonBrief> {
  const [p] = await peopleBrief(x, auth.orgId, [personId]);
  if (!p) throw badField(field, 'no such person in this organisation');
  if (!hasRole(auth.role, 'leader')) {
    const own = await personOfUser(x, auth.orgId, auth.userId);
    if (own !== personId) throw new AppError('forbidden', own ? 'A member acts only as their own person' : 'Your account is not linked to a person of this organisation; ask an admin to link it');
  }
  return p;
}

/** Every person id must be a person of this organisation; 400 naming the field otherwise. */
export async function checkPeopleIds(x: Executor, orgId: string, field: string, ids: string[]): Promise<PersonBrief[]> {
  const found = await peopleBrief(x, orgId, ids);
  const known = new Set(found.map((p) => p.id));
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length) throw badField(field, `${missing.length === 1 ? `"${missing[0]}" is not a person` : `${missing.length} ids are not people`} of this organisation`);
  return found;
}

/** A link (goal, initiative, enabler, request) must be an item of this organisation. */
export async function checkLink(x: Executor, orgId: string, field: string, kind: LinkKind, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await existingLinkIds(x, orgId, kind, [id]);
  if (!found.has(id)) throw badField(field, `no such ${kind} in this organisation`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list cursor's key (a day or instant, then an id), checked so that a forged cursor is a 400, never a database error. */
export function checkCursorKey(key: [string, string], kind: 'day' | 'instant'): [string, string] {
  const okFirst = kind === 'day' ? /^\d{4}-\d{2}-\d{2}$/.test(key[0]) && !Number.isNaN(Date.parse(`${key[0]}T00:00:00Z`)) : /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(key[0]) && !Number.isNaN(Date.parse(key[0]));
  if (!okFirst || !UUID.test(key[1])) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  return key;
}

/** Who the signed-in account acts as in events, so that the pages can say "as you" or offer a person picker. */
export async function eventsMe(ctx: AppContext, auth: OrgAuth): Promise<TEventsMe> {
  const own = await personOfUser(ctx.db, auth.orgId, auth.userId);
  const [p] = own ? await peopleBrief(ctx.db, auth.orgId, [own]) : [];
  return { personId: p?.id ?? null, name: p?.name ?? null, side: p?.side ?? null, actsForOthers: hasRole(auth.role, 'leader') };
}
