import { z } from 'zod';
import { ZIsoDateTime, ZPageQuery, ZUuid, zPage } from '../common';

/* ---------- API tokens ---------- */

export const ZTokenScope = z.enum(['read', 'write']);
export type TTokenScope = z.infer<typeof ZTokenScope>;

export const ZCreateTokenRequest = z.strictObject({
  name: z.string().trim().min(1, 'name is required').max(200),
  scopes: z
    .array(ZTokenScope)
    .min(1, 'scopes needs at least one of read, write')
    .max(2)
    .refine((s) => new Set(s).size === s.length, 'scopes must not repeat'),
  expiresAt: ZIsoDateTime.optional(),
});
export type TCreateTokenRequest = z.infer<typeof ZCreateTokenRequest>;

/** The only answer that ever carries the token. */
export const ZCreatedToken = z.object({ id: ZUuid, token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

export const ZApiToken = z.object({
  id: ZUuid,
  name: z.string(),
  scopes: z.array(ZTokenScope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = zPage(ZApiToken);
export type TApiTokenList = z.infer<typeof ZApiTokenList>;

/* ---------- webhooks ---------- */

/** Events a webhook may subscribe to (the integrations index lists where each is emitted). */
export const WEBHOOK_EVENTS = [
  'pulse.opened',
  'pulse.results_ready',
  'coffee.round_made',
  'disagreement.decided',
  'deferred_need.cost_passed',
  'hackweek.voting_open',
  'request.status_changed',
] as const;
export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

/**
 * When each event is sent and what its payload adds to the common fields (decision 150): every
 * payload has `summary` (one human sentence), `organisation` `{ id, name }`, `url` (a link into the
 * app, null when TANDEM_PUBLIC_URL is not set), the object's id and `title`.
 */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<TWebhookEvent, string> = {
  'pulse.opened': 'a pulse was opened for answers: pulseId, opensAt, closesAt (null when open-ended); url to "My pulses"',
  'pulse.results_ready': 'the results of a closed pulse were published to every member: pulseId, closedAt, publishedAt',
  'coffee.round_made': 'a coffee round was made: programmeId, roundId, number, people, groups, proposedStart (counts only, never who meets whom)',
  'disagreement.decided': 'a disagreement of a closed priorities round was decided, or its decision changed: roundId, roundName, itemId, decision { rank, score, reason }',
  'deferred_need.cost_passed':
    'the exposure of a deferred need grew above the cost of doing it (checked hourly, once per deferral): needId, deferredAt, currency, costNow, exposure, impact',
  'hackweek.voting_open': 'a hackweek moved into its voting phase: hackweekId, startDate, endDate, votingOpenedAt',
  'request.status_changed': 'a request moved to another status: requestId, from, to (keys), fromLabel, toLabel, category, reason',
};

const EVENTS_DESCRIPTION = [
  'The events this webhook receives, each delivered once. Every payload has summary, organisation { id, name }, url (null without TANDEM_PUBLIC_URL), the object\'s id and title.',
  ...WEBHOOK_EVENTS.map((e) => `${e}: ${WEBHOOK_EVENT_DESCRIPTIONS[e]}.`),
].join('\n');
const ZWebhookEvents = z
  .array(ZWebhookEvent)
  .min(1, 'events needs at least one event')
  .refine((s) => new Set(s).size === s.length, 'events must not repeat')
  .describe(EVENTS_DESCRIPTION);
export const ZWebhookKind = z.enum(['slack', 'teams', 'json']);
export type TWebhookKind = z.infer<typeof ZWebhookKind>;

export const ZCreateWebhookRequest = z.strictObject({
  kind: ZWebhookKind,
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).max(2000),
  events: ZWebhookEvents,
  secret: z.string().min(16, 'secret must be at least 16 characters').max(200).optional(),
});
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

/**
 * Edits a webhook: any of its format (kind), URL and events, and whether it is enabled. A disabled
 * webhook gets nothing queued and its pending deliveries wait until it is enabled again.
 */
export const ZUpdateWebhookRequest = z
  .strictObject({
    kind: ZWebhookKind.optional(),
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }).max(2000).optional(),
    events: ZWebhookEvents.optional(),
    secret: z.string().min(16, 'secret must be at least 16 characters').max(200).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of kind, url, events, secret, active');
export type TUpdateWebhookRequest = z.infer<typeof ZUpdateWebhookRequest>;

export const ZDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export const ZWebhook = z.object({
  id: ZUuid,
  kind: ZWebhookKind,
  url: z.string(),
  events: z.array(ZWebhookEvent),
  signed: z.boolean(),
  /** False when an administrator disabled it: nothing is queued for it then. */
  active: z.boolean(),
  createdAt: z.string(),
  lastDelivery: z.object({ status: ZDeliveryStatus, at: z.string().nullable(), statusCode: z.number().int().nullable() }).nullable(),
});
export type TWebhook = z.infer<typeof ZWebhook>;
export const ZWebhookList = zPage(ZWebhook);
export type TWebhookList = z.infer<typeof ZWebhookList>;
/** A JSON webhook created without a secret gets one: it is answered here, once. */
export const ZCreatedWebhook = z.object({ id: ZUuid, secret: z.string().nullable() });
export type TCreatedWebhook = z.infer<typeof ZCreatedWebhook>;
/** The edited webhook; `secret` carries a newly made signing secret (turned into JSON without one), once. */
export const ZUpdatedWebhook = ZWebhook.extend({ secret: z.string().nullable() });
export type TUpdatedWebhook = z.infer<typeof ZUpdatedWebhook>;

export const ZDelivery = z.object({
  id: ZUuid,
  event: z.string(),
  status: ZDeliveryStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;
export const ZDeliveryList = zPage(ZDelivery);
export type TDeliveryList = z.infer<typeof ZDeliveryList>;
export const ZDeliveryQuery = ZPageQuery;

/* ---------- single sign-on ---------- */

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'allowedDomains must hold domain names such as example.com');
const ZClaimName = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_:.\-/]+$/, 'claim names are letters, digits and _ : . - /');

export const ZPutSsoRequest = z.strictObject({
  issuer: z.url({ protocol: /^https?$/, error: 'issuer must be a URL' }).max(500),
  clientId: z.string().trim().min(1, 'clientId is required').max(500),
  clientSecret: z.string().min(1, 'clientSecret is required').max(2000),
  allowedDomains: z.array(ZDomain).min(1, 'allowedDomains needs at least one domain').max(50),
  required: z.boolean().default(false),
  /** The ID-token claim that holds "it" or "business" (e.g. "tandem_side"). */
  sideClaim: ZClaimName.nullable().optional(),
  /** The ID-token claim that holds the department (e.g. "department"). */
  departmentClaim: ZClaimName.nullable().optional(),
});
export type TPutSsoRequest = z.input<typeof ZPutSsoRequest>;

export const ZSsoConfig = z.object({
  configured: z.boolean(),
  slug: z.string().nullable(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  allowedDomains: z.array(z.string()),
  required: z.boolean(),
  sideClaim: z.string().nullable(),
  departmentClaim: z.string().nullable(),
  redirectUri: z.string(),
  startUrl: z.string().nullable(),
});
export type TSsoConfig = z.infer<typeof ZSsoConfig>;

export const ZSsoLookupQuery = z.strictObject({ email: z.string().trim().max(320) });
export const ZSsoLookup = z.object({ organisations: z.array(z.object({ slug: z.string(), name: z.string(), required: z.boolean() })) });
export type TSsoLookup = z.infer<typeof ZSsoLookup>;

export const ZOidcStartQuery = z.strictObject({ org: z.string().trim().min(1, 'org is required').max(100) });
export const ZOidcCallbackQuery = z.looseObject({ state: z.string().max(500).optional(), code: z.string().max(4000).optional(), error: z.string().max(200).optional() });
