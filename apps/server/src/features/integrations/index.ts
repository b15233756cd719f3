/**
 * The integrations feature as the app, other features and the demo see it: API tokens, outgoing
 * webhooks and single sign-on (decision 122: SSO lives here, not in org).
 *
 * Events other features emit, one line each, inside their own transaction:
 *   pulse.opened               pulse/change-pulse-status.ts (openLockedPulse)           wired
 *   pulse.results_ready        pulse/change-pulse-status.ts (publishPulse)              wired
 *   coffee.round_made          `await emitEvent(ctx, tx, orgId, 'coffee.round_made', { summary, url })`
 *   disagreement.decided       `await emitEvent(ctx, tx, orgId, 'disagreement.decided', { summary, url })`
 *   deferred_need.cost_passed  `await emitEvent(ctx, tx, orgId, 'deferred_need.cost_passed', { summary, url })`
 *   hackweek.voting_open       `await emitEvent(ctx, tx, orgId, 'hackweek.voting_open', { summary, url })`
 */
export { integrationsRoutes, oidcRoutes } from './routes';
export { emitEvent } from './emit-event';
export { deliverDue } from './deliver-webhooks';
