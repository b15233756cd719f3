import { z } from 'zod';
import { ZCurrency, ZPageQuery, ZUuid, zPage } from '../common';

/*
 * Cases in money. Amounts are in the case's currency (major units, e.g. euros); reductions and
 * rates are fractions (0.25 = 25%). Year 0 is now and is not discounted; costs are positive
 * amounts that count negative.
 */

const ZTitle = z.string().trim().min(1, 'title is required').max(200);
const ZText = z.string().trim().max(2000);
const ZLabel = z.string().trim().min(1, 'label is required').max(120);
const ZAmount = z.number().finite().min(0, 'must be an amount >= 0').max(1e13);
const ZFraction = z.number().finite().min(0, 'must be a fraction from 0 to 1').max(1, 'must be a fraction from 0 to 1 (100%)');
const ZSeed = z.number().int().min(0).max(2_147_483_647);
const ZIterations = z.number().int().min(100).max(100_000);
const ZYears = z.number().int().min(1, 'horizon must be 1 to 15 years').max(15, 'horizon must be 1 to 15 years');
const ZDiscountRate = z.number().finite().gt(-1, 'discount rate must be above -100%').max(1, 'discount rate must be at most 100%');

export const ZCaseKind = z.enum(['business', 'security']);
export type TCaseKind = z.infer<typeof ZCaseKind>;

export const ZCaseLine = z.strictObject({
  label: ZLabel,
  type: z.enum(['cost', 'benefit']),
  year: z.number().int().min(0).max(15),
  low: ZAmount,
  likely: ZAmount,
  high: ZAmount,
});
export type TCaseLine = z.infer<typeof ZCaseLine>;

export const ZFrequencyRange = z.strictObject({
  low: z.number().finite().min(0, 'frequency must not be negative').max(1000),
  likely: z.number().finite().min(0, 'frequency must not be negative').max(1000),
  high: z.number().finite().min(0, 'frequency must not be negative').max(1000),
});
export const ZMagnitudeRange = z.strictObject({
  low: z.number().finite().gt(0, 'magnitude low must be > 0').max(1e13),
  high: z.number().finite().gt(0, 'magnitude high must be > 0').max(1e13),
});
export const ZControl = z.strictObject({
  label: ZLabel,
  costPerYear: ZAmount,
  frequencyReduction: ZFraction,
  magnitudeReduction: ZFraction,
});
export type TControl = z.infer<typeof ZControl>;

type Issue = { path: (string | number)[]; message: string };

/** The ordering rules a schema cannot say field by field (low ≤ likely ≤ high, year within the horizon). */
export function lineIssues(lines: readonly TCaseLine[] | undefined, years: number | undefined): Issue[] {
  const out: Issue[] = [];
  (lines ?? []).forEach((l, i) => {
    if (l.low > l.likely) out.push({ path: ['lines', i, 'low'], message: `low (${l.low}) must not exceed likely (${l.likely})` });
    if (l.likely > l.high) out.push({ path: ['lines', i, 'high'], message: `likely (${l.likely}) must not exceed high (${l.high})` });
    if (years !== undefined && l.year > years) out.push({ path: ['lines', i, 'year'], message: `year ${l.year} is beyond the ${years}-year horizon` });
  });
  return out;
}

export function scenarioIssues(f: z.infer<typeof ZFrequencyRange> | undefined, m: z.infer<typeof ZMagnitudeRange> | undefined): Issue[] {
  const out: Issue[] = [];
  if (f && f.low > f.likely) out.push({ path: ['frequency', 'low'], message: `low (${f.low}) must not exceed likely (${f.likely})` });
  if (f && f.likely > f.high) out.push({ path: ['frequency', 'high'], message: `likely (${f.likely}) must not exceed high (${f.high})` });
  if (m && m.low >= m.high) out.push({ path: ['magnitude', 'high'], message: `high (${m.high}) must be greater than low (${m.low})` });
  return out;
}

const common = {
  title: ZTitle,
  initiativeId: ZUuid.nullable().optional(),
  ownerId: ZUuid.nullable().optional(),
  currency: ZCurrency.optional(),
  seed: ZSeed.optional(),
  iterations: ZIterations.optional(),
  question: ZText.optional(),
  recommendation: ZText.optional(),
  assumptions: ZText.optional(),
};

const businessFields = {
  discountRate: ZDiscountRate,
  years: ZYears,
  lines: z.array(ZCaseLine).max(300),
};

const securityFields = {
  asset: z.string().trim().max(200).optional(),
  threat: z.string().trim().max(200).optional(),
  frequency: ZFrequencyRange,
  magnitude: ZMagnitudeRange,
  controls: z.array(ZControl).max(30).default([]),
};

export const ZCreateBusinessCase = z
  .strictObject({ kind: z.literal('business'), ...common, ...businessFields })
  .superRefine((v, ctx) => lineIssues(v.lines, v.years).forEach((i) => ctx.addIssue({ code: 'custom', ...i })));
export const ZCreateSecurityCase = z
  .strictObject({ kind: z.literal('security'), ...common, ...securityFields })
  .superRefine((v, ctx) => scenarioIssues(v.frequency, v.magnitude).forEach((i) => ctx.addIssue({ code: 'custom', ...i })));

export const ZCreateCaseRequest = z.discriminatedUnion('kind', [ZCreateBusinessCase, ZCreateSecurityCase]);
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

/**
 * A new version: any field of the case's kind (the others are kept), and a note saying why.
 * The ordering rules are checked on the merged case by the server.
 */
export const ZUpdateCaseRequest = z.strictObject({
  ...common,
  title: ZTitle.optional(),
  discountRate: ZDiscountRate.optional(),
  years: ZYears.optional(),
  lines: businessFields.lines.optional(),
  asset: securityFields.asset,
  threat: securityFields.threat,
  frequency: ZFrequencyRange.optional(),
  magnitude: ZMagnitudeRange.optional(),
  controls: z.array(ZControl).max(30).optional(),
  note: z.string().trim().max(500).optional(),
});
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

export const ZCreatedCase = z.object({ id: ZUuid });

export const ZCasesQuery = ZPageQuery.extend({
  kind: ZCaseKind.optional(),
  sort: z.enum(['updated', 'title', 'ale', 'npv']).default('updated'),
});

const ZLink = z.object({ id: ZUuid, title: z.string() }).nullable();

export const ZCase = z.object({
  id: ZUuid,
  kind: ZCaseKind,
  title: z.string(),
  version: z.number().int(),
  currency: ZCurrency,
  initiative: ZLink,
  goals: z.array(z.object({ id: ZUuid, title: z.string() })),
  ownerId: ZUuid.nullable(),
  seed: z.number().int(),
  iterations: z.number().int(),
  question: z.string(),
  recommendation: z.string(),
  assumptions: z.string(),
  discountRate: z.number().nullable(),
  years: z.number().int().nullable(),
  lines: z.array(ZCaseLine),
  asset: z.string(),
  threat: z.string(),
  frequency: z.object({ low: z.number(), likely: z.number(), high: z.number() }).nullable(),
  magnitude: z.object({ low: z.number(), high: z.number() }).nullable(),
  controls: z.array(ZControl),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCase = z.infer<typeof ZCase>;

const ZPoint = z.object({ loss: z.number(), probability: z.number() });
const ZNullableNumber = z.number().nullable();

export const ZBusinessResults = z.object({
  kind: z.literal('business'),
  npv: z.object({ p10: z.number(), p50: z.number(), p90: z.number(), mean: z.number(), deterministic: z.number() }),
  probabilityPositive: z.number(),
  irr: z.object({ p10: ZNullableNumber, p50: ZNullableNumber, p90: ZNullableNumber, deterministic: ZNullableNumber, probabilityDefined: z.number() }),
  mirr: z.object({ deterministic: ZNullableNumber }),
  payback: z.object({ p10: ZNullableNumber, p50: ZNullableNumber, p90: ZNullableNumber, deterministic: ZNullableNumber, probabilityNotWithinHorizon: z.number() }),
  tornado: z.array(z.object({ label: z.string(), type: z.enum(['cost', 'benefit']), low: z.number(), high: z.number(), swing: z.number() })),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  cashFlow: z.array(z.number()),
  hasBenefits: z.boolean(),
  notes: z.array(z.string()),
  iterations: z.number().int(),
  seed: z.number().int(),
});
export type TBusinessResults = z.infer<typeof ZBusinessResults>;

export const ZSecurityResults = z.object({
  kind: z.literal('security'),
  aleBefore: z.number(),
  aleAfter: z.number(),
  controlCost: z.number(),
  rosi: ZNullableNumber,
  probabilityControlsPay: ZNullableNumber,
  exceedance: z.object({ before: z.array(ZPoint), after: z.array(ZPoint) }),
  simulated: z.object({ aleBefore: z.number(), aleAfter: z.number() }),
  notes: z.array(z.string()),
  iterations: z.number().int(),
  seed: z.number().int(),
});
export type TSecurityResults = z.infer<typeof ZSecurityResults>;

export const ZCaseResults = z.union([ZBusinessResults, ZSecurityResults]);
export type TCaseResults = z.infer<typeof ZCaseResults>;

export const ZCaseSummary = z.object({
  id: ZUuid,
  kind: ZCaseKind,
  title: z.string(),
  version: z.number().int(),
  currency: ZCurrency,
  initiative: ZLink,
  npvP50: ZNullableNumber,
  probabilityPositive: ZNullableNumber,
  aleBefore: ZNullableNumber,
  aleAfter: ZNullableNumber,
  rosi: ZNullableNumber,
  updatedAt: z.string(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** A page of cases (the paged-list contract) and how many match the filter in all. */
export const ZCaseList = zPage(ZCaseSummary).extend({ total: z.number().int() });
export type TCaseList = z.infer<typeof ZCaseList>;

export const ZRegister = z.object({
  scenarios: z.array(ZCaseSummary),
  total: z.number().int(),
  totalAleBefore: z.number(),
  totalAleAfter: z.number(),
  totalControlCost: z.number(),
  exceedance: z.object({ before: z.array(ZPoint), after: z.array(ZPoint) }),
  iterations: z.number().int(),
  currency: ZCurrency,
});
export type TRegister = z.infer<typeof ZRegister>;

export const ZCaseVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: ZUuid.nullable(),
  results: ZCaseResults,
});
export type TCaseVersion = z.infer<typeof ZCaseVersion>;

/** Versions, newest first, paged (the paged-list contract). */
export const ZCaseVersions = zPage(ZCaseVersion);
export type TCaseVersions = z.infer<typeof ZCaseVersions>;

export const ZVersionsQuery = ZPageQuery;
