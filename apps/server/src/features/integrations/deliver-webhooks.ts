import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { claimDueDelivery, recordDeliveryAttempt } from '@tandem/db';
import type { AppContext } from '../../context';
import { minuteSlot, type Job } from '../../lib/jobs';
import { open } from '../../lib/secret-box';
import { MAX_ATTEMPTS, backoffMinutes, buildMessage, type EventPayload } from './message-formats';
import { guardedLookup, isAllowedHost } from './ssrf-guard';

const TIMEOUT_MS = 10_000;
/** A claimed row is leased this long: far beyond one send's timeout, so no other instance takes it meanwhile. */
const LEASE_MS = 5 * 60_000;
/** At most this many deliveries per run; the rest wait for the next minute. */
const PER_RUN = 500;
const PARALLEL = 4;

interface SendResult {
  statusCode: number | null;
  error: string | null;
}

/** One POST with a timeout, no redirects followed, the response body ignored. */
export function post(url: URL, body: string, headers: Record<string, string>, allowHosts: string[]): Promise<SendResult> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: TIMEOUT_MS, lookup: guardedLookup(isAllowedHost(url, allowHosts)) as never },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
        res.on('error', (e) => resolve({ statusCode: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e) => resolve({ statusCode: null, error: e.message.slice(0, 300) }));
    req.end(body);
  });
}

/** Claims and sends due deliveries one by one until none is due (or PER_RUN were sent). */
export async function deliverDue(ctx: AppContext, now: Date): Promise<number> {
  let sent = 0;
  const worker = async () => {
    while (sent < PER_RUN) {
      const claimed = await claimDueDelivery(ctx.db, now, LEASE_MS);
      if (!claimed) return;
      sent++;
      const { delivery: d, webhook: w } = claimed;
      let result: SendResult;
      try {
        const secret = w.secretEnc && ctx.config.secretKey ? open(ctx.config.secretKey, w.secretEnc) : null;
        const msg = buildMessage(w.kind, { id: d.id, event: d.event, orgId: d.orgId, createdAt: d.createdAt, payload: d.payload as EventPayload }, secret, ctx.now());
        result = await post(new URL(w.url), msg.body, msg.headers, ctx.config.webhookAllowHosts);
      } catch (e) {
        result = { statusCode: null, error: e instanceof Error ? e.message.slice(0, 300) : 'failed' };
      }
      const ok = result.error === null && result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      const at = ctx.now();
      const error = ok ? null : (result.error ?? `receiver answered ${result.statusCode}`);
      const status = ok ? 'delivered' : d.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      await recordDeliveryAttempt(ctx.db, d.id, { status, at, statusCode: result.statusCode, error, nextAttemptAt: new Date(now.getTime() + backoffMinutes(d.attempts) * 60_000) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return sent;
}

/** Every minute, the due deliveries of every organisation (decision 060's minute slots). */
export const deliveryJob: Job = {
  name: 'integrations.webhooks',
  slotOf: minuteSlot,
  run: async (ctx, _slot, now) => {
    await deliverDue(ctx, now);
  },
};
