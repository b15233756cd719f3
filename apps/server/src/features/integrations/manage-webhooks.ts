import { deleteWebhook, findOrganisation, findWebhook, insertDeliveries, insertWebhook, lastDeliveries, listDeliveries, listWebhooks, updateWebhook, type WebhookDeliveryRow, type WebhookRow } from '@tandem/db';
import type { TCreateWebhookRequest, TCreatedWebhook, TDelivery, TDeliveryList, TPageQuery, TUpdateWebhookRequest, TUpdatedWebhook, TWebhook, TWebhookEvent, TWebhookList } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/paging';
import { requireSecretKey, seal } from '../../lib/secret-box';
import { recordIntegrationAudit } from './audit';
import { appLink } from './emit-event';
import { checkWebhookUrl } from './ssrf-guard';

/**
 * Adds a webhook after the SSRF guard (decision 121). A JSON webhook always signs: without a
 * given secret one is made and answered here, once. Secrets are stored sealed.
 */
export async function createWebhook(ctx: AppContext, auth: OrgAuth, input: TCreateWebhookRequest): Promise<TCreatedWebhook> {
  const url = await checkWebhookUrl(input.url, ctx.config.webhookAllowHosts);
  const made = input.kind === 'json' && !input.secret ? `whsec_${randomToken(24)}` : null;
  const secret = input.secret ?? made;
  const secretEnc = secret ? seal(requireSecretKey(ctx.config.secretKey), secret) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await insertWebhook(tx, { orgId: auth.orgId, kind: input.kind, url: url.toString(), events: input.events, secretEnc, createdBy: auth.userId, createdAt: ctx.now() });
    await recordIntegrationAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'webhook.created', target: row.id, details: { kind: row.kind, host: url.host, events: input.events } });
    return { id: row.id, secret: made };
  });
}

function toWebhook(w: WebhookRow, last: WebhookDeliveryRow | undefined): TWebhook {
  return {
    id: w.id,
    kind: w.kind,
    url: w.url,
    events: w.events as TWebhookEvent[],
    signed: w.secretEnc !== null,
    active: w.active,
    createdAt: w.createdAt.toISOString(),
    lastDelivery: last ? { status: last.status, at: last.lastAttemptAt?.toISOString() ?? null, statusCode: last.lastStatusCode } : null,
  };
}

export async function listOrgWebhooks(ctx: AppContext, auth: OrgAuth, q: TPageQuery): Promise<TWebhookList> {
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
  const [rows, last] = await Promise.all([
    listWebhooks(ctx.db, auth.orgId, q.limit + 1, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined),
    lastDeliveries(ctx.db, auth.orgId),
  ]);
  const byHook = new Map(last.map((d) => [d.webhookId, d]));
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => toWebhook(r, byHook.get(r.id)));
}

/**
 * Edits a webhook: format (kind), URL (through the SSRF guard again), events, secret, and whether
 * it is enabled. A webhook turned into JSON without any secret gets one made, answered here once.
 * Each change is audited: `webhook.updated` names the fields (never the secret), and
 * `webhook.disabled` / `webhook.enabled` say when deliveries stopped or resumed.
 */
export async function editWebhook(ctx: AppContext, auth: OrgAuth, id: string, input: TUpdateWebhookRequest): Promise<TUpdatedWebhook> {
  const url = input.url === undefined ? undefined : (await checkWebhookUrl(input.url, ctx.config.webhookAllowHosts)).toString();
  return ctx.db.transaction(async (tx) => {
    const before = await findWebhook(tx, auth.orgId, id);
    if (!before) throw notFound('Webhook');
    const kind = input.kind ?? before.kind;
    const made = kind === 'json' && !input.secret && before.secretEnc === null ? `whsec_${randomToken(24)}` : null;
    const secret = input.secret ?? made;
    const patch = {
      ...(input.kind !== undefined && input.kind !== before.kind ? { kind: input.kind } : {}),
      ...(url !== undefined && url !== before.url ? { url } : {}),
      ...(input.events !== undefined && JSON.stringify(input.events) !== JSON.stringify(before.events) ? { events: input.events } : {}),
      ...(secret ? { secretEnc: seal(requireSecretKey(ctx.config.secretKey), secret) } : {}),
      ...(input.active !== undefined && input.active !== before.active ? { active: input.active } : {}),
    };
    const row = Object.keys(patch).length ? await updateWebhook(tx, auth.orgId, id, patch) : before;
    if (!row) throw notFound('Webhook');
    const fields = Object.keys(patch)
      .filter((k) => k !== 'active')
      .map((k) => (k === 'secretEnc' ? 'secret' : k));
    if (fields.length) {
      await recordIntegrationAudit(ctx, tx, {
        orgId: auth.orgId,
        actorUserId: auth.userId,
        action: 'webhook.updated',
        target: id,
        details: { fields, kind: row.kind, host: new URL(row.url).host, events: row.events },
      });
    }
    if ('active' in patch) {
      await recordIntegrationAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: row.active ? 'webhook.enabled' : 'webhook.disabled', target: id, details: { host: new URL(row.url).host } });
    }
    const [last] = (await lastDeliveries(tx, auth.orgId)).filter((d) => d.webhookId === id);
    return { ...toWebhook(row, last), secret: made };
  });
}

export async function removeWebhook(ctx: AppContext, auth: OrgAuth, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteWebhook(tx, auth.orgId, id))) throw notFound('Webhook');
    await recordIntegrationAudit(ctx, tx, { orgId: auth.orgId, actorUserId: auth.userId, action: 'webhook.deleted', target: id });
  });
}

function toDelivery(d: WebhookDeliveryRow): TDelivery {
  return {
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

export async function listWebhookDeliveries(ctx: AppContext, auth: OrgAuth, id: string, q: TPageQuery): Promise<TDeliveryList> {
  if (!(await findWebhook(ctx.db, auth.orgId, id))) throw notFound('Webhook');
  const after = q.cursor ? decodeCursor(q.cursor, ['string', 'string']) : null;
  const rows = await listDeliveries(ctx.db, auth.orgId, id, q.limit + 1, after ? { at: new Date(after[0] as string), id: after[1] as string } : undefined);
  return pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], toDelivery);
}

/** Queues a test message for one webhook; the delivery job sends it like any other. */
export async function testWebhook(ctx: AppContext, auth: OrgAuth, id: string): Promise<TDelivery> {
  const w = await findWebhook(ctx.db, auth.orgId, id);
  if (!w) throw notFound('Webhook');
  if (!w.active) throw new AppError('conflict', 'This webhook is disabled; enable it before sending a test message');
  const now = ctx.now();
  const org = await findOrganisation(ctx.db, auth.orgId);
  // Shaped like every event (decision 150), so a receiver's parser is tried on the real thing.
  const payload = { summary: 'Test message from Tandem: this webhook works.', url: appLink(ctx, '/integrations'), organisation: { id: auth.orgId, name: org?.name ?? '' } };
  const [row] = await insertDeliveries(ctx.db, [{ orgId: auth.orgId, webhookId: w.id, event: 'webhook.test', payload, createdAt: now, nextAttemptAt: now }]);
  return toDelivery(row!);
}
