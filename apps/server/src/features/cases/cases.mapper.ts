import type { CaseListRow, CaseRow, CaseVersionWithItems } from '@tandem/db';
import type { TCase, TCaseSummary, TCaseLine, TControl } from '@tandem/contracts';
import type { CaseInputs } from './compute-results';

export function versionLines(v: CaseVersionWithItems): TCaseLine[] {
  return v.lines.map((l) => ({ label: l.label, type: l.type, year: l.year, low: l.low, likely: l.likely, high: l.high }));
}

export function versionControls(v: CaseVersionWithItems): TControl[] {
  return v.controls.map((c) => ({ label: c.label, costPerYear: c.costPerYear, frequencyReduction: c.frequencyReduction, magnitudeReduction: c.magnitudeReduction }));
}

/** The maths inputs stored in a version. */
export function versionInputs(kind: 'business' | 'security', v: CaseVersionWithItems): CaseInputs {
  if (kind === 'business') {
    return { kind, discountRate: v.discountRate ?? 0, years: v.years ?? 1, lines: versionLines(v), seed: v.seed, iterations: v.iterations };
  }
  return {
    kind,
    frequency: { low: v.frequencyLow ?? 0, likely: v.frequencyLikely ?? 0, high: v.frequencyHigh ?? 0 },
    magnitude: { low: v.magnitudeLow ?? 1, high: v.magnitudeHigh ?? 2 },
    controls: versionControls(v),
    seed: v.seed,
    iterations: v.iterations,
  };
}

export function toCase(row: CaseRow, v: CaseVersionWithItems, links: { id: string; title: string; goals: { id: string; title: string }[] } | null): TCase {
  const security = row.kind === 'security';
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    version: row.version,
    currency: row.currency,
    initiative: links ? { id: links.id, title: links.title } : null,
    goals: links?.goals ?? [],
    ownerId: row.ownerId,
    seed: v.seed,
    iterations: v.iterations,
    question: v.question,
    recommendation: v.recommendation,
    assumptions: v.assumptions,
    discountRate: security ? null : v.discountRate,
    years: security ? null : v.years,
    lines: versionLines(v),
    asset: v.asset,
    threat: v.threat,
    frequency: security ? { low: v.frequencyLow ?? 0, likely: v.frequencyLikely ?? 0, high: v.frequencyHigh ?? 0 } : null,
    magnitude: security ? { low: v.magnitudeLow ?? 0, high: v.magnitudeHigh ?? 0 } : null,
    controls: versionControls(v),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSummary(r: CaseListRow): TCaseSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    version: r.version,
    currency: r.currency,
    initiative: r.initiativeId && r.initiativeTitle !== null ? { id: r.initiativeId, title: r.initiativeTitle } : null,
    npvP50: r.npvP50,
    probabilityPositive: r.probabilityPositive,
    aleBefore: r.aleBefore,
    aleAfter: r.aleAfter,
    rosi: r.rosi,
    updatedAt: r.updatedAt.toISOString(),
  };
}
