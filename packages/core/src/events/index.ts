export { participationRates, gapCorrelation } from './participation';
export type { ParticipantPerson, ParticipationRates, Rate, GapCorrelation } from './participation';
export { outcomesAlive, sixMonthsAfter } from './outcomes';
export type { OutcomeLink, OutcomesAlive } from './outcomes';
