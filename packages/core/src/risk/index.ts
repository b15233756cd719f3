export {
  LEC_DEFAULT_POINTS,
  lognormalFrom90CI,
  annualizedLoss,
  simulateAnnualLoss,
  lossExceedanceCurve,
} from './fair';
export type { Lognormal, LossScenario, ExceedancePoint } from './fair';
export { pert } from './pert';
export type { Pert } from './pert';
