import { spearman } from '../stats/spearman';

export interface ParticipantPerson {
  id: string;
  side: 'it' | 'business';
  department: string;
}

export interface Rate {
  people: number;
  participants: number;
  rate: number;
}

export interface ParticipationRates {
  bySide: { it: Rate; business: Rate };
  byDepartment: (Rate & { department: string })[];
}

const rate = (people: number, participants: number): Rate => ({ people, participants, rate: people ? participants / people : 0 });

/**
 * The share of people who took part at least once, by side and by department (departments sorted by
 * name). `participantIds` may hold anyone; only people of `people` count, each once.
 * @example participationRates([{ id: 'a', side: 'it', department: 'X' }, { id: 'b', side: 'it', department: 'X' }], ['a', 'a'])
 *   → bySide.it = { people: 2, participants: 1, rate: 0.5 }
 */
export function participationRates(people: readonly ParticipantPerson[], participantIds: Iterable<string>): ParticipationRates {
  const took = new Set(participantIds);
  const side = { it: [0, 0], business: [0, 0] };
  const dept = new Map<string, [number, number]>();
  for (const p of people) {
    const yes = took.has(p.id) ? 1 : 0;
    side[p.side][0]! += 1;
    side[p.side][1]! += yes;
    const d = dept.get(p.department) ?? [0, 0];
    d[0] += 1;
    d[1] += yes;
    dept.set(p.department, d);
  }
  return {
    bySide: { it: rate(side.it[0]!, side.it[1]!), business: rate(side.business[0]!, side.business[1]!) },
    byDepartment: [...dept.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([department, [n, k]]) => ({ department, ...rate(n, k) })),
  };
}

export interface GapCorrelation {
  spearman: number | null;
  pValue: number | null;
  verdict: string;
}

const fmt = (v: number, d = 2) => v.toFixed(d).replace('-', '−');

/**
 * Spearman's ρ between participation rate and perception gap over departments, with a plain-words
 * verdict that never claims causation. Null ρ with fewer than three departments or when either
 * column does not vary (ρ is undefined then).
 */
export function gapCorrelation(points: readonly { rate: number; gap: number }[], excluded: number): GapCorrelation {
  const left = excluded ? ` ${excluded} department${excluded === 1 ? ' was' : 's were'} left out because the pulse does not show them (too few answers to stay anonymous).` : '';
  const caveat = ' This is a correlation, not causation: departments that take part more may differ in other ways (size, workload, leadership), and a pulse measures perception at one moment.';
  const x = points.map((p) => p.rate);
  const y = points.map((p) => p.gap);
  if (points.length < 3 || new Set(x).size < 2 || new Set(y).size < 2) {
    return { spearman: null, pValue: null, verdict: `Not enough departments with both a participation rate and a published gap to compare (${points.length}; at least three that differ are needed).${left}` };
  }
  const r = spearman(x, y);
  const stats = `(Spearman ρ = ${fmt(r.rho)}, p = ${r.pValue < 0.001 ? '< 0.001' : fmt(r.pValue, 3)}, ${r.n} departments)`;
  let words: string;
  if (r.pValue >= 0.05) words = `No clear link between taking part and the gap ${stats}: with this many departments, a pattern this strong could be chance.`;
  else if (r.rho < 0) words = `Departments that take part more tend to have a smaller perception gap ${stats}.`;
  else words = `Departments that take part more tend to have a larger perception gap ${stats}.`;
  return { spearman: r.rho, pValue: r.pValue, verdict: words + caveat + left };
}
