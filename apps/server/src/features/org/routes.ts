import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptInvitationRequest,
  ZAuditList,
  ZAuditQuery,
  ZChangePasswordRequest,
  ZCreatePersonRequest,
  ZIdParams,
  ZPeopleImportQuery,
  ZPeopleImportResult,
  ZInvitationList,
  ZInvitationCreated,
  ZInvitationPreview,
  ZInvitationRequest,
  ZLoginRequest,
  ZMeResponse,
  ZMemberList,
  ZMemberRoleChanged,
  ZOk,
  ZOrganisation,
  ZOrganisationInput,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZPasswordResetRequested,
  ZPeopleList,
  ZPeopleQuery,
  ZPerson,
  ZSetupRequest,
  ZSetupStatus,
  ZTokenParams,
  ZUpdateMemberRequest,
  ZUpdatePersonRequest,
  ZPageQuery,
} from '@tandem/contracts';
import { linkOrigin } from '../../lib/origin';
import { clearSessionCookies, requireOrg, requireUser, setSessionCookies } from '../../plugins/auth';
import { acceptInvitation, previewInvitation } from './accept-invitation';
import { accountLimit } from './account-limits';
import { changePassword } from './change-password';
import { createInvitation } from './create-invitation';
import { createOrganisation } from './create-organisation';
import { exportPeople, exportPeopleXlsx } from './export-people';
import { getMe } from './get-me';
import { importPeople, MAX_IMPORT_ROWS } from './import-people';
import { listOrgAudit } from './list-audit';
import { housekeepingJob } from './housekeeping';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { listOrgInvitations, revokeOrgInvitation } from './manage-invitations';
import { changeMemberRole, listOrgMembers, removeMember } from './manage-members';
import { createOrgPerson, getOrgPerson, listOrgPeople, updateOrgPerson } from './manage-people';
import { confirmPasswordReset, requestPasswordReset } from './reset-password';
import { getSetupStatus, setUpInstance } from './set-up-instance';
import { switchOrganisation } from './switch-organisation';
import { XLSX_TYPE, xlsxToCsv } from '../../lib/xlsx';

const tags = ['org'];

function origin(req: FastifyRequest) {
  return linkOrigin(req.server);
}

function rate(app: FastifyInstance) {
  return { max: app.ctx.config.authRateLimit, timeWindow: '1 minute' };
}

/** Setup, sessions, organisations, invitations, members, the people directory and the audit log. */
export async function orgRoutes(app: FastifyInstance) {
  app.jobs.register(housekeepingJob);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const signedIn = (reply: FastifyReply, s: { token: string; csrf: string }) => setSessionCookies(app, reply, s.token, s.csrf);
  const loginPerAccount = accountLimit(app, 'login', ctx.config.accountLoginLimit, 15 * 60_000);
  const resetPerAccount = accountLimit(app, 'reset', ctx.config.accountResetLimit, 60 * 60_000);

  r.get('/setup', { config: { access: 'public' }, schema: { tags, summary: 'Whether first-run setup is still open', response: { 200: ZSetupStatus } } }, () =>
    getSetupStatus(ctx),
  );

  r.post(
    '/setup',
    {
      config: { access: 'public', rateLimit: rate(app) },
      schema: { tags, summary: 'First run: create the organisation and its owner (409 afterwards)', body: ZSetupRequest, response: { 201: ZMeResponse } },
    },
    async (req, reply) => {
      const { org, user, session } = await setUpInstance(ctx, req.body);
      signedIn(reply, session);
      const current = { id: org.id, name: org.name, currency: org.currency, role: 'owner' as const };
      return reply.status(201).send({ user: { id: user.id, name: user.name, email: user.email }, organisations: [current], current });
    },
  );

  r.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: rate(app) },
      preHandler: loginPerAccount,
      schema: { tags, summary: 'Sign in; sets the session cookie and the readable tandem_csrf cookie', body: ZLoginRequest, response: { 200: ZMeResponse } },
    },
    async (req, reply) => {
      const session = await logIn(ctx, req.body, req.auth?.sessionId ?? null);
      signedIn(reply, session);
      return reply.status(200).send(await getMe(ctx, session.userId, session.orgId));
    },
  );

  r.post(
    '/auth/password-reset',
    {
      config: { access: 'public', rateLimit: rate(app) },
      preHandler: resetPerAccount,
      schema: {
        tags,
        summary: 'Ask for a password reset link by mail; the same 202 answer whether or not the address has an account',
        body: ZPasswordResetRequest,
        response: { 202: ZPasswordResetRequested },
      },
    },
    async (req, reply) => {
      const answer = await requestPasswordReset(ctx, req.body, (token) => `${ctx.config.publicUrl ?? origin(req)}/reset-password#${token}`, (err) =>
        req.log.error({ err }, 'password reset mail failed'),
      );
      return reply.status(202).send(answer);
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: rate(app) },
      schema: { tags, summary: 'Set a new password from a reset link; ends every session of the account, then signed in', body: ZPasswordResetConfirm, response: { 200: ZMeResponse } },
    },
    async (req, reply) => {
      const session = await confirmPasswordReset(ctx, req.body);
      signedIn(reply, session);
      return reply.status(200).send(await getMe(ctx, session.userId, session.orgId));
    },
  );

  r.post('/auth/logout', { config: { access: 'user' }, schema: { tags, summary: 'Sign out and end this session', response: { 200: ZOk } } }, async (req, reply) => {
    await logOut(ctx, requireUser(req));
    clearSessionCookies(app, reply);
    return { ok: true as const };
  });

  r.get('/me', { config: { access: 'user' }, schema: { tags, summary: 'The signed-in user, their organisations and the current one', response: { 200: ZMeResponse } } }, (req) => {
    const a = requireUser(req);
    return getMe(ctx, a.userId, a.orgId);
  },
  );

  r.post(
    '/me/password',
    { config: { access: 'user' }, schema: { tags, summary: 'Change password; ends every other session', body: ZChangePasswordRequest, response: { 200: ZOk } } },
    async (req, reply) => {
      const session = await changePassword(ctx, requireUser(req), req.body);
      signedIn(reply, session);
      return { ok: true as const };
    },
  );

  r.post(
    '/orgs',
    { config: { access: 'user' }, schema: { tags, summary: 'Create an organisation; the caller becomes its owner and it becomes current', body: ZOrganisationInput, response: { 201: ZOrganisation } } },
    async (req, reply) => reply.status(201).send(await createOrganisation(ctx, requireUser(req), req.body)),
  );

  r.post(
    '/orgs/:id/switch',
    { config: { access: 'user' }, schema: { tags, summary: 'Make one of your organisations current', params: ZIdParams, response: { 200: ZOrganisation } } },
    (req) => switchOrganisation(ctx, requireUser(req), req.params.id),
  );

  r.get('/members', { config: { access: 'member', etag: true }, schema: { tags, summary: 'Accounts of the current organisation by name, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZMemberList } } }, (req) =>
    listOrgMembers(ctx, requireOrg(req), req.query),
  );

  r.patch(
    '/members/:id',
    {
      config: { access: 'admin' },
      schema: { tags, summary: "Change a member's role", params: ZIdParams, body: ZUpdateMemberRequest, response: { 200: ZMemberRoleChanged } },
    },
    (req) => changeMemberRole(ctx, requireOrg(req), req.params.id, req.body.role),
  );

  r.delete('/members/:id', { config: { access: 'admin' }, schema: { tags, summary: 'Remove a member; ends their sessions here', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await removeMember(ctx, requireOrg(req), req.params.id);
    return { ok: true as const };
  });

  r.post(
    '/invitations',
    { config: { access: 'admin' }, schema: { tags, summary: 'Invite by a single-use, expiring link (mailed when SMTP is set)', body: ZInvitationRequest, response: { 201: ZInvitationCreated } } },
    async (req, reply) => reply.status(201).send(await createInvitation(ctx, requireOrg(req), req.body, origin(req))),
  );

  r.get('/invitations', { config: { access: 'admin' }, schema: { tags, summary: 'Invitations of the current organisation, newest first, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZInvitationList } } }, (req) =>
    listOrgInvitations(ctx, requireOrg(req), req.query),
  );

  r.delete('/invitations/:id', { config: { access: 'admin' }, schema: { tags, summary: 'Revoke an open invitation', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await revokeOrgInvitation(ctx, requireOrg(req), req.params.id);
    return { ok: true as const };
  });

  r.get(
    '/invitations/:token',
    { config: { access: 'public', rateLimit: rate(app) }, schema: { tags, summary: 'What an invitation link offers (public)', params: ZTokenParams, response: { 200: ZInvitationPreview } } },
    (req) => previewInvitation(ctx, req.params.token),
  );

  r.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public', rateLimit: rate(app) },
      schema: { tags, summary: 'Accept an invitation: set name and password, then signed in', params: ZTokenParams, body: ZAcceptInvitationRequest, response: { 200: ZMeResponse } },
    },
    async (req, reply) => {
      const session = await acceptInvitation(ctx, req.params.token, req.body);
      signedIn(reply, session);
      return reply.status(200).send(await getMe(ctx, session.userId, session.orgId));
    },
  );

  r.get('/people', { config: { access: 'member', etag: true, dataVersion: 'people' }, schema: { tags, summary: 'The people directory by name, paged (?limit ≤ 500, ?cursor); filter includeInactive', querystring: ZPeopleQuery, response: { 200: ZPeopleList } } }, (req) =>
    listOrgPeople(ctx, requireOrg(req), req.query),
  );

  r.post('/people', { config: { access: 'admin' }, schema: { tags, summary: 'Add a person', body: ZCreatePersonRequest, response: { 201: ZPerson } } }, async (req, reply) =>
    reply.status(201).send(await createOrgPerson(ctx, requireOrg(req), req.body)),
  );

  r.get('/people/:id', { config: { access: 'member' }, schema: { tags, summary: 'One person', params: ZIdParams, response: { 200: ZPerson } } }, (req) =>
    getOrgPerson(ctx, requireOrg(req), req.params.id),
  );

  r.patch(
    '/people/:id',
    { config: { access: 'admin' }, schema: { tags, summary: 'Edit or deactivate a person (active: false)', params: ZIdParams, body: ZUpdatePersonRequest, response: { 200: ZPerson } } },
    (req) => updateOrgPerson(ctx, requireOrg(req), req.params.id, req.body),
  );

  r.post(
    '/people/import',
    {
      config: { access: 'admin' },
      bodyLimit: 10 * 1024 * 1024,
      // An Excel workbook becomes CSV text first, so both go through the same checks and messages.
      preValidation: async (req) => {
        if (Buffer.isBuffer(req.body)) req.body = await xlsxToCsv(req.body, MAX_IMPORT_ROWS);
      },
      schema: {
        tags,
        summary:
          'Import people from CSV (text/csv) or an Excel workbook (.xlsx, first sheet; header name,email,department,side,level,location, plus manager_email,active as the export writes them): an existing e-mail updates that person; answers created/updated/unchanged and the refused rows; ?dryRun=true writes nothing',
        consumes: ['text/csv', XLSX_TYPE],
        querystring: ZPeopleImportQuery,
        body: z.string(),
        response: { 200: ZPeopleImportResult },
      },
    },
    (req) => importPeople(ctx, requireOrg(req), req.body, req.query.dryRun),
  );

  r.get('/people.csv', { config: { access: 'admin' }, schema: { tags, summary: 'Export the directory as CSV (formula cells escaped)', produces: ['text/csv'] } }, async (req, reply) => {
    const csv = await exportPeople(ctx, requireOrg(req));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="people.csv"').send(csv);
  });

  r.get('/people.xlsx', { config: { access: 'admin' }, schema: { tags, summary: 'Export the directory as an Excel workbook (the same columns as the CSV; it imports again)', produces: [XLSX_TYPE] } }, async (req, reply) => {
    const xlsx = await exportPeopleXlsx(ctx, requireOrg(req));
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', 'attachment; filename="people.xlsx"').send(xlsx);
  });

  r.get(
    '/audit',
    { config: { access: 'admin' }, schema: { tags, summary: 'Audit log, newest first, paged by nextCursor', querystring: ZAuditQuery, response: { 200: ZAuditList } } },
    (req) => listOrgAudit(ctx, requireOrg(req), req.query.limit, req.query.cursor),
  );
}
