import { createHmac } from 'node:crypto';
import type { TWebhookKind } from '@tandem/contracts';

/**
 * What every event carries (decision 150): a one-line human summary for chat, the organisation,
 * a link into the app (null when TANDEM_PUBLIC_URL is not set), the object's id and title, and
 * event data; amounts with their `currency`, times as ISO 8601 UTC.
 */
export interface EventPayload {
  summary: string;
  url?: string | null;
  organisation?: { id: string; name: string };
  [key: string]: unknown;
}

export interface OutgoingMessage {
  body: string;
  headers: Record<string, string>;
}

/**
 * Slack reads `&`, `<` and `>` as control characters in message text: a title such as
 * `<!channel>` would notify a whole channel, `<https://x|y>` would be a disguised link. Escaped as
 * Slack documents ("Escaping text"), user text shows as typed.
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where a chat message comes from: `Tandem · Acme · pulse.opened`. */
function origin(event: string, p: EventPayload): string {
  return ['Tandem', p.organisation?.name, event].filter(Boolean).join(' · ');
}

/** A Slack incoming-webhook message: fallback text plus one mrkdwn section (and a link when given). */
export function slackMessage(event: string, p: EventPayload): unknown {
  const summary = slackEscape(p.summary);
  const text = p.url ? `${summary} <${p.url}|Open in Tandem>` : summary;
  return { text: summary, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(origin(event, p)) }] }] };
}

/** A Microsoft Teams incoming-webhook (Workflows) message: one Adaptive Card. */
export function teamsMessage(event: string, p: EventPayload): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: p.summary, wrap: true, weight: 'Bolder' },
            { type: 'TextBlock', text: origin(event, p), isSubtle: true, spacing: 'None', size: 'Small' },
          ],
          ...(p.url ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Tandem', url: p.url }] } : {}),
        },
      },
    ],
  };
}

/**
 * The JSON kind's signature (decision 121): HMAC-SHA256 with the webhook's secret over
 * `<timestamp>.<raw body>`, sent as `x-tandem-signature: sha256=<hex>` with `x-tandem-timestamp`
 * (Unix seconds). Receivers recompute it and refuse old timestamps, which stops replays.
 */
export function signature(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function buildMessage(
  kind: TWebhookKind,
  d: { id: string; event: string; orgId: string; createdAt: Date; payload: EventPayload },
  secret: string | null,
  now: Date,
): OutgoingMessage {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tandem-Webhooks/1' };
  if (kind === 'slack') return { body: JSON.stringify(slackMessage(d.event, d.payload)), headers };
  if (kind === 'teams') return { body: JSON.stringify(teamsMessage(d.event, d.payload)), headers };
  const body = JSON.stringify({ id: d.id, event: d.event, organisationId: d.orgId, occurredAt: d.createdAt.toISOString(), data: d.payload });
  const timestamp = Math.floor(now.getTime() / 1000);
  headers['x-tandem-event'] = d.event;
  headers['x-tandem-delivery'] = d.id;
  headers['x-tandem-timestamp'] = String(timestamp);
  if (secret) headers['x-tandem-signature'] = signature(secret, timestamp, body);
  return { body, headers };
}

/** Minutes before retry n (1-based): 1, 2, 4 … capped at 6 hours; after MAX_ATTEMPTS the delivery fails. */
export const MAX_ATTEMPTS = 8;
export function backoffMinutes(attempt: number): number {
  return Math.min(2 ** Math.max(0, attempt - 1), 360);
}
