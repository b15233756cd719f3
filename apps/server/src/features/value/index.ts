/** The value feature as the app, other features and the demo see it. */
export { valueRoutes } from './routes';
export { getValueSummary } from './get-value-summary';
export { recordBenefit } from './record-benefit';
export { createOpportunity } from './manage-opportunities';
export type { ValueAuditAction } from './audit';
