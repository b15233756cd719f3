import type { TEnabler, TGoal, TInitiative } from '@tandem/contracts';

/** The timeline's rows and edits as plain functions, so they are tested without a browser. */

export const DAY_MS = 86_400_000;

export interface Dates {
  startDate: string | null;
  endDate: string | null;
}

/** What a drag or a key press changes: the whole bar, or one of its ends. */
export type DragMode = 'move' | 'start' | 'end';

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The dates after moving a bar (both ends) or one end by `days`. An end never passes the other:
 * dragging the start beyond the end stops at the end, and the other way round. A missing date stays
 * missing; moving an end that does not exist changes nothing.
 */
export function shiftDates(d: Dates, mode: DragMode, days: number): Dates {
  if (days === 0) return d;
  if (mode === 'move') {
    return { startDate: d.startDate ? addDays(d.startDate, days) : null, endDate: d.endDate ? addDays(d.endDate, days) : null };
  }
  if (mode === 'start') {
    if (!d.startDate) return d;
    const moved = addDays(d.startDate, days);
    return { startDate: d.endDate && moved > d.endDate ? d.endDate : moved, endDate: d.endDate };
  }
  if (!d.endDate) return d;
  const moved = addDays(d.endDate, days);
  return { startDate: d.startDate, endDate: d.startDate && moved < d.startDate ? d.startDate : moved };
}

export type Row =
  | { kind: 'heading'; key: string; text: string }
  | { kind: 'initiative'; key: string; i: TInitiative }
  | { kind: 'enabler'; key: string; e: TEnabler; late: { slip: number; i: TInitiative } | null };

export interface RowsInput {
  goals: TGoal[];
  initiatives: TInitiative[];
  enablers: TEnabler[];
  initiativeById: Map<string, TInitiative>;
  query: string;
  groupByGoal: boolean;
  slipOf: (e: TEnabler, i: TInitiative) => number | null;
}

const byStart = (a: TInitiative, b: TInitiative) => (a.startDate ?? '9').localeCompare(b.startDate ?? '9') || a.title.localeCompare(b.title);
const byEnd = (a: TEnabler, b: TEnabler) => (a.endDate ?? '9').localeCompare(b.endDate ?? '9') || a.title.localeCompare(b.title);

/**
 * Which items a search shows: an item whose title holds the words; every initiative of a goal
 * whose title holds them; and every enabler of a shown initiative (what it needs from IT), so a
 * search for a goal brings its whole slice of the roadmap.
 */
export function searchRoadmap(input: Pick<RowsInput, 'goals' | 'initiatives' | 'enablers' | 'query'>): { initiatives: TInitiative[]; enablers: TEnabler[] } {
  const q = input.query.trim().toLocaleLowerCase();
  if (!q) return { initiatives: input.initiatives, enablers: input.enablers };
  const has = (s: string) => s.toLocaleLowerCase().includes(q);
  const goals = new Set(input.goals.filter((g) => has(g.title)).map((g) => g.id));
  const initiatives = input.initiatives.filter((i) => has(i.title) || i.goalIds.some((g) => goals.has(g)));
  const shown = new Set(initiatives.map((i) => i.id));
  const enablers = input.enablers.filter((e) => has(e.title) || e.initiativeIds.some((id) => shown.has(id)));
  return { initiatives, enablers };
}

/**
 * The timeline's rows: the Business lane (initiatives in time order, or under a heading per goal,
 * an initiative with several goals under its first), then the IT lane (enablers by end date), each
 * enabler with its worst slip against the initiatives it enables.
 */
export function timelineRows(input: RowsInput): { rows: Row[]; links: { enablerRow: number; initiativeRow: number; e: TEnabler; i: TInitiative; late: boolean }[]; shownCount: number } {
  const found = searchRoadmap(input);
  const initiatives = [...found.initiatives].sort(byStart);
  const enablers = [...found.enablers].sort(byEnd);
  const rows: Row[] = [{ kind: 'heading', key: 'h-business', text: 'Business: initiatives' }];
  if (input.groupByGoal) {
    const goalOrder = new Map(input.goals.map((g, k) => [g.id, k]));
    const groups = new Map<string, TInitiative[]>();
    for (const i of initiatives) {
      const first = [...i.goalIds].sort((a, b) => (goalOrder.get(a) ?? 1e9) - (goalOrder.get(b) ?? 1e9))[0];
      const key = first && goalOrder.has(first) ? first : '';
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    for (const g of input.goals) {
      const members = groups.get(g.id);
      if (!members) continue;
      rows.push({ kind: 'heading', key: `g-${g.id}`, text: `Goal: ${g.title}` });
      for (const i of members) rows.push({ kind: 'initiative', key: i.id, i });
    }
    const loose = groups.get('');
    if (loose) {
      rows.push({ kind: 'heading', key: 'g-none', text: 'No goal yet' });
      for (const i of loose) rows.push({ kind: 'initiative', key: i.id, i });
    }
  } else {
    for (const i of initiatives) rows.push({ kind: 'initiative', key: i.id, i });
  }
  const rowOfInitiative = new Map<string, number>();
  rows.forEach((r, k) => {
    if (r.kind === 'initiative') rowOfInitiative.set(r.i.id, k);
  });
  rows.push({ kind: 'heading', key: 'h-it', text: 'IT: enablers' });
  const links: { enablerRow: number; initiativeRow: number; e: TEnabler; i: TInitiative; late: boolean }[] = [];
  for (const e of enablers) {
    let worst: { slip: number; i: TInitiative } | null = null;
    const enablerRow = rows.length;
    for (const id of e.initiativeIds) {
      const i = input.initiativeById.get(id);
      if (!i) continue;
      const s = input.slipOf(e, i);
      if (s !== null && (!worst || s > worst.slip)) worst = { slip: s, i };
      const initiativeRow = rowOfInitiative.get(id);
      if (initiativeRow !== undefined && e.endDate && i.startDate) links.push({ enablerRow, initiativeRow, e, i, late: s !== null });
    }
    rows.push({ kind: 'enabler', key: e.id, e, late: worst });
  }
  return { rows, links, shownCount: initiatives.length + enablers.length };
}

/** The quarter an item falls in for the phone list: its start, else its end; null when undated. */
export function quarterLabel(d: Dates): string | null {
  const iso = d.startDate ?? d.endDate;
  if (!iso) return null;
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}
