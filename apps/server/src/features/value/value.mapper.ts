import type { BenefitWithRecorder, OpportunityRow } from '@tandem/db';
import type { TBenefit, TOpportunity } from '@tandem/contracts';

export function toBenefit(r: BenefitWithRecorder): TBenefit {
  return {
    id: r.id,
    initiativeId: r.initiativeId,
    kind: r.kind,
    period: `${r.year}-Q${r.quarter}`,
    planned: r.planned,
    realised: r.realised,
    evidence: r.evidence,
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: r.recorderName ?? '' } : null,
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function toOpportunity(r: OpportunityRow): TOpportunity {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    source: r.source,
    proposedBy: r.proposedBy,
    estimatedValue: r.estimatedValue,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A keyset cursor of (timestamp, id) back to its parts. */
export function afterOf(key: Array<string | number> | null): { at: Date; id: string } | undefined {
  if (!key) return undefined;
  const at = new Date(String(key[0]));
  if (Number.isNaN(at.getTime())) return undefined;
  return { at, id: String(key[1]) };
}
