import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZApiTokenList,
  ZCreateTokenRequest,
  ZCreateWebhookRequest,
  ZCreatedToken,
  ZCreatedWebhook,
  ZDelivery,
  ZDeliveryList,
  ZIdParams,
  ZOk,
  ZPageQuery,
  ZWebhookList,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { deliveryJob } from './deliver-webhooks';
import { createToken, listTokens, revokeToken } from './manage-tokens';
import { createWebhook, listOrgWebhooks, listWebhookDeliveries, removeWebhook, testWebhook } from './manage-webhooks';

const ok = { ok: true as const };

/** API tokens and outgoing webhooks; the webhook delivery job is registered here. */
export async function integrationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  app.jobs.register(deliveryJob);

  /* ---- API tokens ---- */
  const tokens = ['tokens'];
  r.post(
    '/tokens',
    { config: { access: 'member' }, schema: { tags: tokens, summary: 'Create a personal API token acting as you in this organisation; the token is answered only here', body: ZCreateTokenRequest, response: { 201: ZCreatedToken } } },
    async (req, reply) => reply.status(201).send(await createToken(ctx, requireOrg(req), req.body)),
  );
  r.get('/tokens', { config: { access: 'member' }, schema: { tags: tokens, summary: 'Your API tokens in this organisation, newest first (never the token itself)', querystring: ZPageQuery, response: { 200: ZApiTokenList } } }, (req) =>
    listTokens(ctx, requireOrg(req), req.query),
  );
  r.delete('/tokens/:id', { config: { access: 'member' }, schema: { tags: tokens, summary: 'Revoke one of your API tokens (it answers 401 from now on)', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await revokeToken(ctx, requireOrg(req), req.params.id);
    return ok;
  });

  /* ---- webhooks ---- */
  const hooks = ['webhooks'];
  r.post(
    '/webhooks',
    { config: { access: 'admin' }, schema: { tags: hooks, summary: 'Add an outgoing webhook (slack, teams or signed json) for some events; private addresses are refused unless allowed', body: ZCreateWebhookRequest, response: { 201: ZCreatedWebhook } } },
    async (req, reply) => reply.status(201).send(await createWebhook(ctx, requireOrg(req), req.body)),
  );
  r.get('/webhooks', { config: { access: 'admin' }, schema: { tags: hooks, summary: 'The organisation’s webhooks with their last delivery status', querystring: ZPageQuery, response: { 200: ZWebhookList } } }, (req) =>
    listOrgWebhooks(ctx, requireOrg(req), req.query),
  );
  r.delete('/webhooks/:id', { config: { access: 'admin' }, schema: { tags: hooks, summary: 'Remove a webhook and its delivery log', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await removeWebhook(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get(
    '/webhooks/:id/deliveries',
    { config: { access: 'admin' }, schema: { tags: hooks, summary: 'The delivery log of a webhook, newest first: status, attempts, last answer', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZDeliveryList } } },
    (req) => listWebhookDeliveries(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.post(
    '/webhooks/:id/test',
    { config: { access: 'admin' }, schema: { tags: hooks, summary: 'Queue a test message; the delivery job sends it within a minute', params: ZIdParams, response: { 202: ZDelivery } } },
    async (req, reply) => reply.status(202).send(await testWebhook(ctx, requireOrg(req), req.params.id)),
  );
}
