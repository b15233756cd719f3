import { findPerson, findPersonByEmail, insertPeople, listPeoplePage, managerChain, updatePerson, type Executor } from '@tandem/db';
import type { TCreatePersonRequest, TPeopleList, TPerson, TUpdatePersonRequest } from '@tandem/contracts';
import { ZCreatePersonRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { recordAudit } from './record-audit';
import { toPerson } from './people.mapper';

/** A page of the directory by name (the paged-list contract); the cursor is the last (name, id). */
export async function listOrgPeople(ctx: AppContext, auth: OrgAuth, q: { includeInactive: boolean; limit: number; cursor?: string | undefined }): Promise<TPeopleList> {
  const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  if (after && !/^[0-9a-f-]{36}$/i.test(after[1])) throw new AppError('validation', 'cursor must be a nextCursor returned by this endpoint');
  const rows = await listPeoplePage(ctx.db, auth.orgId, q.includeInactive, q.limit, after);
  return pageOf(rows, q.limit, (r) => [r.name, r.id], toPerson);
}

export async function getOrgPerson(ctx: AppContext, auth: OrgAuth, id: string): Promise<TPerson> {
  const p = await findPerson(ctx.db, auth.orgId, id);
  if (!p) throw notFound('Person');
  return toPerson(p);
}

/** A manager must be another person of the same organisation, and no chain of managers may loop. */
async function checkManager(x: Executor, orgId: string, personId: string | null, managerId: string | null | undefined) {
  if (!managerId) return;
  if (managerId === personId) throw new AppError('validation', 'A person cannot be their own manager', [{ path: 'body.managerId', message: 'self' }]);
  const manager = await findPerson(x, orgId, managerId);
  if (!manager) throw new AppError('validation', 'managerId: no such person in this organisation', [{ path: 'body.managerId', message: 'unknown person' }]);
  if (personId && (await managerChain(x, orgId, managerId)).includes(personId)) {
    throw new AppError('validation', 'managerId: this would make a loop of managers', [{ path: 'body.managerId', message: 'cycle' }]);
  }
}

export async function createOrgPerson(ctx: AppContext, auth: OrgAuth, input: TCreatePersonRequest): Promise<TPerson> {
  const v = ZCreatePersonRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    if (await findPersonByEmail(tx, auth.orgId, v.email)) throw new AppError('conflict', `A person with email ${v.email} already exists`);
    await checkManager(tx, auth.orgId, null, v.managerId);
    const [row] = await insertPeople(tx, auth.orgId, [{ ...v, managerId: v.managerId ?? null }]);
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'person.created', target: row!.id });
    return toPerson(row!);
  });
}

export async function updateOrgPerson(ctx: AppContext, auth: OrgAuth, id: string, patch: TUpdatePersonRequest): Promise<TPerson> {
  return ctx.db.transaction(async (tx) => {
    const before = await findPerson(tx, auth.orgId, id);
    if (!before) throw notFound('Person');
    if (patch.email && patch.email.toLowerCase() !== before.email.toLowerCase()) {
      if (await findPersonByEmail(tx, auth.orgId, patch.email)) throw new AppError('conflict', `A person with email ${patch.email} already exists`);
    }
    if (patch.managerId !== undefined) await checkManager(tx, auth.orgId, id, patch.managerId);
    const row = await updatePerson(tx, auth.orgId, id, { ...patch, updatedAt: ctx.now() });
    await recordAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'person.updated', target: id, details: { fields: Object.keys(patch) } });
    return toPerson(row!);
  });
}
