export { simulateBusinessCase, checkBusinessCase, caseCashFlow, tornado, MAX_CASE_YEARS, MAX_ITERATIONS, DEFAULT_ITERATIONS } from './business';
export type { CaseLine, BusinessCaseInput, BusinessCaseResults, TornadoBar, HistogramBin } from './business';
export {
  simulateSecurityCase,
  simulateSecurityYears,
  simulatePortfolio,
  securityAle,
  checkSecurityScenario,
  expectedFrequency,
  controlFactors,
  MAX_FREQUENCY,
} from './security';
export type { SecurityControl, SecurityScenario, SecurityCaseInput, SecurityCaseResults, PortfolioResults } from './security';
export { quantileSorted } from './quantile';
