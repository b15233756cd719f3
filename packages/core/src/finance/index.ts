export { npv, irr, mirr, discountedPayback } from './cashflow';
export { xnpv, xirr, isoDayNumber } from './dated';
export type { DatedFlow } from './dated';
