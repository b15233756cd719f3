import { countRoadmapItems } from '@tandem/db';
import { addDays } from '@tandem/core';
import type { TInsights, TPulseTrend } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { getPulseResults, getPulseTrend } from '../pulse';
import { checkRoadmapHealth, healthHistory } from '../strategy';
import { getResults, listOrgRounds } from '../priorities';
import { getAnalytics, leadTimeP85Ending, ledger } from '../requests';
import { getValueSummary } from '../value';
import { getParticipation } from '../events';

/*
 * Each tile is computed by its module's own service, the one behind the module's endpoint, so the
 * tile equals what that endpoint answers (decision 092). A tile is null when its module has no data.
 * Each tile also gives the number it had about a month ago (`before`) for "what changed".
 */

export interface Tile<T> {
  value: T | null;
  /** The headline number now and about a month ago, when both exist. */
  movement?: { from: number; to: number } | null;
}

const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

/** Mean of (leaders − employees) favourable over the questions both can see in one pulse. */
function levelGapOf(segments: TPulseTrend['questions'][number]['points'][number]['segments'][]): number | null {
  const diffs: number[] = [];
  for (const segs of segments) {
    const fav = (level: string) => {
      const s = segs.find((x) => x.key.level === level);
      return s && 'favourable' in s ? s.favourable : null;
    };
    const l = fav('leader');
    const e = fav('employee');
    if (l !== null && e !== null) diffs.push(l - e);
  }
  return diffs.length ? diffs.reduce((a, b) => a + b, 0) / diffs.length : null;
}

/** The perception gap: the latest closed pulse's gaps by level and by side, and the gap per pulse. Only what the pulse endpoints publish. */
export async function gapTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['gap']>>> {
  const trend = await getPulseTrend(ctx, auth);
  const pulses = new Map<string, { title: string; closedAt: string | null; segments: TPulseTrend['questions'][number]['points'][number]['segments'][] }>();
  for (const q of trend.questions) {
    for (const p of q.points) {
      const e = pulses.get(p.pulseId) ?? { title: p.title, closedAt: p.closedAt, segments: [] };
      e.segments.push(p.segments);
      pulses.set(p.pulseId, e);
    }
  }
  const ordered = [...pulses.entries()].sort((a, b) => (a[1].closedAt ?? '').localeCompare(b[1].closedAt ?? ''));
  const latest = ordered[ordered.length - 1];
  if (!latest) return { value: null };
  const [byLevel, bySide] = await Promise.all([getPulseResults(ctx, auth, latest[0], 'level'), getPulseResults(ctx, auth, latest[0], 'side')]);
  const points = ordered.map(([, p]) => ({ label: p.title, value: levelGapOf(p.segments) }));
  const last = points[points.length - 1]?.value ?? null;
  const prev = points[points.length - 2]?.value ?? null;
  return {
    value: { pulseId: latest[0], title: latest[1].title, closedAt: latest[1].closedAt, byLevel: byLevel.gaps, bySide: bySide.gaps, trend: points },
    movement: last !== null && prev !== null ? { from: prev, to: last } : null,
  };
}

/** Roadmap health now (GET /roadmap/health) and its daily snapshots of the last 90 days. */
export async function healthTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['health']>>> {
  const [items, h, { snapshots }] = await Promise.all([countRoadmapItems(ctx.db, auth.orgId), checkRoadmapHealth(ctx, auth), healthHistory(ctx, auth, 90)]);
  if (items === 0) return { value: null };
  const monthAgo = addDays(today(ctx), -30);
  const before = [...snapshots].reverse().find((s) => s.day <= monthAgo);
  return {
    value: { overall: h.overall, scores: h.scores, findings: h.findings.length, trend: snapshots },
    movement: before && before.overall !== null && h.overall !== null ? { from: before.overall, to: h.overall } : null,
  };
}

/** Business–IT agreement (Kendall tau-b) of the latest closed round and its open disagreements. */
export async function agreementTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['agreement']>>> {
  const closed = (await listOrgRounds(ctx, auth)).rounds.filter((r) => r.status === 'closed').slice(0, 4);
  const latest = closed[0];
  if (!latest) return { value: null };
  const results = await Promise.all(closed.map((r) => getResults(ctx, auth, r.id)));
  const now = results[0]!;
  const trend = closed.map((r, i) => ({ label: r.name, value: results[i]!.agreement.kendallTauB })).reverse();
  const prev = results[1]?.agreement.kendallTauB ?? null;
  return {
    value: {
      roundId: latest.id,
      name: latest.name,
      kendallTauB: now.agreement.kendallTauB,
      openDisagreements: now.disagreements.filter((d) => d.status !== 'decided').length,
      trend,
    },
    movement: prev !== null && now.agreement.kendallTauB !== null ? { from: prev, to: now.agreement.kendallTauB } : null,
  };
}

/** Lead time P85 over the year to today (GET /requests/analytics), the ageing count, and P85 a month apart. */
export async function leadTimeTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['leadTime']>>> {
  const to = today(ctx);
  // The past windows need only their P85: one aggregate query for all three, run beside today's analytics.
  const pastTos = [90, 60, 30].map((d) => addDays(to, -d));
  const [a, past] = await Promise.all([getAnalytics(ctx, auth, { to }), leadTimeP85Ending(ctx, auth, pastTos)]);
  if (a.doneCount === 0 && a.ageing.length === 0) return { value: null };
  const p85 = a.leadTime?.p85 ?? null;
  const trend = [...pastTos.map((t) => ({ label: t, value: past.get(t) ?? null })), { label: a.to, value: p85 }];
  const before = past.get(pastTos[2]!) ?? null;
  return {
    value: { from: a.from, to: a.to, p85, doneCount: a.doneCount, ageingCount: a.ageing.filter((r) => r.percentile >= 85).length, trend },
    movement: before !== null && p85 !== null ? { from: before, to: p85 } : null,
  };
}

/** The deferred-needs ledger's total exposure today (GET /deferred-needs) and a month ago. */
export async function deferredTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<number>> {
  const now = await ledger(ctx, auth, undefined, false);
  if (now.items.length === 0) return { value: null };
  const before = await ledger(ctx, auth, addDays(now.asOf, -30), false);
  return { value: now.totalExposure, movement: { from: before.totalExposure, to: now.totalExposure } };
}

/** This year's value planned and realised (GET /value/summary), and the realised money as the entries recorded by a month ago gave it. */
export async function valueTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['value']>>> {
  const monthAgo = new Date(ctx.now().getTime() - 30 * 86_400_000);
  const [s, before] = await Promise.all([getValueSummary(ctx, auth), getValueSummary(ctx, auth, undefined, monthAgo)]);
  if (s.byInitiative.length === 0) return { value: null };
  return {
    value: { year: s.year, currency: s.currency, planned: s.planned, realised: s.realised, itEnabledShare: s.itEnabledShare },
    movement: { from: before.realised, to: s.realised },
  };
}

/**
 * Cross-over participation by side over the last 90 days (GET /participation?from=&to=): every
 * activity the events feature counts, cross-over programmes included. Null when nobody took part.
 */
export async function participationTile(ctx: AppContext, auth: OrgAuth): Promise<Tile<NonNullable<TInsights['participation']>>> {
  const to = today(ctx);
  const from = addDays(to, -89);
  const p = await getParticipation(ctx, auth, { from, to });
  const participants = p.bySide.business.participants + p.bySide.it.participants;
  if (participants === 0) return { value: null };
  return { value: { from, to, business: p.bySide.business.rate, it: p.bySide.it.rate, participants } };
}
