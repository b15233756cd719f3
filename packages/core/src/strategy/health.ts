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
  overall: number;
  scores: Record<HealthScoreName, number>;
  findings: HealthFinding[];
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

/** A share of passing checks; omitted from a score when nothing was judged. */
class Share {
  passed = 0;
  total = 0;
  add(ok: boolean, weight = 1) {
    this.total += weight;
    if (ok) this.passed += weight;
  }
  get value(): number | null {
    return this.total > 0 ? this.passed / this.total : null;
  }
}

/** 100 × the mean of the components that judged something; 100 when none did (nothing to fix). */
function score(...parts: Share[]): number {
  const vs = parts.map((p) => p.value).filter((v): v is number => v !== null);
  return vs.length === 0 ? 100 : (100 * vs.reduce((a, b) => a + b, 0)) / vs.length;
}

/**
 * The roadmap health check: four scores from 0 to 100, one per assessment question of the seed,
 * each with findings that name the item to fix. Only open items (not done, not cancelled) are
 * judged; goals are always judged. Each score is 100 × the mean of its component shares (items
 * passing / items judged); a component with nothing to judge is left out, and a score with
 * nothing to judge at all is 100. The overall score is the mean of the four, rounded.
 *
 * 1. aggressive: (a) planned effort (person-days, unestimated = 1) on initiatives linked to a
 *    goal / all planned effort [effort_unlinked]; (b) goals not yet due that have an initiative
 *    in progress or dated within the next `lookaheadQuarters` × 91 days [goal_not_scheduled];
 *    (c) goals whose target differs from their baseline, among goals with both [target_not_moving].
 * 2. enablers: (a) initiatives with at least one non-cancelled enabler [initiative_without_enabler];
 *    (b) dated (enabler, initiative) links where the enabler ends no later than the initiative
 *    starts [enabler_late, slipDays = enabler end − initiative start, in days]: the pace mismatch
 *    between IT and Business of the seed's third issue.
 * 3. specific: one share over every check: an owner [missing_owner]; dates (goal: due date;
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
  const effortShare = new Share();
  const scheduled = new Share();
  const moving = new Share();
  const goalsInWindow = new Set<string>();
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const linked = i.goalIds.some((g) => goalIds.has(g));
    const effort = Math.max(0, i.effort ?? 1);
    effortShare.add(linked, effort);
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
      scheduled.add(ok);
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
      moving.add(ok);
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
  const covered = new Share();
  const onTime = new Share();
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const ok = (enablersOf.get(i.id)?.length ?? 0) > 0;
    covered.add(ok);
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
      onTime.add(slip <= 0);
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
  const checks = new Share();
  const vague = (itemType: HealthItemType, itemId: string, title: string, text: string) => {
    const bad = isVagueWording(text);
    checks.add(!bad);
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
    checks.add(ownerId !== null);
    if (ownerId === null) {
      findings.push({ rule: 'missing_owner', score: 'specific', severity: 'medium', itemType, itemId, message: `"${title}" has no owner: nobody answers for it.` });
    }
  };
  const dates = (itemType: HealthItemType, itemId: string, title: string, missing: string[]) => {
    checks.add(missing.length === 0);
    if (missing.length) {
      findings.push({ rule: 'missing_dates', score: 'specific', severity: 'medium', itemType, itemId, message: `"${title}" has no ${missing.join(' and no ')}.` });
    }
  };
  for (const g of input.goals) {
    owner('goal', g.id, g.title, g.ownerId);
    dates('goal', g.id, g.title, g.dueDate === null ? ['due date'] : []);
    const measurable = !blank(g.metric) && g.target !== null;
    checks.add(measurable);
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
    if (measurable) checks.add(true);
    else vague('goal', g.id, g.title, g.title);
  }
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    owner('initiative', i.id, i.title, i.ownerId);
    dates('initiative', i.id, i.title, [...(i.startDate === null ? ['start date'] : []), ...(i.endDate === null ? ['end date'] : [])]);
    vague('initiative', i.id, i.title, `${i.title}\n${i.description}`);
    const incomplete: string[] = [];
    for (const r of i.ladder) {
      const ok = !blank(r.deliverable) && r.date !== null;
      checks.add(ok);
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
  const champion = new Share();
  const early = new Share();
  const side = input.personSide;
  for (const i of input.initiatives) {
    if (!isOpen(i.status)) continue;
    const hasIt = i.itChampionId !== null || (i.ownerId !== null && side?.get(i.ownerId) === 'it');
    champion.add(hasIt);
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
      early.add(ok);
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
      early.add(false);
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

  const scores: Record<HealthScoreName, number> = {
    aggressive: score(effortShare, scheduled, moving),
    enablers: score(covered, onTime),
    specific: score(checks),
    includesIt: score(champion, early),
  };
  const overall = (scores.aggressive + scores.enablers + scores.specific + scores.includesIt) / 4;
  findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      SCORE_RANK[a.score] - SCORE_RANK[b.score] ||
      (b.slipDays ?? 0) - (a.slipDays ?? 0) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
  );
  return {
    overall: Math.round(overall),
    scores: {
      aggressive: Math.round(scores.aggressive),
      enablers: Math.round(scores.enablers),
      specific: Math.round(scores.specific),
      includesIt: Math.round(scores.includesIt),
    },
    findings,
  };
}
