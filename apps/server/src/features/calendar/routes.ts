import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCalendarFeed, ZCalendarTokenParams, ZOk } from '@tandem/contracts';
import { linkOrigin } from '../../lib/origin';
import { requireOrg } from '../../plugins/auth';
import { buildCalendarFeed } from './build-feed';
import { createCalendarFeed, revokeCalendarFeed } from './manage-feed';

/** The per-person calendar feed: a secret, revocable URL that calendars subscribe to. */
export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const tags = ['calendar'];
  r.post('/me/calendar-feed', { config: { access: 'member' }, schema: { tags, summary: 'Create or rotate your calendar feed; the URL is shown once (only its hash is kept)', response: { 201: ZCalendarFeed } } }, async (req, reply) =>
    reply.status(201).send(await createCalendarFeed(ctx, requireOrg(req), linkOrigin(req.server))),
  );
  r.delete('/me/calendar-feed', { config: { access: 'member' }, schema: { tags, summary: 'Revoke your calendar feed (its URL stops working)', response: { 200: ZOk } } }, (req) => revokeCalendarFeed(ctx, requireOrg(req)));
  r.get('/calendar/:file', { config: { access: 'public' }, schema: { tags, summary: 'A calendar feed by its secret token: GET /api/v1/calendar/{token}.ics (pairs, bookings, sit-ins, sprint demos, round-tables, pulse deadlines)', params: ZCalendarTokenParams, response: { 200: z.string() } } }, async (req, reply) =>
    reply.type('text/calendar; charset=utf-8').send(await buildCalendarFeed(ctx, req.params.file.slice(0, -4))),
  );
}
