export { participationRates, gapCorrelation } from './participation';
export type { ParticipantPerson, ParticipationRates, Rate, GapCorrelation } from './participation';
