import { coffeeStats, type CoffeeMember, type CoffeeRound } from '@tandem/core';
import type { TProgrammeStats } from '@tandem/contracts';
import { findProgramme, programmeMembers } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { notFound } from '../../lib/errors';

/** Repeats, cross-side share and meeting rates of a programme's whole history. */
export async function getProgrammeStats(ctx: AppContext, auth: OrgAuth, programmeId: string): Promise<TProgrammeStats> {
  const p = await findProgramme(ctx.db, auth.orgId, programmeId);
  if (!p) throw notFound('Programme');
  const rows = await programmeMembers(ctx.db, auth.orgId, programmeId);
  const rounds = new Map<number, Map<number, CoffeeMember[]>>();
  for (const r of rows) {
    if (!rounds.has(r.number)) rounds.set(r.number, new Map());
    const groups = rounds.get(r.number)!;
    if (!groups.has(r.groupIndex)) groups.set(r.groupIndex, []);
    groups.get(r.groupIndex)!.push({ id: r.personId, side: r.side, department: r.department, met: r.met });
  }
  const list: CoffeeRound[] = [...rounds].map(([number, groups]) => ({ number, groups: [...groups.values()] }));
  return {
    ...coffeeStats(list, p.noRepeatRounds),
    method: `Repeats: pairs meeting again within ${p.noRepeatRounds} rounds. Cross-side share: groups with IT and Business ÷ all groups. Meeting rate: groups where someone answered "we met" ÷ groups with an answer.`,
  };
}
