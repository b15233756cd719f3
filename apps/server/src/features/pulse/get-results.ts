import { changeSincePrevious, computePulseResults, DISCLOSURE_RULE_VERSION, SEGMENT_DIMENSIONS, type SegmentDimension } from '@tandem/core';
import { findPreviousClosedPulse, findPulse, findPulseResultMemos, listComments, listPulses, savePulseResultMemo, type Executor, type PulseRow } from '@tandem/db';
import type { TPulseResults, TPulseTrend } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';
import { hasRole } from '../../plugins/auth';
import { auditedVisibleSet, loadAuditInput } from './decide-disclosure';
import { effectiveStatus } from './pulse.mapper';

/** Parses `by=side,level` into dimensions in canonical order (the contract has validated the words). */
export function parseBy(by: string | undefined): SegmentDimension[] {
  const asked = new Set((by ?? '').split(',').filter(Boolean));
  return SEGMENT_DIMENSIONS.filter((d) => asked.has(d));
}

/**
 * Bump when computePulseResults' answer or the shape of TPulseResults changes: every stored memo
 * is then a miss and is computed again (decision 094). The disclosure rule has its own version.
 */
export const PULSE_RESULTS_VERSION = 1;
const MEMO_VERSION = `disclosure-${DISCLOSURE_RULE_VERSION}.results-${PULSE_RESULTS_VERSION}`;
const memoView = (by: SegmentDimension[], withComments: boolean) => `${by.join(',')}${withComments ? '+comments' : ''}`;
/** A memo carries the numbers; the pulse row's own fields are always the row's. */
const fromMemo = (p: PulseRow, memo: unknown): TPulseResults => ({ ...(memo as TPulseResults), pulseId: p.id, title: p.title, status: 'closed' });

/**
 * Results of one pulse from two aggregate queries (invitations and answers per finest cell); all
 * the maths is in core's computePulseResults, and every number it returns passes the pulse's one
 * audited visible set (decision 023), whatever `by` is asked: a refused segment is a suppressed row.
 * A closed pulse's results never change, so each view is computed once and memoised (decision 094).
 */
export async function computeResults(ctx: AppContext, x: Executor, p: PulseRow, by: SegmentDimension[], withComments: boolean): Promise<TPulseResults> {
  if (effectiveStatus(p, ctx.now()) !== 'closed') return computeFresh(ctx, x, p, by, withComments);
  const memo = (await findPulseResultMemos(x, p.orgId, [p.id], memoView(by, withComments), MEMO_VERSION)).get(p.id);
  return memo ? fromMemo(p, memo) : computeAndMemo(ctx, x, p, by, withComments);
}

/** The same view of several closed pulses: one read for the memoised ones, the rest computed (and memoised) concurrently. */
async function computeClosedResults(ctx: AppContext, x: Executor, orgId: string, closed: PulseRow[], by: SegmentDimension[], withComments: boolean): Promise<TPulseResults[]> {
  const memos = await findPulseResultMemos(x, orgId, closed.map((p) => p.id), memoView(by, withComments), MEMO_VERSION);
  return Promise.all(closed.map((p) => (memos.has(p.id) ? fromMemo(p, memos.get(p.id)) : computeAndMemo(ctx, x, p, by, withComments))));
}

async function computeAndMemo(ctx: AppContext, x: Executor, p: PulseRow, by: SegmentDimension[], withComments: boolean): Promise<TPulseResults> {
  const r = await computeFresh(ctx, x, p, by, withComments);
  await savePulseResultMemo(x, p.orgId, p.id, memoView(by, withComments), MEMO_VERSION, r, ctx.now());
  return r;
}

/** Results from the pulse's answers, every time (open pulses, and a closed pulse's first read of a view). */
export async function computeFresh(ctx: AppContext, x: Executor, p: PulseRow, by: SegmentDimension[], withComments: boolean): Promise<TPulseResults> {
  const status = effectiveStatus(p, ctx.now());
  const live = status !== 'closed';
  const [input, comments] = await Promise.all([loadAuditInput(x, p), !live && withComments ? listComments(x, p.orgId, p.id) : Promise.resolve([])]);
  const byQuestion = new Map<string, string[]>();
  for (const c of comments) {
    const q = input.questions[c.position];
    if (q) byQuestion.set(q.id, [...(byQuestion.get(q.id) ?? []), c.comment]);
  }
  const visible = live ? new Set<string>() : await auditedVisibleSet(x, p, input);
  const r = computePulseResults({ ...input, comments: byQuestion, minCommentGroupSize: p.minCommentGroupSize, by, live, visible });
  const out = { pulseId: p.id, title: p.title, status, minGroupSize: p.minGroupSize, by, ...r };
  return input.unlinked > 0 ? withSelfStated(out, input.unlinked) : out;
}

/**
 * Unlinked links have no segment (decision 024): they count in the overall invited total only, and
 * per-segment response rates are dropped because the invited side of a self-stated segment is unknown.
 */
function withSelfStated(r: TPulseResults, unlinked: number): TPulseResults {
  const invited = r.invited + unlinked;
  // The overall rate is shown exactly when core shows the overall respondent count.
  const rate = r.respondents !== null ? { key: {}, invited, responded: r.respondents, rate: r.respondents / invited } : { key: {}, invited, suppressed: true as const };
  return { ...r, invited, responseRates: [rate], selfStated: true };
}

/**
 * Leaders and admins get any breakdown. Members get the organisation-wide view (everyone, the
 * headline, comments) of a published pulse only.
 */
export async function getPulseResults(ctx: AppContext, auth: OrgAuth, id: string, byParam: string | undefined): Promise<TPulseResults> {
  const p = await findPulse(ctx.db, auth.orgId, id);
  if (!p) throw notFound('Pulse');
  const leader = hasRole(auth.role, 'leader');
  if (!leader && p.publishedAt === null) throw notFound('Pulse');
  const by = leader ? parseBy(byParam) : [];
  const r = await computeResults(ctx, ctx.db, p, by, true);
  const compared = await withChangeSincePrevious(ctx, p, r, by, leader);
  return leader ? compared : { ...compared, gaps: [] };
}

/**
 * The change since the previous pulse (decision 136), for a closed pulse: each visible segment gets
 * the difference of its shares and the same segment's in the previous closed pulse, which is under
 * its own audited visible set; hidden on either side gives null. Members compare only with a
 * published previous pulse: otherwise the change would let them work out its unpublished numbers.
 */
async function withChangeSincePrevious(ctx: AppContext, p: PulseRow, r: TPulseResults, by: SegmentDimension[], leader: boolean): Promise<TPulseResults> {
  if (r.status !== 'closed') return r;
  const prevRow = await findPreviousClosedPulse(ctx.db, p.orgId, p.id, p.closedAt ?? p.closesAt, ctx.now());
  if (!prevRow || (!leader && prevRow.publishedAt === null)) return { ...r, previous: null };
  const prev = await computeResults(ctx, ctx.db, prevRow, by, false);
  const prevByQuestion = new Map(prev.questions.map((q) => [q.questionId, q.segments]));
  return {
    ...r,
    previous: { pulseId: prevRow.id, title: prevRow.title, closedAt: (prevRow.closedAt ?? prevRow.closesAt)?.toISOString() ?? null },
    questions: r.questions.map((q) => {
      const changes = changeSincePrevious(q.segments, prevByQuestion.get(q.questionId));
      return { ...q, segments: q.segments.map((s, i) => ('suppressed' in s ? s : { ...s, change: changes[i] ?? null })) };
    }),
  };
}

/**
 * The trend of every bank question across closed pulses (oldest first): everyone, leaders and
 * employees, each with its Wilson band, each under its own pulse's suppression. Archived pulses and
 * those a leader left out (low participation) are not points at all (decision 130).
 */
export async function getPulseTrend(ctx: AppContext, auth: OrgAuth): Promise<TPulseTrend> {
  const closed = (await listPulses(ctx.db, auth.orgId)).filter((p) => effectiveStatus(p, ctx.now()) === 'closed' && p.archivedAt === null && p.inTrend).reverse().slice(-12);
  const series = new Map<string, TPulseTrend['questions'][number]>();
  const results = await computeClosedResults(ctx, ctx.db, auth.orgId, closed, ['level'], false);
  for (const [i, p] of closed.entries()) {
    const r = results[i]!;
    const closedAt = (p.closedAt ?? p.closesAt)?.toISOString() ?? null;
    for (const q of r.questions) {
      let s = series.get(q.questionId);
      if (!s) {
        s = { questionId: q.questionId, text: q.text, points: [] };
        series.set(q.questionId, s);
      }
      s.points.push({ pulseId: p.id, title: p.title, closedAt, segments: q.segments });
    }
  }
  return { questions: [...series.values()] };
}
