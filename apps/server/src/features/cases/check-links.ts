import { existingStrategyIds, type Executor } from '@tandem/db';
import { AppError } from '../../lib/errors';

/** Links must point into the caller's organisation; anything else is a 400 naming the field. */
export async function checkCaseLinks(x: Executor, orgId: string, v: { initiativeId?: string | null; ownerId?: string | null }) {
  if (v.initiativeId) {
    const found = await existingStrategyIds(x, orgId, 'initiative', [v.initiativeId]);
    if (!found.has(v.initiativeId)) throw new AppError('validation', 'Invalid body.initiativeId: no such initiative in this organisation', [{ path: 'body.initiativeId', message: 'not found in this organisation' }]);
  }
  if (v.ownerId) {
    const found = await existingStrategyIds(x, orgId, 'person', [v.ownerId]);
    if (!found.has(v.ownerId)) throw new AppError('validation', 'Invalid body.ownerId: no such person in this organisation', [{ path: 'body.ownerId', message: 'not found in this organisation' }]);
  }
}
