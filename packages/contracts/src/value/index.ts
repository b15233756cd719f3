import { z } from 'zod';
import { ZPageQuery, ZUuid, zPage } from '../common';

/*
 * Value: benefits planned and realised per initiative and quarter, the opportunity log and the
 * plan tree. Amounts are in the organisation's currency (major units); hours_saved is in hours
 * and is reported apart from money (decision 090).
 */

export const BENEFIT_KINDS = ['revenue', 'cost_saved', 'risk_reduced', 'hours_saved'] as const;
export const ZBenefitKind = z.enum(BENEFIT_KINDS);
export type TBenefitKind = z.infer<typeof ZBenefitKind>;
/** Kinds whose planned value may be negative: a planned revenue loss (retiring a product line). */
export const NEGATIVE_PLANNED_KINDS: readonly TBenefitKind[] = ['revenue'];
/** Kinds counted in money; hours_saved is counted in hours. */
export const MONEY_KINDS: readonly TBenefitKind[] = ['revenue', 'cost_saved', 'risk_reduced'];

export const ZPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, 'period must be YYYY-Qn, e.g. 2026-Q3');
const ZAmount = z.number().finite().min(-1e13).max(1e13);

export const ZCreateBenefitRequest = z
  .strictObject({
    initiativeId: ZUuid,
    kind: ZBenefitKind,
    period: ZPeriod,
    planned: ZAmount.optional(),
    realised: ZAmount.optional(),
    evidence: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.planned === undefined && v.realised === undefined) ctx.addIssue({ code: 'custom', path: ['planned'], message: 'give planned, realised or both' });
    if (v.planned !== undefined && v.planned < 0 && !NEGATIVE_PLANNED_KINDS.includes(v.kind)) {
      ctx.addIssue({ code: 'custom', path: ['planned'], message: `planned ${v.kind} must not be negative (got ${v.planned})` });
    }
  });
export type TCreateBenefitRequest = z.infer<typeof ZCreateBenefitRequest>;

export const ZBenefit = z.object({
  id: ZUuid,
  initiativeId: ZUuid,
  kind: ZBenefitKind,
  period: z.string(),
  planned: z.number().nullable(),
  realised: z.number().nullable(),
  evidence: z.string().nullable(),
  recordedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  recordedAt: z.string(),
});
export type TBenefit = z.infer<typeof ZBenefit>;

export const ZBenefitsQuery = ZPageQuery.extend({ initiativeId: ZUuid.optional() });
export type TBenefitsQuery = z.infer<typeof ZBenefitsQuery>;
export const ZBenefitList = zPage(ZBenefit);
export type TBenefitList = z.infer<typeof ZBenefitList>;

export const ZValueSummaryQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(9999).optional() });

const ZQuarterFigures = z.object({ period: z.string(), planned: z.number(), realised: z.number() });

export const ZValueSummary = z.object({
  year: z.number().int(),
  currency: z.string(),
  /** Money planned and realised in the year (revenue, cost saved, risk reduced). */
  planned: z.number(),
  realised: z.number(),
  /** Planned in the quarters up to the current one: what realisation is compared with. */
  plannedToDate: z.number(),
  byInitiative: z.array(
    z.object({
      initiativeId: ZUuid,
      title: z.string(),
      planned: z.number(),
      realised: z.number(),
      plannedToDate: z.number(),
      /** realised − plannedToDate; the most negative comes first. */
      lag: z.number(),
      plannedFrom: z.enum(['case', 'entered', 'none']),
      itEnabled: z.boolean(),
      quarters: z.array(ZQuarterFigures),
    }),
  ),
  byQuarter: z.array(ZQuarterFigures),
  /** Share of realised money from initiatives with at least one IT enabler; null when nothing is realised. */
  itEnabledShare: z.number().nullable(),
  hours: z.object({ planned: z.number(), realised: z.number() }),
});
export type TValueSummary = z.infer<typeof ZValueSummary>;

export const OPPORTUNITY_STATUSES = ['idea', 'exploring', 'approved', 'realised', 'dropped'] as const;
export const ZOpportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export const ZOpportunitySource = z.enum(['idea', 'hackweek', 'request', 'other']);

export const ZCreateOpportunityRequest = z.strictObject({
  title: z.string().trim().min(1, 'title is required').max(200),
  description: z.string().trim().max(2000).optional(),
  source: ZOpportunitySource.optional(),
  proposedBy: z.string().trim().max(200).optional(),
  estimatedValue: z.number().finite().min(0, 'estimated value must not be negative').max(1e13),
  status: ZOpportunityStatus.optional(),
});
export type TCreateOpportunityRequest = z.infer<typeof ZCreateOpportunityRequest>;
export const ZUpdateOpportunityRequest = ZCreateOpportunityRequest.partial();
export type TUpdateOpportunityRequest = z.infer<typeof ZUpdateOpportunityRequest>;

export const ZOpportunity = z.object({
  id: ZUuid,
  title: z.string(),
  description: z.string(),
  source: ZOpportunitySource,
  proposedBy: z.string(),
  estimatedValue: z.number(),
  status: ZOpportunityStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOpportunity = z.infer<typeof ZOpportunity>;
export const ZOpportunitiesQuery = ZPageQuery.extend({ status: ZOpportunityStatus.optional() });
export type TOpportunitiesQuery = z.infer<typeof ZOpportunitiesQuery>;
export const ZOpportunityList = zPage(ZOpportunity);
export type TOpportunityList = z.infer<typeof ZOpportunityList>;

const ZMoney = z.object({ planned: z.number(), realised: z.number() });
export const ZPlanTree = z.object({
  year: z.number().int(),
  goals: z.array(
    z.object({
      id: ZUuid.nullable(),
      title: z.string(),
      money: ZMoney,
      initiatives: z.array(
        z.object({
          id: ZUuid,
          title: z.string(),
          money: ZMoney,
          enablers: z.array(z.object({ id: ZUuid, title: z.string(), status: z.string() })),
          requests: z.array(z.object({ id: ZUuid, title: z.string(), status: z.string(), valueAmount: z.number().nullable() })),
          requestsValue: z.number(),
        }),
      ),
    }),
  ),
});
export type TPlanTree = z.infer<typeof ZPlanTree>;
