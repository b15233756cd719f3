import { loadInitiativeScope, loadRoadmap, type Executor, type RoadmapRows } from '@tandem/db';
import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { notFound } from '../../lib/errors';
import { roadmapView } from './strategy.mapper';

export async function viewRoadmap(ctx: AppContext, x: Executor, orgId: string) {
  return roadmapView(await loadRoadmap(x, orgId), ctx.now());
}

/** One goal, initiative or enabler as the API shows it (progress needs the whole tree below it). */
export async function viewGoal(ctx: AppContext, x: Executor, orgId: string, id: string): Promise<TGoal> {
  const g = (await viewRoadmap(ctx, x, orgId)).goals.find((v) => v.id === id);
  if (!g) throw notFound('Goal');
  return g;
}

export function viewInitiative(ctx: AppContext, x: Executor, orgId: string, id: string): Promise<TInitiative> {
  // Its progress needs only its ladder and its enablers' status: load those, not the roadmap.
  return loadInitiativeScope(x, orgId, id).then((scope) => initiativeView(ctx, scope, id));
}

/** The initiative's answer from its scope (as {@link loadInitiativeScope} reads it). */
export function initiativeView(ctx: AppContext, scope: RoadmapRows, id: string): TInitiative {
  const i = roadmapView(scope, ctx.now()).initiatives.find((v) => v.id === id);
  if (!i) throw notFound('Initiative');
  return i;
}

export async function viewEnabler(ctx: AppContext, x: Executor, orgId: string, id: string): Promise<TEnabler> {
  const e = (await viewRoadmap(ctx, x, orgId)).enablers.find((v) => v.id === id);
  if (!e) throw notFound('Enabler');
  return e;
}
