import { countOpenOn, doneBetween, flowCountsByDay, openOn } from '@tandem/db';
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

  const [done, open, openTotal, flow] = await Promise.all([
    doneBetween(ctx.db, auth.orgId, from, to),
    openOn(ctx.db, auth.orgId, to, AGEING_LIMIT),
    countOpenOn(ctx.db, auth.orgId, to),
    flowCountsByDay(ctx.db, auth.orgId, from, to),
  ]);

  const lead: number[] = new Array(done.length);
  const cycle: number[] = [];
  done.forEach((r, i) => {
    lead[i] = wholeDays(r.createdOn, r.doneOn!);
    if (r.startedOn) cycle.push(wholeDays(r.startedOn, r.doneOn!));
  });
  const sortedLead = Float64Array.from(lead).sort();

  const groups = (key: (r: (typeof done)[number]) => string) => {
    const m = new Map<string, number[]>();
    done.forEach((r, i) => {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(lead[i]!);
      else m.set(k, [lead[i]!]);
    });
    return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => ({ key: k, count: v.length, leadTime: percentileLines(v) }));
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

  const byRecent = done
    .map((r, i) => ({ r, lt: lead[i]! }))
    .sort((x, y) => (x.r.doneOn! < y.r.doneOn! ? 1 : x.r.doneOn! > y.r.doneOn! ? -1 : x.r.id.localeCompare(y.r.id)))
    .slice(0, SCATTER_LIMIT);

  return {
    from,
    to,
    doneCount: done.length,
    leadTime: percentileLines(lead),
    cycleTime: percentileLines(cycle),
    throughputPerWeek,
    ageing: open.map((r) => {
      const ageDays = wholeDays(r.createdOn, to);
      return { id: r.id, title: r.title, status: r.status, createdAt: r.createdOn, ageDays, percentile: ageingPercentile(sortedLead, ageDays) };
    }),
    ageingTruncated: Math.max(0, openTotal - open.length),
    scatter: byRecent.map(({ r, lt }) => ({ id: r.id, title: r.title, doneAt: r.doneOn!, leadTimeDays: lt, cycleTimeDays: r.startedOn ? wholeDays(r.startedOn, r.doneOn!) : null, type: r.type, side: r.side })),
    scatterTruncated: Math.max(0, done.length - byRecent.length),
    byType: groups((r) => r.type),
    bySide: groups((r) => r.side),
    byDepartment: groups((r) => r.department ?? '(none)'),
    cumulativeFlow,
  };
}
