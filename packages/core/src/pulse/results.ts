import { alignmentHeadline, perceptionGap, SCALE_POINTS, summariseScores, type PerceptionGap, type ScoreSummary } from './scores';
import { countSegments, dimensionSubsets, keyDimensions, rollUp, segmentId, SEGMENT_DIMENSIONS, type CellKey, type SegmentDimension, type SegmentKey, type SegmentNode } from './segments';
import { decideDisclosure, type DisclosureCell } from './disclosure';

export interface PulseResultsInput {
  /** The pulse's questions in order; the first one feeds the headline. */
  questions: readonly { id: string; text: string }[];
  /** Invitations per finest cell (segment attributes as they were at invitation time). */
  invited: readonly { key: CellKey; count: number }[];
  /** Answer counts per question, finest cell and scale value 1..5. */
  answers: readonly { questionId: string; key: CellKey; value: number; count: number }[];
  /** Comments per question id (any order; they are sorted before they are shown). */
  comments?: ReadonlyMap<string, readonly string[]>;
  minGroupSize: number;
  minCommentGroupSize: number;
  /** The breakdown asked for; every subset of it is returned ({} is everyone). */
  by: readonly SegmentDimension[];
  /**
   * While responses still arrive no respondent count is shown at all, only the invitations
   * (decision 023: a live count that moves by one while a leader watches tells who answered).
   */
  live: boolean;
  /** Links tied to no person: an unlinked respondent may sit in any cell, so each cell may hold this many more. */
  unlinked?: number;
  /** The pulse's audited visible set ({@link decidePulseVisibility}), when it was decided before (cached). */
  visible?: ReadonlySet<string>;
}

export type SegmentScore =
  | ({ key: SegmentKey; suppressed?: undefined } & Omit<ScoreSummary, 'favourableCount'>)
  | { key: SegmentKey; suppressed: true };
export type SegmentRate =
  | { key: SegmentKey; invited: number; responded: number; rate: number; suppressed?: undefined }
  | { key: SegmentKey; invited: number; suppressed: true };

export interface QuestionResults {
  questionId: string;
  text: string;
  segments: SegmentScore[];
  /** Present only when everyone-who-answered reaches the comment threshold; sorted, never linked to answers. */
  comments?: string[];
}

export interface PulseResults {
  /** Everyone who answered, or null while that number may not be shown. */
  respondents: number | null;
  invited: number;
  responseRates: SegmentRate[];
  questions: QuestionResults[];
  gaps: (PerceptionGap & { questionId: string })[];
  headline: string | null;
  /**
   * How many segments the whole lattice has and how many are hidden (for the methods note). Why
   * each is hidden (below k, or to protect a neighbour) is never told: that would say n < k.
   */
  suppression: { segments: number; hidden: number };
}

/** The pairs of the perception-gap view: leaders vs employees, IT vs Business, and the four cells. */
export const GAP_PAIRS: readonly [SegmentKey, SegmentKey][] = [
  [{ level: 'leader' }, { level: 'employee' }],
  [{ side: 'it' }, { side: 'business' }],
  [{ side: 'it', level: 'leader' }, { side: 'it', level: 'employee' }],
  [{ side: 'business', level: 'leader' }, { side: 'business', level: 'employee' }],
  [{ side: 'it', level: 'leader' }, { side: 'business', level: 'leader' }],
  [{ side: 'it', level: 'employee' }, { side: 'business', level: 'employee' }],
];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Cells {
  width: number;
  cells: Map<string, { key: CellKey; counts: number[] }>;
}

/** Invitations and answers per finest cell: counts[0] invited, [1] respondents, then 5 per question. */
function buildCells(input: Pick<PulseResultsInput, 'questions' | 'invited' | 'answers'>): Cells {
  const q = input.questions.length;
  const qIndex = new Map(input.questions.map((x, i) => [x.id, i]));
  const width = 2 + q * SCALE_POINTS;
  const cells = new Map<string, { key: CellKey; counts: number[] }>();
  // Finest cells always fix all four dimensions, so their id is built directly (this runs once per
  // answer row: tens of thousands of times for a large pulse).
  const cell = (key: CellKey) => {
    const id = `side=${key.side}\u001flevel=${key.level}\u001fdepartment=${key.department}\u001flocation=${key.location}`;
    let c = cells.get(id);
    if (!c) {
      c = { key: { side: key.side, level: key.level, department: key.department, location: key.location }, counts: new Array<number>(width).fill(0) };
      cells.set(id, c);
    }
    return c;
  };
  for (const inv of input.invited) cell(inv.key).counts[0]! += inv.count;
  const firstId = input.questions[0]?.id;
  for (const a of input.answers) {
    const i = qIndex.get(a.questionId);
    if (i === undefined || !(a.value >= 1 && a.value <= SCALE_POINTS)) continue;
    const c = cell(a.key);
    c.counts[2 + i * SCALE_POINTS + a.value - 1]! += a.count;
    if (a.questionId === firstId) c.counts[1]! += a.count;
  }
  return { width, cells };
}

/**
 * The audited visible set of a closed pulse (ids of lattice segments), by {@link decideDisclosure}
 * over its finest cells: n from the answers, the known bound from the invitations plus unlinked
 * links. A closed pulse's data never changes, so this is decided once and may be cached.
 */
export function decidePulseVisibility(input: Pick<PulseResultsInput, 'questions' | 'invited' | 'answers' | 'minGroupSize' | 'unlinked'>): string[] {
  const { cells } = buildCells(input);
  const audit: DisclosureCell[] = [...cells.values()].map((c) => {
    const n = c.counts[1]!;
    return { key: c.key, n, upper: Math.max(n, c.counts[0]! + (input.unlinked ?? 0)) };
  });
  return [...decideDisclosure(audit, input.minGroupSize).visible].sort(cmp);
}

/**
 * Every number a pulse's results may show, with anonymity enforced: the segment lattice over all
 * four dimensions is rolled up from the finest cells, {@link decidePulseVisibility} decides once which
 * segments are visible (or `input.visible`, the cached decision; k = minGroupSize), and only visible segments get
 * scores, response rates, gaps or the headline. Respondents answer every question, so n is the same
 * for every question of a segment and one decision covers scores, distributions and response rates.
 *
 * Shown per visible segment: n, % favourable (top two boxes) with the Wilson 95% interval, and the
 * distribution. Gaps: Newcombe 95% interval, only between two visible segments. Headline: the first
 * question, leaders vs employees, only when both are visible. Comments: only for everyone, only
 * when n ≥ minCommentGroupSize, sorted so their order says nothing about who wrote them.
 */
export function computePulseResults(input: PulseResultsInput): PulseResults {
  const { width, cells } = buildCells(input);
  // Only the segments this view can show: subsets of `by`, plus side × level for the gaps and headline.
  const lattice = rollUp([...cells.values()], SEGMENT_DIMENSIONS.filter((d) => input.by.includes(d) || d === 'side' || d === 'level'));
  const overall = lattice.get('');
  const totalInvited = overall?.counts[0] ?? 0;
  const totalResponded = overall?.counts[1] ?? 0;
  const visible = input.live ? new Set<string>() : (input.visible ?? new Set(decidePulseVisibility(input)));
  const latticeSize = input.by.length === 4 ? lattice.size : countSegments([...cells.values()]);
  const suppression = { segments: latticeSize, hidden: latticeSize - visible.size };

  // The segments of the requested breakdown: every subset of `by`, coarse to fine, then by id.
  const shown: { id: string; key: SegmentKey; counts: number[] }[] = [];
  const bySignature = new Map<string, SegmentNode[]>();
  for (const node of lattice.values()) {
    const sig = keyDimensions(node.key).join(',');
    const list = bySignature.get(sig);
    if (list) list.push(node);
    else bySignature.set(sig, [node]);
  }
  for (const sub of dimensionSubsets(input.by)) {
    const nodes = [...(bySignature.get(sub.join(',')) ?? [])].sort((a, b) => cmp(a.id, b.id));
    shown.push(...nodes);
  }
  if (shown.length === 0) shown.push({ id: '', key: {}, counts: new Array<number>(width).fill(0) });

  if (input.live) {
    return {
      respondents: null,
      invited: totalInvited,
      responseRates: shown.map((s) => ({ key: s.key, invited: s.counts[0]!, suppressed: true as const })),
      questions: input.questions.map((x) => ({ questionId: x.id, text: x.text, segments: shown.map((s) => ({ key: s.key, suppressed: true as const })) })),
      gaps: [],
      headline: null,
      suppression,
    };
  }

  const isVisible = (id: string) => visible.has(id) && (lattice.get(id)?.counts[1] ?? 0) > 0;
  const score = (id: string, i: number): ScoreSummary | null => {
    const node = lattice.get(id);
    if (!node || !isVisible(id)) return null;
    return summariseScores(node.counts.slice(2 + i * SCALE_POINTS, 2 + (i + 1) * SCALE_POINTS));
  };

  const questions: QuestionResults[] = input.questions.map((x, i) => {
    const segments: SegmentScore[] = shown.map((s) => {
      const sc = score(s.id, i);
      // Exactly the published fields: favourableCount stays internal (serializers may reject extras).
      return sc ? { key: s.key, n: sc.n, favourable: sc.favourable, ci: sc.ci, distribution: sc.distribution } : { key: s.key, suppressed: true as const };
    });
    const out: QuestionResults = { questionId: x.id, text: x.text, segments };
    const comments = input.comments?.get(x.id);
    if (comments && isVisible('') && totalResponded >= input.minCommentGroupSize) {
      out.comments = comments.map((c) => c.trim()).filter((c) => c.length > 0).sort(cmp);
    }
    return out;
  });

  const gaps: PulseResults['gaps'] = [];
  input.questions.forEach((x, i) => {
    for (const [ka, kb] of GAP_PAIRS) {
      const a = score(segmentId(ka), i);
      const b = score(segmentId(kb), i);
      if (a && b) gaps.push({ questionId: x.id, ...perceptionGap({ key: ka, ...a }, { key: kb, ...b }) });
    }
  });

  let headline: string | null = null;
  const first = input.questions[0];
  if (first) {
    const leaders = score(segmentId({ level: 'leader' }), 0);
    const employees = score(segmentId({ level: 'employee' }), 0);
    if (leaders && employees) headline = alignmentHeadline(first.text, leaders.favourable, employees.favourable);
  }

  const responseRates: SegmentRate[] = shown.map((s) => {
    const invited = s.counts[0]!;
    return isVisible(s.id) && invited > 0
      ? { key: s.key, invited, responded: s.counts[1]!, rate: s.counts[1]! / invited }
      : { key: s.key, invited, suppressed: true as const };
  });

  return { respondents: isVisible('') ? totalResponded : null, invited: totalInvited, responseRates, questions, gaps, headline, suppression };
}
