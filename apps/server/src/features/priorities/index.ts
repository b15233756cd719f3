/** The priorities feature's public face: other features and the demo import only this. */
export { prioritiesRoutes } from './routes';
export { createRound } from './create-round';
export { openRound, closeRound } from './change-round-status';
export { submitScores } from './submit-scores';
export { decideDisagreement } from './decide-disagreement';
export { setPortfolio } from './set-portfolio';
export { getResults } from './get-results';
export type { PrioritiesAuditAction } from './audit';
export { listOrgRounds } from './get-round';
