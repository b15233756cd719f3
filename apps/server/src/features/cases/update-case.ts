import { insertCaseVersion, updateCaseHead } from '@tandem/db';
import { lineIssues, scenarioIssues, type TCase, type TUpdateCaseRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError } from '../../lib/errors';
import { recordCaseAudit } from './audit';
import { toCase } from './cases.mapper';
import { checkCaseLinks } from './check-links';
import { computeResults, headline } from './compute-results';
import { loadCase, loadLinks } from './load-case';

function fail(issues: { path: (string | number)[]; message: string }[]) {
  if (issues.length === 0) return;
  const details = issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
  throw new AppError('validation', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);
}

/**
 * Saves an edit as a new version: the given fields replace the current ones, the rest carry over,
 * and the results are recomputed and kept beside the old version's. Fields of the other kind are
 * refused. The case's seed carries over unless a new one is given, so a change in the numbers
 * comes from the change in the inputs, not from new random draws.
 */
export async function updateCase(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateCaseRequest): Promise<TCase> {
  return ctx.db.transaction(async (tx) => {
    const { row, version: cur } = await loadCase(tx, auth.orgId, id);
    const wrong = row.kind === 'business' ? (['asset', 'threat', 'frequency', 'magnitude', 'controls'] as const) : (['discountRate', 'years', 'lines'] as const);
    const given = wrong.filter((k) => input[k] !== undefined);
    if (given.length) fail(given.map((k) => ({ path: [k], message: `not a field of a ${row.kind} case` })));
    await checkCaseLinks(tx, auth.orgId, input);
    const seed = input.seed ?? cur.seed;
    const iterations = input.iterations ?? cur.iterations;
    const title = input.title ?? row.title;
    const now = ctx.now();
    const text = {
      question: input.question ?? cur.question,
      recommendation: input.recommendation ?? cur.recommendation,
      assumptions: input.assumptions ?? cur.assumptions,
    };
    const next = row.version + 1;
    let results;
    if (row.kind === 'business') {
      const years = input.years ?? cur.years ?? 1;
      const lines = input.lines ?? cur.lines.map((l) => ({ label: l.label, type: l.type, year: l.year, low: l.low, likely: l.likely, high: l.high }));
      const discountRate = input.discountRate ?? cur.discountRate ?? 0;
      fail(lineIssues(lines, years));
      results = computeResults({ kind: 'business', discountRate, years, lines, seed, iterations });
      await insertCaseVersion(
        tx,
        { orgId: auth.orgId, caseId: id, version: next, title, note: input.note ?? '', ...text, seed, iterations, discountRate, years, results, createdBy: auth.userId, createdAt: now },
        lines,
        [],
      );
    } else {
      const frequency = input.frequency ?? { low: cur.frequencyLow ?? 0, likely: cur.frequencyLikely ?? 0, high: cur.frequencyHigh ?? 0 };
      const magnitude = input.magnitude ?? { low: cur.magnitudeLow ?? 0, high: cur.magnitudeHigh ?? 0 };
      const controls = input.controls ?? cur.controls.map((c) => ({ label: c.label, costPerYear: c.costPerYear, frequencyReduction: c.frequencyReduction, magnitudeReduction: c.magnitudeReduction }));
      fail(scenarioIssues(frequency, magnitude));
      results = computeResults({ kind: 'security', frequency, magnitude, controls, seed, iterations });
      await insertCaseVersion(
        tx,
        {
          orgId: auth.orgId,
          caseId: id,
          version: next,
          title,
          note: input.note ?? '',
          ...text,
          seed,
          iterations,
          asset: input.asset ?? cur.asset,
          threat: input.threat ?? cur.threat,
          frequencyLow: frequency.low,
          frequencyLikely: frequency.likely,
          frequencyHigh: frequency.high,
          magnitudeLow: magnitude.low,
          magnitudeHigh: magnitude.high,
          results,
          createdBy: auth.userId,
          createdAt: now,
        },
        [],
        controls,
      );
    }
    await updateCaseHead(tx, auth.orgId, id, {
      title,
      version: next,
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.initiativeId !== undefined ? { initiativeId: input.initiativeId } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      ...headline(results),
      updatedAt: now,
    });
    await recordCaseAudit(ctx, tx, auth, 'case.updated', id, { version: next, note: input.note ?? '' });
    const fresh = await loadCase(tx, auth.orgId, id);
    return toCase(fresh.row, fresh.version, await loadLinks(tx, auth.orgId, fresh.row));
  });
}
