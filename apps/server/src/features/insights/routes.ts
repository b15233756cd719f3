import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDigestSettings, ZDigestSettingsAnswer, ZInsights, ZOk } from '@tandem/contracts';
import { linkOrigin } from '../../lib/origin';
import { requireOrg } from '../../plugins/auth';
import { getInsights } from './get-insights';
import { getDigestSettings, putDigestSettings, unsubscribeDigest } from './manage-digest';
import { digestJob } from './send-digest';

const ZUnsubscribeBody = z.strictObject({ token: z.string().min(1).max(200) });

/** The leadership one-screen and its weekly digest mail. */
export async function insightsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['insights'];
  app.jobs.register(digestJob(() => linkOrigin(app)));

  r.get('/insights', { config: { access: 'leader' }, schema: { tags, summary: "The one-screen: each tile as its module's endpoint answers it (null when the module has no data), guidance, and the month's five largest movements", response: { 200: ZInsights } } }, (req) =>
    getInsights(ctx, requireOrg(req)),
  );
  r.get('/me/digest', { config: { access: 'leader' }, schema: { tags, summary: 'My weekly digest settings in this organisation', response: { 200: ZDigestSettingsAnswer } } }, (req) =>
    getDigestSettings(ctx, requireOrg(req)),
  );
  r.put('/me/digest', { config: { access: 'leader' }, schema: { tags, summary: 'Opt in or out of the weekly digest: weekday (0/7 Sunday … 6), hour 0–23 in an IANA time zone', body: ZDigestSettings, response: { 200: ZDigestSettingsAnswer } } }, (req) =>
    putDigestSettings(ctx, requireOrg(req), req.body),
  );
  r.post(
    '/digest/unsubscribe',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: "Stop the weekly digest with the token from the mail's link (no sign-in needed)", body: ZUnsubscribeBody, response: { 200: ZOk } } },
    async (req) => {
      await unsubscribeDigest(ctx, req.body.token);
      return { ok: true as const };
    },
  );
}
