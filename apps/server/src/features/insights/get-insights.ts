import { largestMovements, type Movement } from '@tandem/core';
import type { TInsightTile, TInsights } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { agreementTile, deferredTile, gapTile, healthTile, leadTimeTile, participationTile, valueTile } from './tiles';

/** What to do to fill a tile whose module has no data yet. */
const GUIDANCE: Record<TInsightTile, string> = {
  gap: 'Run and close an Alignment Pulse to see the perception gap between leaders and employees, IT and Business.',
  health: 'Add goals, initiatives and enablers to the roadmap to see its health.',
  agreement: 'Close a priorities round in which Business and IT both score to see how far they agree.',
  leadTime: 'File or import requests to see lead time and ageing work.',
  deferredExposure: 'Put deferred IT needs on the ledger to see the exposure they build up.',
  value: 'Record planned and realised benefits of initiatives to see value this year.',
  participation: 'Cross-over is not in use yet: participation by side appears once it is.',
};

const pct = (n: number) => `${Math.round(n * 100)} points`;

/**
 * The leadership one-screen: every tile from its module's own service (so each equals its
 * endpoint), guidance for the modules with no data, and the five largest movements of the month.
 */
export async function getInsights(ctx: AppContext, auth: OrgAuth): Promise<TInsights> {
  const [gap, health, agreement, leadTime, deferred, value, participation] = await Promise.all([
    gapTile(ctx, auth),
    healthTile(ctx, auth),
    agreementTile(ctx, auth),
    leadTimeTile(ctx, auth),
    deferredTile(ctx, auth),
    valueTile(ctx, auth),
    participationTile(ctx, auth),
  ]);
  const tiles = { gap, health, agreement, leadTime, deferredExposure: deferred, value, participation };
  const money = (n: number) => Math.round(n).toLocaleString('en-GB');
  const described: Record<string, Omit<Movement<TInsightTile>, 'from' | 'to'>> = {
    gap: { tile: 'gap', label: 'The leaders–employees perception gap', scale: 0.1, format: pct, higherIsBetter: null },
    health: { tile: 'health', label: 'Roadmap health', scale: 100, format: (n) => `${n}/100`, higherIsBetter: true },
    agreement: { tile: 'agreement', label: 'Business–IT agreement (tau)', scale: 1, format: (n) => n.toFixed(2), higherIsBetter: true },
    leadTime: { tile: 'leadTime', label: 'Lead time P85', scale: 1, format: (n) => `${n} days`, higherIsBetter: false },
    deferredExposure: { tile: 'deferredExposure', label: 'Deferred-needs exposure', scale: 1, format: money, higherIsBetter: false },
    // A move as large as the year's whole plan counts as one unit (decision 096).
    value: { tile: 'value', label: 'Value realised this year', scale: Math.max(1, value.value?.planned ?? 1), format: (n) => `${money(n)} ${value.value?.currency ?? ''}`.trim(), higherIsBetter: true },
  };
  const movements: Movement<TInsightTile>[] = [];
  for (const [key, d] of Object.entries(described)) {
    const m = tiles[key as keyof typeof tiles].movement;
    if (m) movements.push({ ...d, ...m });
  }
  return {
    gap: gap.value,
    health: health.value,
    agreement: agreement.value,
    leadTime: leadTime.value,
    deferredExposure: deferred.value,
    value: value.value,
    participation: participation.value,
    changes: largestMovements(movements, 5),
    guidance: (Object.keys(tiles) as TInsightTile[]).filter((k) => tiles[k].value === null).map((tile) => ({ tile, text: GUIDANCE[tile] })),
    asOf: ctx.now().toISOString(),
  };
}
