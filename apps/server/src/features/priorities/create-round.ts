import { MODEL_CRITERIA } from '@tandem/core';
import { existingStrategyItems, insertRound, insertRoundItems, type Executor, type StoredCriterion, type StrategyItemRef } from '@tandem/db';
import type { TCreateRoundRequest, TPriorityItemRef, TRound } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { recordPrioritiesAudit } from './audit';
import { invalid } from './errors';
import { toRound } from './round.mapper';

/** Checks the items of a round: initiatives, enablers and requests of this organisation, each once (decision 145). */
export async function checkItems(x: Executor, orgId: string, items: TPriorityItemRef[], already: Set<string> = new Set()): Promise<StrategyItemRef[]> {
  const seen = new Set(already);
  items.forEach((i, k) => {
    if (seen.has(i.id)) throw invalid(`body.items.${k}.id`, 'this item is already in the round');
    seen.add(i.id);
  });
  const found = await existingStrategyItems(
    x,
    orgId,
    items.filter((i) => i.type === 'initiative').map((i) => i.id),
    items.filter((i) => i.type === 'enabler').map((i) => i.id),
    items.filter((i) => i.type === 'request').map((i) => i.id),
  );
  items.forEach((i, k) => {
    const ok = i.type === 'initiative' ? found.initiatives.has(i.id) : i.type === 'enabler' ? found.enablers.has(i.id) : found.requests.has(i.id);
    if (!ok) throw invalid(`body.items.${k}.id`, `no ${i.type} with this id in this organisation`);
  });
  return items.map((i) => ({ type: i.type, id: i.id, category: i.category ?? null, horizon: i.horizon ?? null }));
}

/** The fixed criteria of a published model, or the organisation's weighted criteria, checked. */
export function resolveCriteria(input: Pick<TCreateRoundRequest, 'model' | 'criteria'>): StoredCriterion[] {
  if (input.model !== 'weighted') {
    if (input.criteria) throw invalid('body.criteria', `the ${input.model} criteria are fixed: leave criteria out`);
    return MODEL_CRITERIA[input.model].map((c) => ({ key: c.key, label: c.label, weight: c.weight, owner: c.owner }));
  }
  if (!input.criteria) throw invalid('body.criteria', 'the weighted model needs criteria');
  const keys = new Set<string>();
  input.criteria.forEach((c, k) => {
    if (keys.has(c.key)) throw invalid(`body.criteria.${k}.key`, `the key ${c.key} appears twice`);
    keys.add(c.key);
  });
  const total = input.criteria.reduce((s, c) => s + c.weight, 0);
  if (!(total > 0)) throw invalid('body.criteria', `the weights must sum to a positive number (they sum to ${total})`);
  return input.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, owner: c.owner, ...(c.definition ? { definition: c.definition } : {}) }));
}

export async function createRound(ctx: AppContext, auth: OrgAuth, input: TCreateRoundRequest): Promise<TRound> {
  const criteria = resolveCriteria(input);
  if (input.opensAt && input.closesAt && input.closesAt < input.opensAt) throw invalid('body.closesAt', 'must not be before opensAt');
  return ctx.db.transaction(async (tx) => {
    const items = await checkItems(tx, auth.orgId, input.items);
    const round = await insertRound(tx, {
      orgId: auth.orgId,
      name: input.name,
      model: input.model,
      criteria,
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      createdBy: auth.userId,
      createdAt: ctx.now(),
    });
    await insertRoundItems(tx, auth.orgId, round.id, items, 0);
    await recordPrioritiesAudit(ctx, tx, auth, 'priorities.round_created', round.id, { name: round.name, model: round.model, items: items.length });
    return toRound(tx, auth, round);
  });
}
