import { horizonOf, rollUpProgress, type RoadmapInput } from '@tandem/core';
import type { LadderRungRow, RoadmapRows, SwotRow } from '@tandem/db';
import type { TEnabler, TGoal, TInitiative, TLadderRungItem, TSwotItem } from '@tandem/contracts';

const RUNG_ORDER = { now: 0, next_week: 1, next_month: 2, next_year: 3 } as const;

function group<K extends string, V extends string>(pairs: Record<K | V, string>[], key: K, value: V): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of pairs) {
    const list = m.get(p[key]);
    if (list) list.push(p[value]);
    else m.set(p[key], [p[value]]);
  }
  for (const list of m.values()) list.sort();
  return m;
}

export function toRung(r: LadderRungRow): TLadderRungItem {
  return { rung: r.rung, deliverable: r.deliverable, date: r.dueDate, done: r.done };
}

export const sortRungs = (rungs: TLadderRungItem[]) => rungs.sort((a, b) => RUNG_ORDER[a.rung] - RUNG_ORDER[b.rung]);

/** The indexes every view of the roadmap needs, built once per request. */
export function indexRoadmap(rows: RoadmapRows) {
  const goalsOfInitiative = group(rows.initiativeGoals, 'initiativeId', 'goalId');
  const initiativesOfGoal = group(rows.initiativeGoals, 'goalId', 'initiativeId');
  const initiativesOfEnabler = group(rows.enablerInitiatives, 'enablerId', 'initiativeId');
  const enablersOfInitiative = group(rows.enablerInitiatives, 'initiativeId', 'enablerId');
  const dependsOn = group(rows.enablerDependencies, 'enablerId', 'dependsOnId');
  const ladder = new Map<string, TLadderRungItem[]>();
  for (const r of rows.rungs) {
    const list = ladder.get(r.initiativeId);
    if (list) list.push(toRung(r));
    else ladder.set(r.initiativeId, [toRung(r)]);
  }
  for (const list of ladder.values()) sortRungs(list);
  return { goalsOfInitiative, initiativesOfGoal, initiativesOfEnabler, enablersOfInitiative, dependsOn, ladder };
}

/** The roadmap in the shape of the pure rules of packages/core. */
export function toCoreInput(rows: RoadmapRows, sides?: { id: string; side: 'it' | 'business' }[]): RoadmapInput {
  const ix = indexRoadmap(rows);
  return {
    goals: rows.goals.map((g) => ({ id: g.id, title: g.title, metric: g.metric, baseline: g.baseline, target: g.target, unit: g.unit, dueDate: g.dueDate, ownerId: g.ownerId })),
    initiatives: rows.initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      goalIds: ix.goalsOfInitiative.get(i.id) ?? [],
      ownerId: i.ownerId,
      businessChampionId: i.businessChampionId,
      itChampionId: i.itChampionId,
      startDate: i.startDate,
      endDate: i.endDate,
      status: i.status,
      effort: i.effort,
      createdAt: i.createdAt.toISOString(),
      itInvolvedAt: i.itInvolvedAt,
      ladder: ix.ladder.get(i.id) ?? [],
    })),
    enablers: rows.enablers.map((e) => ({
      id: e.id,
      title: e.title,
      initiativeIds: ix.initiativesOfEnabler.get(e.id) ?? [],
      ownerId: e.ownerId,
      startDate: e.startDate,
      endDate: e.endDate,
      status: e.status,
      effort: e.effort,
    })),
    ...(sides ? { personSide: new Map(sides.map((s) => [s.id, s.side])) } : {}),
  };
}

/** Goals, initiatives and enablers as the API returns them, with progress rolled up from the bottom. */
export function roadmapView(rows: RoadmapRows, now: Date): { goals: TGoal[]; initiatives: TInitiative[]; enablers: TEnabler[] } {
  const ix = indexRoadmap(rows);
  const progress = rollUpProgress(toCoreInput(rows));
  return {
    goals: rows.goals.map((g) => ({
      id: g.id,
      title: g.title,
      metric: g.metric,
      baseline: g.baseline,
      target: g.target,
      unit: g.unit,
      dueDate: g.dueDate,
      ownerId: g.ownerId,
      initiativeIds: ix.initiativesOfGoal.get(g.id) ?? [],
      progress: progress.goals.get(g.id) ?? null,
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
    })),
    initiatives: rows.initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      goalIds: ix.goalsOfInitiative.get(i.id) ?? [],
      enablerIds: ix.enablersOfInitiative.get(i.id) ?? [],
      ownerId: i.ownerId,
      businessChampionId: i.businessChampionId,
      itChampionId: i.itChampionId,
      startDate: i.startDate,
      endDate: i.endDate,
      status: i.status,
      effort: i.effort,
      ansoff: i.ansoff,
      itInvolvedAt: i.itInvolvedAt,
      horizon: horizonOf(i.startDate, i.endDate, now),
      progress: progress.initiatives.get(i.id) ?? null,
      ladder: ix.ladder.get(i.id) ?? [],
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    })),
    enablers: rows.enablers.map((e) => ({
      id: e.id,
      title: e.title,
      initiativeIds: ix.initiativesOfEnabler.get(e.id) ?? [],
      dependsOnIds: ix.dependsOn.get(e.id) ?? [],
      ownerId: e.ownerId,
      startDate: e.startDate,
      endDate: e.endDate,
      status: e.status,
      effort: e.effort,
      progress: progress.enablers.get(e.id) ?? null,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    })),
  };
}

export function toSwot(r: SwotRow): TSwotItem {
  return { id: r.id, goalId: r.goalId, initiativeId: r.initiativeId, quadrant: r.quadrant, text: r.text, enablerId: r.enablerId, createdAt: r.createdAt.toISOString() };
}
