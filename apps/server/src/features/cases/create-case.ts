import { randomInt } from 'node:crypto';
import { DEFAULT_ITERATIONS } from '@tandem/core';
import { findOrganisation, insertCase, insertCaseVersion } from '@tandem/db';
import type { TCreateCaseRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { recordCaseAudit } from './audit';
import { checkCaseLinks } from './check-links';
import { computeResults, headline, type CaseInputs } from './compute-results';

/** A seed for a case that was not given one; stored with the case so every run repeats it. */
export const newSeed = () => randomInt(0, 2_147_483_647);

/** Creates a case with its first version; the results are computed once and kept with the version. */
export async function createCase(ctx: AppContext, auth: OrgAuth, input: TCreateCaseRequest): Promise<{ id: string }> {
  const seed = input.seed ?? newSeed();
  const iterations = input.iterations ?? DEFAULT_ITERATIONS;
  const inputs: CaseInputs =
    input.kind === 'business'
      ? { kind: 'business', discountRate: input.discountRate, years: input.years, lines: input.lines, seed, iterations }
      : { kind: 'security', frequency: input.frequency, magnitude: input.magnitude, controls: input.controls, seed, iterations };
  const results = computeResults(inputs);
  return ctx.db.transaction(async (tx) => {
    await checkCaseLinks(tx, auth.orgId, input);
    const org = await findOrganisation(tx, auth.orgId);
    const now = ctx.now();
    const row = await insertCase(tx, {
      orgId: auth.orgId,
      kind: input.kind,
      title: input.title,
      currency: input.currency ?? org?.currency ?? 'EUR',
      initiativeId: input.initiativeId ?? null,
      ownerId: input.ownerId ?? null,
      version: 1,
      ...headline(results),
      createdBy: auth.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertCaseVersion(
      tx,
      {
        orgId: auth.orgId,
        caseId: row.id,
        version: 1,
        title: input.title,
        note: 'First version',
        question: input.question ?? '',
        recommendation: input.recommendation ?? '',
        assumptions: input.assumptions ?? '',
        seed,
        iterations,
        ...(input.kind === 'business'
          ? { discountRate: input.discountRate, years: input.years }
          : {
              asset: input.asset ?? '',
              threat: input.threat ?? '',
              frequencyLow: input.frequency.low,
              frequencyLikely: input.frequency.likely,
              frequencyHigh: input.frequency.high,
              magnitudeLow: input.magnitude.low,
              magnitudeHigh: input.magnitude.high,
            }),
        results,
        createdBy: auth.userId,
        createdAt: now,
      },
      input.kind === 'business' ? input.lines : [],
      input.kind === 'security' ? input.controls : [],
    );
    await recordCaseAudit(ctx, tx, auth, 'case.created', row.id, { kind: input.kind, title: input.title });
    return { id: row.id };
  });
}
