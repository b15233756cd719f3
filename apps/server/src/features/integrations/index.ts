/**
 * The integrations feature as the app, other features and the demo see it: API tokens, outgoing
 * webhooks and single sign-on (decision 122: SSO lives here, not in org).
 *
 * Events other features emit, one line each, inside their own transaction:
 *   pulse.opened               pulse/change-pulse-status.ts (openLockedPulse)           wired
 *   pulse.results_ready        pulse/change-pulse-status.ts (publishPulse)              wired
 *   coffee.round_made          crossover/run-round.ts (runRound)                        wired
 *   disagreement.decided       priorities/decide-disagreement.ts (decideDisagreement)   wired
 *   deferred_need.cost_passed  requests/deferred-cost-job.ts (hourly, emitEventOnce)     wired
 *   hackweek.voting_open       events/hackweeks.ts (setPhase)                           wired
 *   request.status_changed     requests/manage-requests.ts (updateOrgRequest)           wired
 */
export { integrationsRoutes, oidcRoutes } from './routes';
export { appLink, emitEvent, emitEventOnce, moneyText, utcText, type EventFields } from './emit-event';
export { deliverDue } from './deliver-webhooks';
