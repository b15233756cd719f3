import { importOrganisation, insertAudit } from '@tandem/db';
import type { OrgExport, OrgImportResult } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';

class Rollback extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/**
 * Takes an export into the current organisation, which must be empty, in one transaction: any
 * problem leaves nothing written (decision 111).
 */
export async function importOrg(ctx: AppContext, auth: OrgAuth, doc: OrgExport): Promise<OrgImportResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const r = await importOrganisation(tx, auth.orgId, auth.userId, doc);
      if ('code' in r && typeof r.code === 'string') {
        const p = r as { code: 'not_empty'; table: string } | { code: 'invalid'; message: string };
        throw new Rollback(
          p.code === 'not_empty'
            ? new AppError('conflict', `Import only into an empty organisation: this one already has ${p.table.replace(/_/g, ' ')}`)
            : new AppError('validation', p.message),
        );
      }
      const imported = r as Record<string, number>;
      await insertAudit(tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'organisation.imported', target: null, details: { from: doc.organisation.name, rows: imported }, at: ctx.now() });
      return { imported };
    });
  } catch (e) {
    if (e instanceof Rollback) throw e.error;
    // A row the database refuses (a wrong type, a broken check) is the document's fault.
    const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (typeof code === 'string' && /^(22|23)/.test(code)) {
      throw new AppError('validation', `The document has a row the database refuses: ${((e as { cause?: Error }).cause ?? (e as Error)).message}`);
    }
    throw e;
  }
}
