import type { PairingSide } from '../matching';

/** A member of a coffee group as the statistics see them; `met` is their answer (null: none yet). */
export interface CoffeeMember {
  id: string;
  side: PairingSide;
  department: string;
  met: boolean | null;
}

export interface CoffeeRound {
  /** Round number within the programme (1, 2, ...). */
  number: number;
  groups: readonly (readonly CoffeeMember[])[];
}

export interface RateCell {
  groups: number;
  met: number;
  rate: number | null;
}

export interface CoffeeStats {
  rounds: number;
  groups: number;
  /** Pairs that met again within `noRepeatRounds` rounds of their previous meeting. */
  repeatPairs: number;
  /** Groups with both IT and Business members ÷ all groups (null with no groups). */
  crossSideShare: number | null;
  /** Groups where someone answered "we met" ÷ groups with at least one answer (null with none). */
  meetingRate: number | null;
  /** The meeting rate per side and per department: a member counts once per answered group. */
  bySide: Record<string, RateCell>;
  byDepartment: Record<string, RateCell>;
}

/**
 * History of a coffee programme: repeats (should be zero), the cross-side share and the meeting
 * rate. A group "met" when any member said so (one "yes" is enough: the other may never answer);
 * unanswered groups are left out of the rate rather than counted as missed. O(Σ g²).
 * Source: Tandem (decision 072).
 */
export function coffeeStats(rounds: readonly CoffeeRound[], noRepeatRounds: number): CoffeeStats {
  const ordered = [...rounds].sort((a, b) => a.number - b.number);
  const lastMet = new Map<string, number>();
  let repeatPairs = 0;
  let groups = 0;
  let mixed = 0;
  let answered = 0;
  let metGroups = 0;
  const bySide: Record<string, RateCell> = {};
  const byDepartment: Record<string, RateCell> = {};
  const bump = (table: Record<string, RateCell>, key: string, met: boolean) => {
    const cell = (table[key] ??= { groups: 0, met: 0, rate: null });
    cell.groups++;
    if (met) cell.met++;
  };
  for (const r of ordered) {
    for (const g of r.groups) {
      groups++;
      if (new Set(g.map((m) => m.side)).size > 1) mixed++;
      for (let x = 0; x < g.length; x++) {
        for (let y = x + 1; y < g.length; y++) {
          const a = g[x]!.id;
          const b = g[y]!.id;
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          const prev = lastMet.get(key);
          if (prev !== undefined && r.number - prev <= noRepeatRounds) repeatPairs++;
          lastMet.set(key, r.number);
        }
      }
      if (g.some((m) => m.met !== null)) {
        answered++;
        const met = g.some((m) => m.met === true);
        if (met) metGroups++;
        for (const m of g) {
          bump(bySide, m.side, met);
          bump(byDepartment, m.department, met);
        }
      }
    }
  }
  for (const t of [bySide, byDepartment]) for (const c of Object.values(t)) c.rate = c.groups ? c.met / c.groups : null;
  return {
    rounds: ordered.length,
    groups,
    repeatPairs,
    crossSideShare: groups ? mixed / groups : null,
    meetingRate: answered ? metGroups / answered : null,
    bySide,
    byDepartment,
  };
}
