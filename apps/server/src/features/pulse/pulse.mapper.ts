import { listPulseQuestions, pulseTotals, type Executor, type PulseRow } from '@tandem/db';
import type { TPulse, TPulseStatus } from '@tandem/contracts';
import { auditedVisibleSets } from './decide-disclosure';

/** A pulse whose close date has passed is closed, whether or not anyone pressed close. */
export function effectiveStatus(p: PulseRow, now: Date): TPulseStatus {
  if (p.status === 'open' && p.closesAt && p.closesAt <= now) return 'closed';
  return p.status;
}

/** True when respondents may answer now. */
export function acceptsResponses(p: PulseRow, now: Date): boolean {
  return effectiveStatus(p, now) === 'open' && (!p.opensAt || p.opensAt <= now);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Maps rows to the wire shape. The respondent count appears only for a closed pulse whose audited
 * visible set shows everyone (decision 023); while a pulse is open no count is shown at all.
 */
export async function toPulses(x: Executor, orgId: string, rows: PulseRow[], now: Date): Promise<TPulse[]> {
  const ids = rows.map((r) => r.id);
  const questions = await listPulseQuestions(x, orgId, ids);
  const totals = await pulseTotals(x, orgId, ids);
  const audited = await auditedVisibleSets(x, orgId, rows.filter((p) => effectiveStatus(p, now) === 'closed'));
  return rows.map((p) => {
    const t = totals.get(p.id) ?? { invited: 0, responded: 0 };
    return {
      id: p.id,
      title: p.title,
      status: effectiveStatus(p, now),
      published: p.publishedAt !== null,
      archived: p.archivedAt !== null,
      inTrend: p.inTrend,
      audience: p.audience,
      minGroupSize: p.minGroupSize,
      minCommentGroupSize: p.minCommentGroupSize,
      // Frozen from the opening on, whether or not anyone answered: tying it to the first response
      // would tell that someone answered while the count is below k (issue 18).
      anonymityFrozen: effectiveStatus(p, now) !== 'draft',
      opensAt: iso(p.opensAt),
      closesAt: iso(p.closesAt),
      openedAt: iso(p.openedAt),
      closedAt: iso(p.closedAt ?? (effectiveStatus(p, now) === 'closed' ? p.closesAt : null)),
      createdAt: p.createdAt.toISOString(),
      questions: questions.filter((q) => q.pulseId === p.id).map((q) => ({ id: q.id, text: q.text })),
      repeat: p.repeatEvery ? { every: p.repeatEvery, autoOpen: p.repeatAutoOpen } : null,
      previousPulseId: p.previousPulseId,
      invited: t.invited,
      respondents: audited.get(p.id)?.has('') ? t.responded : null,
    };
  });
}
