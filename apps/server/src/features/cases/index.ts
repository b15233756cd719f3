/** The cases feature as other features and the demo see it. */
export { casesRoutes } from './routes';
export { createCase } from './create-case';
export { updateCase } from './update-case';
export type { CasesAuditAction } from './audit';
export { caseBenefitLines, businessCaseInitiatives } from './list-case-benefits';
