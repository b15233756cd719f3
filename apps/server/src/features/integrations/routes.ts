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
  ZOidcCallbackQuery,
  ZOidcStartQuery,
  ZPageQuery,
  ZPutSsoRequest,
  ZSsoConfig,
  ZSsoLookup,
  ZSsoLookupQuery,
  ZUpdateWebhookRequest,
  ZUpdatedWebhook,
  ZWebhookList,
} from '@tandem/contracts';
import { z } from 'zod';
import { sha256 } from '../../lib/crypto';
import { linkOrigin } from '../../lib/origin';
import { cookieNames, requireOrg, setSessionCookies } from '../../plugins/auth';
import { getSso, lookupSso, putSso } from './manage-sso';
import { SignInRefused, finishOidc, startOidc } from './oidc-sign-in';
import { deliveryJob } from './deliver-webhooks';
import { createToken, listTokens, revokeToken } from './manage-tokens';
import { createWebhook, editWebhook, listOrgWebhooks, listWebhookDeliveries, removeWebhook, testWebhook } from './manage-webhooks';

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
  r.patch(
    '/webhooks/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: hooks,
        summary: 'Edit a webhook (kind, url, events, secret) or disable/enable it (active); a disabled webhook gets nothing queued and its pending deliveries wait',
        params: ZIdParams,
        body: ZUpdateWebhookRequest,
        response: { 200: ZUpdatedWebhook },
      },
    },
    (req) => editWebhook(ctx, requireOrg(req), req.params.id, req.body),
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
    { config: { access: 'admin' }, schema: { tags: hooks, summary: 'Queue a test message; the delivery job sends it within a minute (409 while the webhook is disabled)', params: ZIdParams, response: { 202: ZDelivery } } },
    async (req, reply) => reply.status(202).send(await testWebhook(ctx, requireOrg(req), req.params.id)),
  );

  /* ---- single sign-on settings ---- */
  const sso = ['sso'];
  r.get('/org/sso', { config: { access: 'admin' }, schema: { tags: sso, summary: 'The organisation’s OpenID Connect settings (never the client secret) and the redirect URI to register', response: { 200: ZSsoConfig } } }, (req) =>
    getSso(ctx, requireOrg(req), linkOrigin(app)),
  );
  r.put(
    '/org/sso',
    { config: { access: 'admin' }, schema: { tags: sso, summary: 'Set OpenID Connect sign-in: issuer (https), client id and secret (stored encrypted), allowed e-mail domains, required, claim mapping', body: ZPutSsoRequest, response: { 200: ZSsoConfig } } },
    (req) => putSso(ctx, requireOrg(req), req.body, linkOrigin(app)),
  );
  r.get('/auth/sso', { config: { access: 'public' }, schema: { tags: sso, summary: 'The organisations whose single sign-on accepts this e-mail’s domain (for the sign-in page)', querystring: ZSsoLookupQuery, response: { 200: ZSsoLookup } } }, (req) =>
    lookupSso(ctx, req.query.email),
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function refusalPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Tandem</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1b1e">
<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/login">Back to sign-in</a></p></main></body></html>`;
}

/** The browser side of OpenID Connect sign-in (outside /api/v1: plain redirects and pages). */
export async function oidcRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['sso'];
  const redirectUri = () => `${linkOrigin(app)}/auth/oidc/callback`;
  const refused = (reply: import('fastify').FastifyReply, e: unknown) => {
    if (!(e instanceof SignInRefused)) throw e;
    return reply.status(e.status).type('text/html').send(refusalPage(e.title, e.message));
  };
  r.get('/auth/oidc/start', { config: { access: 'public' }, schema: { tags, summary: 'Start signing in with the organisation’s identity provider (redirects there)', querystring: ZOidcStartQuery, response: { 302: z.null() } } }, async (req, reply) => {
    try {
      return reply.redirect(await startOidc(ctx, req.query.org, redirectUri()));
    } catch (e) {
      return refused(reply, e);
    }
  });
  r.get('/auth/oidc/callback', { config: { access: 'public' }, schema: { tags, summary: 'Where the identity provider sends the browser back; signs in and redirects to the app', querystring: ZOidcCallbackQuery, response: { 302: z.null() } } }, async (req, reply) => {
    try {
      const previous = req.cookies[cookieNames(app).session];
      const s = await finishOidc(ctx, new URL(req.url, 'http://callback.invalid'), redirectUri(), previous ? sha256(previous) : null);
      setSessionCookies(app, reply, s.token, s.csrf);
      return reply.redirect('/');
    } catch (e) {
      return refused(reply, e);
    }
  });
}
