import type { AppContext, OrgAuth } from '../../context';
import { recordCaseAudit } from './audit';
import { buildOnePager, renderHtml, renderPdf } from './one-pager';
import { getCase, getCaseResults } from './get-case';

/** The one-page PDF for a CFO; the export is audited (who printed which case). */
export async function exportOnePagerPdf(ctx: AppContext, auth: OrgAuth, id: string): Promise<{ pdf: Buffer; title: string }> {
  const [c, r] = await Promise.all([getCase(ctx, auth, id), getCaseResults(ctx, auth, id)]);
  const pdf = await renderPdf(buildOnePager(c, r, ctx.now()));
  await recordCaseAudit(ctx, ctx.db, auth, 'case.exported', id, { format: 'pdf', version: c.version });
  return { pdf, title: c.title };
}

/** The same page as HTML, for reading on screen (a read: nothing is written). */
export async function onePagerHtml(ctx: AppContext, auth: OrgAuth, id: string): Promise<string> {
  const [c, r] = await Promise.all([getCase(ctx, auth, id), getCaseResults(ctx, auth, id)]);
  return renderHtml(buildOnePager(c, r, ctx.now()));
}
