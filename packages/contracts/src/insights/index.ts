import { z } from 'zod';
import { ZUuid } from '../common';
import { ZPulseGap } from '../pulse';
import { ZHealthScores, ZHealthSnapshot } from '../strategy';

/*
 * The leadership one-screen: each tile is what its own module's endpoint answers (or null when the
 * module has no data yet), plus a short trend. See decision 092.
 */

const ZTrendPoint = z.object({ label: z.string(), value: z.number().nullable() });

export const ZGapTile = z.object({
  pulseId: ZUuid,
  title: z.string(),
  closedAt: z.string().nullable(),
  /** GET /pulses/:id/results?by=level → gaps (leaders vs employees). */
  byLevel: z.array(ZPulseGap),
  /** GET /pulses/:id/results?by=side → gaps (IT vs Business). */
  bySide: z.array(ZPulseGap),
  /** Mean leaders − employees favourable over the questions both groups can see, per closed pulse (from GET /pulses/trend). */
  trend: z.array(ZTrendPoint),
});

export const ZHealthTile = z.object({
  overall: z.number().int(),
  scores: ZHealthScores,
  findings: z.number().int(),
  trend: z.array(ZHealthSnapshot),
});

export const ZAgreementTile = z.object({
  roundId: ZUuid,
  name: z.string(),
  kendallTauB: z.number().nullable(),
  openDisagreements: z.number().int(),
  trend: z.array(ZTrendPoint),
});

export const ZLeadTimeTile = z.object({
  from: z.string(),
  to: z.string(),
  p85: z.number().int().nullable(),
  doneCount: z.number().int(),
  /** Open requests older than the period's P85 lead time. */
  ageingCount: z.number().int(),
  trend: z.array(ZTrendPoint),
});

export const ZValueTile = z.object({
  year: z.number().int(),
  currency: z.string(),
  planned: z.number(),
  realised: z.number(),
  itEnabledShare: z.number().nullable(),
});

/** Cross-over participation over the last 90 days: each side's share of people who took part (GET /participation's bySide). */
export const ZParticipationTile = z.object({ from: z.string(), to: z.string(), business: z.number(), it: z.number(), participants: z.number().int() });

export const INSIGHT_TILES = ['gap', 'health', 'agreement', 'leadTime', 'deferredExposure', 'value', 'participation'] as const;
export const ZInsightTile = z.enum(INSIGHT_TILES);
export type TInsightTile = z.infer<typeof ZInsightTile>;

export const ZInsights = z.object({
  gap: ZGapTile.nullable(),
  health: ZHealthTile.nullable(),
  agreement: ZAgreementTile.nullable(),
  leadTime: ZLeadTimeTile.nullable(),
  deferredExposure: z.number().nullable(),
  value: ZValueTile.nullable(),
  participation: ZParticipationTile.nullable(),
  /** The five largest movements since a month ago, largest first, in words. */
  changes: z.array(z.object({ tile: ZInsightTile, text: z.string(), from: z.number(), to: z.number() })),
  /** Modules with no data yet, each with what to do to fill its tile. */
  guidance: z.array(z.object({ tile: ZInsightTile, text: z.string() })),
  asOf: z.string(),
});
export type TInsights = z.infer<typeof ZInsights>;

/** An IANA time zone name the runtime knows (Europe/Amsterdam, UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZDigestSettings = z.strictObject({
  enabled: z.boolean(),
  /** 0 or 7 = Sunday, 1 = Monday … 6 = Saturday (cron's convention). */
  weekday: z.number().int().min(0, 'weekday must be 0 to 7 (0 and 7 are Sunday)').max(7, 'weekday must be 0 to 7 (0 and 7 are Sunday)'),
  hour: z.number().int().min(0, 'hour must be 0 to 23').max(23, 'hour must be 0 to 23'),
  timeZone: z
    .string()
    .max(100)
    .superRefine((v, ctx) => {
      if (!isTimeZone(v)) ctx.addIssue({ code: 'custom', message: `unknown time zone "${v}"` });
    }),
});
export type TDigestSettings = z.infer<typeof ZDigestSettings>;
export const ZDigestSettingsAnswer = ZDigestSettings.extend({ timeZone: z.string() });

export const ZUnsubscribeQuery = z.strictObject({ token: z.string().max(200) });
