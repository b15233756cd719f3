import { flowCountsByDay, leadTimeHistograms, leadTimeHistogramsEnding, openOn, recentlyDone } from '@tandem/db';
import { ZAnalyticsQuery, type TAnalytics, type TAnalyticsQuery } from '@tandem/contracts';
import { addDays, ageingPercentile, percentileLines, wholeDays } from '@tandem/core';
import type { AppContext, OrgAuth } from '../../context';
import { badField, today } from './dates';

export const AGEING_LIMIT = 500;
export const SCATTER_LIMIT = 2000;
export const MAX_ANALYTICS_SPAN_DAYS = 3660;

/** Monday on or before a day (ISO weeks). */
function mondayOf(day: string): string {
  const dow = (wholeDays('1970-01-05', day) % 7 + 7) % 7; // 1970-01-05 was a Monday
  return addDays(day, -dow);
}

/** A histogram (days, count) expanded to the sorted sample the percentiles read. */
function expand(rows: { days: number; n: number }[]): number[] {
  const out: number[] = [];
  for (const r of [...rows].sort((a, b) => a.days - b.days)) for (let i = 0; i < r.n; i++) out.push(r.days);
  return out;
}

/**
 * Flow analytics over [from, to] (default: the year up to today): lead time (created → done) and
 * cycle time (started → done) percentiles (numpy linear, rounded to whole days), by type, side and
 * department; throughput per ISO week; a cumulative flow diagram; the lead-time scatter; and the
 * age on `to` of every open request ranked among the lead times of the period.
 */
export async function getAnalytics(ctx: AppContext, auth: OrgAuth, query: TAnalyticsQuery): Promise<TAnalytics> {
  const q = ZAnalyticsQuery.parse(query);
  const to = q.to ?? today(ctx);
  const from = q.from ?? addDays(to, -364);
  if (from > to) throw badField('querystring.from', `from (${from}) is after to (${to})`);
  if (wholeDays(from, to) > MAX_ANALYTICS_SPAN_DAYS) throw badField('querystring.from', `the period may span at most ${MAX_ANALYTICS_SPAN_DAYS} days`);

  // One aggregate query per chart: lead/cycle histograms, the scatter, the ageing list (with its total), the flow counts.
  const [hist, recent, open, flow] = await Promise.all([
    leadTimeHistograms(ctx.db, auth.orgId, from, to),
    recentlyDone(ctx.db, auth.orgId, from, to, SCATTER_LIMIT),
    openOn(ctx.db, auth.orgId, to, AGEING_LIMIT),
    flowCountsByDay(ctx.db, auth.orgId, from, to),
  ]);
  const openTotal = open[0]?.total ?? 0;

  const lead = expand(hist.bySide);
  const cycle = expand(hist.cycle);
  const groups = (rows: { key: string | null; days: number; n: number }[]) => {
    const m = new Map<string, { days: number; n: number }[]>();
    for (const r of rows) {
      const k = r.key ?? '(none)';
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => {
      const sample = expand(v);
      return { key: k, count: sample.length, leadTime: percentileLines(sample) };
    });
  };

  // Throughput per ISO week and cumulative flow, weeks from the Monday on or before `from`.
  const firstMonday = mondayOf(from);
  const weeks = Math.floor(wholeDays(firstMonday, to) / 7) + 1;
  const bucket = (day: string) => Math.floor(wholeDays(firstMonday, day) / 7);
  const per = (rows: { day: string; n: number }[]) => {
    const out = new Array<number>(weeks).fill(0);
    for (const r of rows) out[bucket(r.day)]! += r.n;
    return out;
  };
  const arrived = per(flow.arrived);
  const started = per(flow.started);
  const doneW = per(flow.done);
  const throughputPerWeek = doneW.map((count, i) => ({ weekStart: addDays(firstMonday, 7 * i), count }));
  let a = flow.before.arrived;
  let s = flow.before.started;
  let d = flow.before.done;
  const cumulativeFlow = doneW.map((_, i) => {
    a += arrived[i]!;
    s += started[i]!;
    d += doneW[i]!;
    return { weekStart: addDays(firstMonday, 7 * i), arrived: a, started: s, done: d };
  });

  return {
    from,
    to,
    doneCount: lead.length,
    leadTime: percentileLines(lead),
    cycleTime: percentileLines(cycle),
    throughputPerWeek,
    ageing: open.map((r) => {
      const ageDays = wholeDays(r.createdOn, to);
      return { id: r.id, title: r.title, status: r.status, createdAt: r.createdOn, ageDays, percentile: ageingPercentile(lead, ageDays) };
    }),
    ageingTruncated: Math.max(0, openTotal - open.length),
    scatter: recent.map((r) => ({ id: r.id, title: r.title, doneAt: r.doneOn!, leadTimeDays: wholeDays(r.createdOn, r.doneOn!), cycleTimeDays: r.startedOn ? wholeDays(r.startedOn, r.doneOn!) : null, type: r.type, side: r.side })),
    scatterTruncated: Math.max(0, lead.length - recent.length),
    byType: groups(hist.byType),
    bySide: groups(hist.bySide),
    byDepartment: groups(hist.byDepartment),
    cumulativeFlow,
  };
}

/**
 * Lead time P85 of the default period (the year up to `to`) for several `to` at once: what
 * `getAnalytics(…, { to }).leadTime?.p85` answers for each, from one aggregate query instead of a
 * whole analytics run each (the one-screen's trend, decision 095).
 */
export async function leadTimeP85Ending(ctx: AppContext, auth: OrgAuth, tos: string[]): Promise<Map<string, number | null>> {
  const hist = await leadTimeHistogramsEnding(ctx.db, auth.orgId, tos, 364);
  return new Map(tos.map((t) => [t, percentileLines(expand(hist.get(t) ?? []))?.p85 ?? null]));
}
