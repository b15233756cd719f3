import { decidePulseVisibility, DISCLOSURE_RULE_VERSION, type CellKey, type PulseResultsInput } from '@tandem/core';
import { countAnswerCells, countInvitedCells, countIssuedInvitations, findPulseDisclosures, listPulseQuestions, savePulseDisclosure, type Executor, type PulseRow } from '@tandem/db';

type AuditInput = Pick<PulseResultsInput, 'questions' | 'invited' | 'answers' | 'minGroupSize' | 'unlinked'>;

const cellKey = (r: { side: string; level: string; department: string; location: string }): CellKey => ({
  side: r.side,
  level: r.level,
  department: r.department,
  location: r.location,
});

/** The input of the audit and of the results: invitations and answers per finest cell, and the unlinked links (aggregate queries). */
export async function loadAuditInput(x: Executor, p: PulseRow): Promise<AuditInput & { questions: { id: string; text: string }[]; unlinked: number }> {
  const [questions, invited, answers, issued] = await Promise.all([
    listPulseQuestions(x, p.orgId, [p.id]),
    countInvitedCells(x, p.orgId, p.id),
    countAnswerCells(x, p.orgId, p.id),
    countIssuedInvitations(x, p.orgId, p.id),
  ]);
  return {
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    invited: invited.map((c) => ({ key: cellKey(c), count: c.n })),
    answers: answers.filter((a) => questions[a.position]).map((a) => ({ questionId: questions[a.position]!.id, key: cellKey(a), value: a.value, count: a.n })),
    minGroupSize: p.minGroupSize,
    // An unlinked respondent may have stated any cell: each cell's known bound widens by this many (decision 024).
    unlinked: issued.unlinked,
  };
}

/**
 * The audited visible set of a closed pulse (decision 023). Its data never changes, so the
 * decision is made once, on the first read after close, and stored: every instance, every view
 * (any `by`, the CSV, the print view, the trend, the pulse list) then reads the same set.
 */
export async function auditedVisibleSet(x: Executor, p: PulseRow, given?: AuditInput): Promise<Set<string>> {
  const stored = (await findPulseDisclosures(x, p.orgId, [p.id], DISCLOSURE_RULE_VERSION)).get(p.id);
  // With the data at hand, a stored set decided on another total is decided again (defence in depth:
  // responses cannot land after close, but a set must never be applied to data it was not decided on).
  if (stored && (!given || stored.respondents === respondentsOf(given))) return new Set(stored.visible);
  const input = given ?? (await loadAuditInput(x, p));
  const visible = decidePulseVisibility(input);
  await savePulseDisclosure(x, p.orgId, p.id, DISCLOSURE_RULE_VERSION, respondentsOf(input), visible);
  return new Set(visible);
}

/** Everyone who answered: the answers to the first question (every respondent answers every question). */
function respondentsOf(input: AuditInput): number {
  const first = input.questions[0]?.id;
  return input.answers.reduce((s, a) => s + (a.questionId === first ? a.count : 0), 0);
}

/** The audited visible sets of several closed pulses: one read for the stored ones, a decision for the rest. */
export async function auditedVisibleSets(x: Executor, orgId: string, closed: PulseRow[]): Promise<Map<string, Set<string>>> {
  const stored = await findPulseDisclosures(x, orgId, closed.map((p) => p.id), DISCLOSURE_RULE_VERSION);
  const out = new Map<string, Set<string>>();
  for (const p of closed) {
    const s = stored.get(p.id);
    out.set(p.id, s ? new Set(s.visible) : await auditedVisibleSet(x, p));
  }
  return out;
}
