import { listPulseQuestions, pulseTotals, type Executor, type PulseRow } from '@tandem/db';
import type { TPulse, TPulseStatus } from '@tandem/contracts';

/** A pulse whose close date has passed is closed, whether or not anyone pressed close. */
export function effectiveStatus(p: PulseRow, now: Date): TPulseStatus {
  if (p.status === 'open' && p.closesAt && p.closesAt <= now) return 'closed';
  return p.status;
}

/** True when respondents may answer now. */
export function acceptsResponses(p: PulseRow, now: Date): boolean {
  return effectiveStatus(p, now) === 'open' && (!p.opensAt || p.opensAt <= now);
}

/** The live-count rule: how many answered in total is shown only once it reaches k. */
export function visibleRespondents(p: PulseRow, responded: number): number | null {
  return responded >= p.minGroupSize ? responded : null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Maps rows to the wire shape; the respondent count appears only once it reaches k. */
export async function toPulses(x: Executor, orgId: string, rows: PulseRow[], now: Date): Promise<TPulse[]> {
  const ids = rows.map((r) => r.id);
  const questions = await listPulseQuestions(x, orgId, ids);
  const totals = await pulseTotals(x, orgId, ids);
  return rows.map((p) => {
    const t = totals.get(p.id) ?? { invited: 0, responded: 0 };
    return {
      id: p.id,
      title: p.title,
      status: effectiveStatus(p, now),
      published: p.publishedAt !== null,
      audience: p.audience,
      minGroupSize: p.minGroupSize,
      minCommentGroupSize: p.minCommentGroupSize,
      anonymityFrozen: t.responded > 0,
      opensAt: iso(p.opensAt),
      closesAt: iso(p.closesAt),
      openedAt: iso(p.openedAt),
      closedAt: iso(p.closedAt ?? (effectiveStatus(p, now) === 'closed' ? p.closesAt : null)),
      createdAt: p.createdAt.toISOString(),
      questions: questions.filter((q) => q.pulseId === p.id).map((q) => ({ id: q.id, text: q.text })),
      invited: t.invited,
      respondents: visibleRespondents(p, t.responded),
    };
  });
}
