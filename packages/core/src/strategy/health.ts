import { dayNumber, dayOf } from './dates';
import type { EnablerInput, InitiativeInput, RoadmapInput, StrategyStatus } from './types';

/** The four seed questions, one score each. */
export type HealthScoreName = 'aggressive' | 'enablers' | 'specific' | 'includesIt';

export type HealthRule =
  // 1. How aggressive is your roadmap targeting business goals?
  | 'effort_unlinked'
  | 'goal_not_scheduled'
  | 'target_not_moving'
  // 2. What technical goals will help IT deliver the business initiatives?
  | 'initiative_without_enabler'
  | 'enabler_late'
  // 3. Is this roadmap vague?
  | 'missing_owner'
  | 'missing_dates'
  | 'missing_measure'
  | 'vague_wording'
  | 'ladder_incomplete'
  // 4. Does it even include IT?
  | 'no_it_champion'
  | 'it_involved_late'
  | 'it_not_involved';

export type HealthSeverity = 'high' | 'medium' | 'low';
export type HealthItemType = 'goal' | 'initiative' | 'enabler';

export interface HealthFinding {
  rule: HealthRule;
  score: HealthScoreName;
  severity: HealthSeverity;
  itemType: HealthItemType;
  /** The item to fix. */
  itemId: string;
  message: string;
  /** enabler_late: days the enabler ends after the initiative starts; IT involvement: days after creation. */
  slipDays?: number;
  /** The other end of a pair finding (enabler_late: the initiative that waits). */
  relatedId?: string;
}

export interface RoadmapHealth {
  /** null when nothing was judged (no goals and no open initiatives or enablers). */
  overall: number | null;
  /** Each null when its question judged nothing. */
  scores: Record<HealthScoreName, number | null>;
  findings: HealthFinding[];
  /** Findings per severity; the page leads with `high`. */
  counts: Record<HealthSeverity, number>;
  /** Items judged by at least one check (goals, open initiatives, open enablers). */
  items: number;
  /** Set when there is nothing to check, in plain words; null otherwise. */
  message: string | null;
}

/**
 * What one finding costs, as a share of one item (decision 140): a high finding costs a whole
 * item, a medium 0.4 of one, a low 0.15 of one.
 */
export const SEVERITY_WEIGHT: Record<HealthSeverity, number> = { high: 1, medium: 0.4, low: 0.15 };

/** The answer when the roadmap holds nothing to judge. */
export const NOTHING_TO_CHECK = 'Nothing to check yet: add a goal or an initiative and the health check will judge it.';

/**
 * A score from 0 to 100 (decision 140): 100 × (1 − Σ weight(finding) / items judged), floored at 0
 * and rounded; null when no item was judged. Findings weigh by severity and by the share of the
 * roadmap they touch: three high findings among thirty items score 90, among three hundred 99.
 * Adding a finding never raises the score; removing one never lowers it.
 * @example healthScore(30, ['high', 'high', 'high']) === 90; healthScore(0, []) === null
 */
export function healthScore(itemsJudged: number, severities: readonly HealthSeverity[]): number | null {
  if (itemsJudged <= 0) return null;
  let cost = 0;
  for (const s of severities) cost += SEVERITY_WEIGHT[s];
  return Math.round(Math.max(0, 100 * (1 - cost / itemsJudged)));
}

export interface HealthOptions {
  /** The instant of the check; only its UTC calendar day matters. */
  now: Date;
  /** Days after an initiative's creation within which IT must be involved (default 14). */
  itGraceDays?: number;
  /** How far ahead a goal must have an initiative, in quarters of 91 days (default 2). */
  lookaheadQuarters?: number;
}

/** Default grace period for IT involvement: two weeks, one planning cycle in most organisations. */
export const DEFAULT_IT_GRACE_DAYS = 14;

/** An enabler later than this many days after its initiative starts is a high-severity slip. */
export const HIGH_SLIP_DAYS = 30;

/**
 * Words that promise change without saying how much. A title or description using one of them
 * and no number at all is vague (the seed: "Is this roadmap vague?").
 */
export const VAGUE_WORDS = /\b(improv\w*|enhanc\w*|optimi[sz]\w*|leverag\w*|better|moderni[sz]\w*)\b/i;

/**
 * True when a text uses a vague word (VAGUE_WORDS) and contains no digit anywhere.
 * @example isVagueWording('Improve customer experience') === true; isVagueWording('Improve NPS to 40') === false
 */
export function isVagueWording(text: string): boolean {
  return VAGUE_WORDS.test(text) && !/\d/.test(text);
}

const isOpen = (s: StrategyStatus) => s !== 'done' && s !== 'cancelled';
const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';
const RUNG_LABEL = { now: 'now', next_week: 'next week', next_month: 'next month', next_year: 'next year' } as const;
const SEVERITY_RANK: Record<HealthSeverity, number> = { high: 0, medium: 1, low: 2 };
const SCORE_RANK: Record<HealthScoreName, number> = { aggressive: 0, enablers: 1, specific: 2, includesIt: 3 };

const SCORE_NAMES: readonly HealthScoreName[] = ['aggressive', 'enablers', 'specific', 'includesIt'];

/**
 * The roadmap health check: four scores from 0 to 100, one per assessment question of the seed,
 * each with findings that name the item to fix. Only open items (not done, not cancelled) are
 * judged; goals are always judged. Each score is `healthScore(items the question judged, its
 * findings)` (decision 140): findings weigh by severity and by the share of items they touch, and
 * a question that judged nothing scores null. The overall score applies the same formula to every
 * finding over every item judged, so three high findings among thirty items score 90 overall,
 * never the 98 that averaging four scores would show. An empty roadmap scores null, with `message`.
 *
 * 1. aggressive: (a) initiatives linked to a goal [effort_unlinked]; (b) goals not yet due that have an initiative
 *    in progress or dated within the next `lookaheadQuarters` × 91 days [goal_not_scheduled];
 *    (c) goals whose target differs from their baseline, among goals with both [target_not_moving].
 * 2. enablers: (a) initiatives with at least one non-cancelled enabler [initiative_without_enabler];
 *    (b) dated (enabler, initiative) links where the enabler ends no later than the initiative
 *    starts [enabler_late, slipDays = enabler end − initiative start, in days]: the pace mismatch
 *    between IT and Business of the seed's third issue.
 * 3. specific: every check below: an owner [missing_owner]; dates (goal: due date;
 *    initiative, enabler: start and end) [missing_dates]; a goal's measurable outcome (metric and
 *    target) [missing_measure]; wording (title + description) without a vague word unless it
 *    carries a number — a goal with a metric and target passes [vague_wording]; each ladder rung
 *    with a deliverable and a date [ladder_incomplete].
 * 4. includesIt: (a) initiatives with an IT champion, or an owner on the IT side [no_it_champion];
 *    (b) initiatives where IT was involved within `itGraceDays` of creation [it_involved_late],
 *    or not yet involved once that grace has passed [it_not_involved]; still within grace = not judged.
 *
 * Linear in items + links (maps, no pairwise scans): 5,000 initiatives and 6,000 enablers in
 * well under 100 ms (bench/strategy/health.bench.ts).
 */
export function roadmapHealth(input: RoadmapInput, options: HealthOptions): RoadmapHealth {
  const today = dayOf(options.now);
  const grace = options.itGraceDays ?? DEFAULT_IT_GRACE_DAYS;
  const windowEnd = today + (options.lookaheadQuarters ?? 2) * 91;
  const findings: HealthFinding[] = [];
  // Items each question judged ("type:id"), and all of them for the overall score.
  const judged: Record<HealthScoreName, Set<string>> = { aggressive: new Set(), enablers: new Set(), specific: new Set(), includesIt: new Set() };
  const judge = (name: HealthScoreName, itemType: HealthItemType, itemId: string) => judged[name].add(`${itemType}:${itemId}`);
  const goalIds = new Set(input.goals.map((g) => g.id));
  const initiativeById = new Map<string, InitiativeInput>();
  const startOf = new Map<string, number>();
  for (const i of input.initiatives) {
    initiativeById.set(i.id, i);
    if (i.startDate !== null) startOf.set(i.id, dayNumber(i.startDate));
  }

  // Enablers per initiative (non-cancelled), built once.
  const enablersOf = new Map<string, EnablerInput[]>();
  for (const e of input.enablers) {
    if (e.status === 'cancelled') continue;
    for (const iid of e.initiativeIds) {
      const list = enablersOf.get(iid);
      if (list) list.push(e);
      else enablersOf.set(iid, [e]);
    }
  }

  /* ---- 1. aggressive ---- */
  const goalsInWindow = new Set<string>();
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const linked = i.goalIds.some((g) => goalIds.has(g));
    const effort = Math.max(0, i.effort ?? 1);
    judge('aggressive', 'initiative', i.id);
    if (!linked) {
      findings.push({
        rule: 'effort_unlinked',
        score: 'aggressive',
        severity: 'medium',
        itemType: 'initiative',
        itemId: i.id,
        message: `"${i.title}" serves no business goal: its ${effort} person-days of effort do not move any goal. Link it to a goal, or question it.`,
      });
    }
    const inWindow =
      i.status === 'in_progress' ||
      (i.startDate !== null && dayNumber(i.startDate) <= windowEnd && (i.endDate === null || dayNumber(i.endDate) >= today));
    if (inWindow) for (const g of i.goalIds) goalsInWindow.add(g);
  }
  for (const g of input.goals) {
    if (g.dueDate === null || dayNumber(g.dueDate) >= today) {
      const ok = goalsInWindow.has(g.id);
      judge('aggressive', 'goal', g.id);
      if (!ok) {
        findings.push({
          rule: 'goal_not_scheduled',
          score: 'aggressive',
          severity: 'high',
          itemType: 'goal',
          itemId: g.id,
          message: `Goal "${g.title}" has no initiative in progress or planned in the next ${(options.lookaheadQuarters ?? 2)} quarters: nothing moves it.`,
        });
      }
    }
    if (g.baseline !== null && g.target !== null) {
      const ok = g.baseline !== g.target;
      judge('aggressive', 'goal', g.id);
      if (!ok) {
        findings.push({
          rule: 'target_not_moving',
          score: 'aggressive',
          severity: 'medium',
          itemType: 'goal',
          itemId: g.id,
          message: `Goal "${g.title}" targets ${g.target}${g.unit ? ` ${g.unit}` : ''}, which is its baseline: the target does not move.`,
        });
      }
    }
  }

  /* ---- 2. enablers ---- */
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const ok = (enablersOf.get(i.id)?.length ?? 0) > 0;
    judge('enablers', 'initiative', i.id);
    if (!ok) {
      findings.push({
        rule: 'initiative_without_enabler',
        score: 'enablers',
        severity: i.status === 'in_progress' ? 'high' : 'medium',
        itemType: 'initiative',
        itemId: i.id,
        message: `"${i.title}" has no technical enabler: what will IT build or change to deliver it?`,
      });
    }
  }
  for (const e of input.enablers) {
    if (!isOpen(e.status) || e.endDate === null) continue;
    const end = dayNumber(e.endDate);
    for (const iid of e.initiativeIds.length > 1 ? new Set(e.initiativeIds) : e.initiativeIds) {
      const i = initiativeById.get(iid);
      if (!i || !isOpen(i.status) || i.startDate === null) continue;
      const slip = end - startOf.get(iid)!;
      judge('enablers', 'enabler', e.id);
      if (slip > 0) {
        findings.push({
          rule: 'enabler_late',
          score: 'enablers',
          severity: slip > HIGH_SLIP_DAYS ? 'high' : 'medium',
          itemType: 'enabler',
          itemId: e.id,
          relatedId: i.id,
          slipDays: slip,
          message: `Enabler "${e.title}" ends ${e.endDate}, ${slip} day${slip === 1 ? '' : 's'} after "${i.title}" starts (${i.startDate}): IT and Business are out of pace.`,
        });
      }
    }
  }

  /* ---- 3. specific ---- */
  const vague = (itemType: HealthItemType, itemId: string, title: string, text: string) => {
    const bad = isVagueWording(text);
    judge('specific', itemType, itemId);
    if (bad) {
      findings.push({
        rule: 'vague_wording',
        score: 'specific',
        severity: 'medium',
        itemType,
        itemId,
        message: `"${title}" is vague: it says ${VAGUE_WORDS.exec(text)![0].toLowerCase()} but gives no number. Say by how much, and by when.`,
      });
    }
  };
  const owner = (itemType: HealthItemType, itemId: string, title: string, ownerId: string | null) => {
    judge('specific', itemType, itemId);
    if (ownerId === null) {
      findings.push({ rule: 'missing_owner', score: 'specific', severity: 'medium', itemType, itemId, message: `"${title}" has no owner: nobody answers for it.` });
    }
  };
  const dates = (itemType: HealthItemType, itemId: string, title: string, missing: string[]) => {
    judge('specific', itemType, itemId);
    if (missing.length) {
      findings.push({ rule: 'missing_dates', score: 'specific', severity: 'medium', itemType, itemId, message: `"${title}" has no ${missing.join(' and no ')}.` });
    }
  };
  for (const g of input.goals) {
    owner('goal', g.id, g.title, g.ownerId);
    dates('goal', g.id, g.title, g.dueDate === null ? ['due date'] : []);
    const measurable = !blank(g.metric) && g.target !== null;
    judge('specific', 'goal', g.id);
    if (!measurable) {
      findings.push({
        rule: 'missing_measure',
        score: 'specific',
        severity: 'high',
        itemType: 'goal',
        itemId: g.id,
        message: `Goal "${g.title}" has no measurable target: give it a metric, a baseline and a target.`,
      });
    }
    if (!measurable) vague('goal', g.id, g.title, g.title);
  }
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    owner('initiative', i.id, i.title, i.ownerId);
    dates('initiative', i.id, i.title, [...(i.startDate === null ? ['start date'] : []), ...(i.endDate === null ? ['end date'] : [])]);
    vague('initiative', i.id, i.title, `${i.title}\n${i.description}`);
    const incomplete: string[] = [];
    for (const r of i.ladder) {
      const ok = !blank(r.deliverable) && r.date !== null;
      judge('specific', 'initiative', i.id);
      if (!ok) incomplete.push(RUNG_LABEL[r.rung]);
    }
    if (incomplete.length) {
      findings.push({
        rule: 'ladder_incomplete',
        score: 'specific',
        severity: 'low',
        itemType: 'initiative',
        itemId: i.id,
        message: `The delivery ladder of "${i.title}" lacks a deliverable or a date for: ${incomplete.join(', ')}.`,
      });
    }
  }
  for (const e of input.enablers) {
    if (!isOpen(e.status)) continue;
    owner('enabler', e.id, e.title, e.ownerId);
    dates('enabler', e.id, e.title, [...(e.startDate === null ? ['start date'] : []), ...(e.endDate === null ? ['end date'] : [])]);
    vague('enabler', e.id, e.title, e.title);
  }

  /* ---- 4. includes IT ---- */
  const side = input.personSide;
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const hasIt = i.itChampionId !== null || (i.ownerId !== null && side?.get(i.ownerId) === 'it');
    judge('includesIt', 'initiative', i.id);
    if (!hasIt) {
      findings.push({
        rule: 'no_it_champion',
        score: 'includesIt',
        severity: 'high',
        itemType: 'initiative',
        itemId: i.id,
        message: `"${i.title}" has no IT champion and no IT owner: IT is left out.`,
      });
    }
    const created = dayNumber(i.createdAt);
    if (i.itInvolvedAt !== null) {
      const after = dayNumber(i.itInvolvedAt) - created;
      const ok = after <= grace;
      if (!ok) {
        findings.push({
          rule: 'it_involved_late',
          score: 'includesIt',
          severity: 'medium',
          itemType: 'initiative',
          itemId: i.id,
          slipDays: after,
          message: `IT joined "${i.title}" ${after} days after the business created it (grace: ${grace} days): the dates were set without IT.`,
        });
      }
    } else if (today - created > grace) {
      findings.push({
        rule: 'it_not_involved',
        score: 'includesIt',
        severity: 'high',
        itemType: 'initiative',
        itemId: i.id,
        slipDays: today - created,
        message: `IT has not been involved in "${i.title}" ${today - created} days after it was created (grace: ${grace} days).`,
      });
    }
  }

  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      SCORE_RANK[a.score] - SCORE_RANK[b.score] ||
      (b.slipDays ?? 0) - (a.slipDays ?? 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
  );
  const all = new Set<string>();
  for (const name of SCORE_NAMES) for (const k of judged[name]) all.add(k);
  const scores = {} as Record<HealthScoreName, number | null>;
  for (const name of SCORE_NAMES) {
    scores[name] = healthScore(
      judged[name].size,
      findings.filter((f) => f.score === name).map((f) => f.severity),
    );
  }
  const counts: Record<HealthSeverity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    overall: healthScore(all.size, findings.map((f) => f.severity)),
    scores,
    findings,
    counts,
    items: all.size,
    message: all.size === 0 ? NOTHING_TO_CHECK : null,
  };
}
