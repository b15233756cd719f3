import { criterionScale, MODEL_CRITERIA, type CriterionScale, type PriorityModel } from '@tandem/core';
import { findPersonOfUser, listRoundItems, type Executor, type RoundRow, type StoredCriterion } from '@tandem/db';
import type { TCriterion, TRound } from '@tandem/contracts';
import type { OrgAuth } from '../../context';

function toWireScale(s: CriterionScale): TCriterion['scale'] {
  return s.kind === 'set' ? { kind: 'set', values: [...s.values] } : { ...s };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The criteria with their scale and definition, as a scorer needs them. */
export function toCriteria(model: PriorityModel, criteria: StoredCriterion[]): TCriterion[] {
  return criteria.map((c) => ({
    key: c.key,
    label: c.label,
    weight: c.weight,
    owner: c.owner,
    definition: c.definition ?? (model === 'weighted' ? '' : (MODEL_CRITERIA[model].find((m) => m.key === c.key)?.definition ?? '')),
    scale: toWireScale(criterionScale(model, c.key)!),
  }));
}

export async function toRound(x: Executor, auth: OrgAuth, r: RoundRow): Promise<TRound> {
  const items = await listRoundItems(x, auth.orgId, r.id);
  const me = await findPersonOfUser(x, auth.orgId, auth.userId);
  return {
    id: r.id,
    name: r.name,
    model: r.model,
    status: r.status,
    criteria: toCriteria(r.model, r.criteria),
    items: items.map((i) => ({ itemId: i.itemId, type: i.type, title: i.title, effort: i.effort === null ? null : Number(i.effort), category: i.category, horizon: i.horizon })),
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    openedAt: iso(r.openedAt),
    closedAt: iso(r.closedAt),
    createdAt: r.createdAt.toISOString(),
    me: me ? { personId: me.id, name: me.name, side: me.side } : null,
  };
}
