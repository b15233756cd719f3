/**
 * Benefits realisation (decision 090). Periods are calendar quarters 'YYYY-Qn'. Money kinds are
 * summed together in the organisation's currency; hours saved are summed apart (hours are not money).
 * Realisation is compared with the plan up to the current quarter ("plannedToDate"): an initiative
 * is lagging by realised − plannedToDate, and the most negative lag comes first.
 */

export type BenefitKind = 'revenue' | 'cost_saved' | 'risk_reduced' | 'hours_saved';

export interface Quarter {
  year: number;
  quarter: number;
}

/** '2026-Q3' → { year: 2026, quarter: 3 }; null for anything else. */
export function parsePeriod(p: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(p);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function formatPeriod(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** The UTC calendar quarter of an instant. */
export function quarterOf(d: Date): Quarter {
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

/** a < b → negative, equal → 0. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

export interface BenefitSum {
  initiativeId: string;
  kind: BenefitKind;
  quarter: number;
  planned: number | null;
  realised: number | null;
}

/** One business-case benefit line: `likely` in case year `year`, year 0 being `startYear`. */
export interface CaseBenefitLine {
  initiativeId: string;
  startYear: number;
  year: number;
  likely: number;
}

export interface ValueInput {
  year: number;
  /** The quarter that contains "now": plannedToDate counts quarters up to and including it. */
  current: Quarter;
  sums: BenefitSum[];
  caseLines: CaseBenefitLine[];
  initiatives: { id: string; title: string }[];
  itEnabled: ReadonlySet<string>;
}

export interface QuarterFigures {
  period: string;
  planned: number;
  realised: number;
}

export interface InitiativeValue {
  initiativeId: string;
  title: string;
  planned: number;
  realised: number;
  plannedToDate: number;
  lag: number;
  plannedFrom: 'case' | 'entered' | 'none';
  itEnabled: boolean;
  quarters: QuarterFigures[];
}

export interface ValueSummaryResult {
  year: number;
  planned: number;
  realised: number;
  plannedToDate: number;
  byInitiative: InitiativeValue[];
  byQuarter: QuarterFigures[];
  itEnabledShare: number | null;
  hours: { planned: number; realised: number };
}

const MONEY: ReadonlySet<BenefitKind> = new Set(['revenue', 'cost_saved', 'risk_reduced']);

/** Rounds to cents so sums of decimals read as entered (0.1 + 0.2 = 0.3). */
export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The planned money of an initiative per quarter of `year` from its business case: each case
 * year's likely benefit spread evenly over that calendar year's four quarters.
 */
export function casePlanByQuarter(lines: readonly CaseBenefitLine[], year: number): number[] {
  const q = [0, 0, 0, 0];
  for (const l of lines) if (l.startYear + l.year === year) for (let i = 0; i < 4; i++) q[i]! += l.likely / 4;
  return q;
}

/**
 * Planned vs realised per initiative and quarter. An initiative's plan comes from its business
 * case when it has one, else from the entered planned values; realised values are always entered.
 * Initiatives with nothing planned or realised in the year are left out.
 */
export function summariseValue(input: ValueInput): ValueSummaryResult {
  const title = new Map(input.initiatives.map((i) => [i.id, i.title]));
  const caseBy = new Map<string, CaseBenefitLine[]>();
  for (const l of input.caseLines) caseBy.set(l.initiativeId, [...(caseBy.get(l.initiativeId) ?? []), l]);
  const ids = new Set<string>([...input.sums.map((s) => s.initiativeId), ...[...caseBy.keys()].filter((id) => title.has(id))]);
  const hours = { planned: 0, realised: 0 };
  const lastQuarter = input.current.year > input.year ? 4 : input.current.year < input.year ? 0 : input.current.quarter;

  const byInitiative: InitiativeValue[] = [];
  for (const id of ids) {
    const planned = [0, 0, 0, 0];
    const realised = [0, 0, 0, 0];
    let entered = false;
    for (const s of input.sums) {
      if (s.initiativeId !== id) continue;
      if (!MONEY.has(s.kind)) {
        hours.planned += s.planned ?? 0;
        hours.realised += s.realised ?? 0;
        continue;
      }
      realised[s.quarter - 1]! += s.realised ?? 0;
      if (s.planned !== null) {
        planned[s.quarter - 1]! += s.planned;
        entered = true;
      }
    }
    const fromCase = caseBy.get(id);
    const plan = fromCase ? casePlanByQuarter(fromCase, input.year) : planned;
    const p = plan.reduce((a, b) => a + b, 0);
    const r = realised.reduce((a, b) => a + b, 0);
    if (p === 0 && r === 0 && !fromCase && !entered) continue;
    const toDate = plan.slice(0, lastQuarter).reduce((a, b) => a + b, 0);
    byInitiative.push({
      initiativeId: id,
      title: title.get(id) ?? '',
      planned: cents(p),
      realised: cents(r),
      plannedToDate: cents(toDate),
      lag: cents(r - toDate),
      plannedFrom: fromCase ? 'case' : entered ? 'entered' : 'none',
      itEnabled: input.itEnabled.has(id),
      quarters: plan.map((v, i) => ({ period: `${input.year}-Q${i + 1}`, planned: cents(v), realised: cents(realised[i]!) })),
    });
  }
  byInitiative.sort((a, b) => a.lag - b.lag || a.title.localeCompare(b.title) || a.initiativeId.localeCompare(b.initiativeId));

  const byQuarter = [1, 2, 3, 4].map((q) => ({
    period: `${input.year}-Q${q}`,
    planned: cents(byInitiative.reduce((s, i) => s + i.quarters[q - 1]!.planned, 0)),
    realised: cents(byInitiative.reduce((s, i) => s + i.quarters[q - 1]!.realised, 0)),
  }));
  const realisedTotal = byInitiative.reduce((s, i) => s + i.realised, 0);
  return {
    year: input.year,
    planned: cents(byInitiative.reduce((s, i) => s + i.planned, 0)),
    realised: cents(realisedTotal),
    plannedToDate: cents(byInitiative.reduce((s, i) => s + i.plannedToDate, 0)),
    byInitiative,
    byQuarter,
    itEnabledShare: itEnabledShare(byInitiative),
    hours: { planned: cents(hours.planned), realised: cents(hours.realised) },
  };
}

/**
 * Share of realised money that came from initiatives with an IT enabler: Σ realised(IT-enabled) /
 * Σ realised, null when nothing (or a net zero) was realised. May leave [0, 1] when some realised
 * values are negative (a realised loss); it is reported as computed.
 */
export function itEnabledShare(rows: readonly { realised: number; itEnabled: boolean }[]): number | null {
  const total = rows.reduce((s, r) => s + r.realised, 0);
  if (total === 0) return null;
  return rows.filter((r) => r.itEnabled).reduce((s, r) => s + r.realised, 0) / total;
}
