import Papa from 'papaparse';
import type { TPulseResults, TSegmentKey } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { escapeCsvCell } from '../../lib/csv';
import { recordPulseAudit } from './audit';
import { getPulseResults } from './get-results';

const text = escapeCsvCell;

/** "Everyone", or "side=it; level=leader": the same label the screen shows. */
export function segmentLabel(key: TSegmentKey): string {
  const parts = (['side', 'level', 'department', 'location'] as const).filter((d) => key[d] !== undefined).map((d) => `${d}=${key[d]}`);
  return parts.length ? parts.join('; ') : 'Everyone';
}

const num = (v: number, digits = 4) => String(Math.round(v * 10 ** digits) / 10 ** digits);

export const RESULTS_CSV_HEADER = [
  'section',
  'question_id',
  'question',
  'segment',
  'n',
  'favourable',
  'ci_low',
  'ci_high',
  'strongly_disagree',
  'disagree',
  'neutral',
  'agree',
  'strongly_agree',
  'invited',
  'responded',
  'response_rate',
  'compared_with',
  'difference',
  'significant',
  'text',
];

/**
 * The results as CSV, built from exactly the object the screen renders, so suppression is the
 * same: a suppressed segment is a row saying "suppressed" with every number empty.
 */
export function resultsToCsv(r: TPulseResults): string {
  const rows: string[][] = [];
  const blank = () => RESULTS_CSV_HEADER.map(() => '');
  const row = (v: Partial<Record<(typeof RESULTS_CSV_HEADER)[number], string>>) => {
    const out = blank();
    for (const [k, val] of Object.entries(v)) out[RESULTS_CSV_HEADER.indexOf(k)] = val ?? '';
    rows.push(out);
  };
  if (r.headline) row({ section: 'headline', text: text(r.headline) });
  for (const rr of r.responseRates) {
    row(
      'suppressed' in rr
        ? { section: 'response_rate', segment: text(segmentLabel(rr.key)), invited: String(rr.invited), text: 'suppressed' }
        : { section: 'response_rate', segment: text(segmentLabel(rr.key)), invited: String(rr.invited), responded: String(rr.responded), response_rate: num(rr.rate) },
    );
  }
  for (const q of r.questions) {
    for (const s of q.segments) {
      if ('suppressed' in s) {
        row({ section: 'score', question_id: q.questionId, question: text(q.text), segment: text(segmentLabel(s.key)), text: 'suppressed' });
      } else {
        const [d1, d2, d3, d4, d5] = s.distribution.map(String);
        row({
          section: 'score',
          question_id: q.questionId,
          question: text(q.text),
          segment: text(segmentLabel(s.key)),
          n: String(s.n),
          favourable: num(s.favourable),
          ci_low: num(s.ci[0]),
          ci_high: num(s.ci[1]),
          strongly_disagree: d1,
          disagree: d2,
          neutral: d3,
          agree: d4,
          strongly_agree: d5,
        });
      }
    }
    for (const c of q.comments ?? []) row({ section: 'comment', question_id: q.questionId, question: text(q.text), segment: 'Everyone', text: text(c) });
  }
  const textOf = new Map(r.questions.map((q) => [q.questionId, q.text]));
  for (const g of r.gaps) {
    row({
      section: 'gap',
      question_id: g.questionId,
      question: text(textOf.get(g.questionId) ?? ''),
      segment: text(segmentLabel(g.a)),
      compared_with: text(segmentLabel(g.b)),
      favourable: num(g.favourableA),
      difference: num(g.difference),
      ci_low: num(g.ci[0]),
      ci_high: num(g.ci[1]),
      significant: g.significant ? 'true' : 'false',
    });
  }
  return Papa.unparse({ fields: RESULTS_CSV_HEADER, data: rows }, { newline: '\r\n' }) + '\r\n';
}

export async function exportPulseResults(ctx: AppContext, auth: OrgAuth, id: string, by: string | undefined): Promise<string> {
  const r = await getPulseResults(ctx, auth, id, by);
  await recordPulseAudit(ctx, ctx.db, { orgId: auth.orgId, actorUserId: auth.userId, action: 'pulse.exported', target: id, details: { by: r.by } });
  return resultsToCsv(r);
}
