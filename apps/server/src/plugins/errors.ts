import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isDatabaseUnavailable, STATUS_BY_CODE, type ErrorCode } from '../lib/errors';
import { plainIssue } from '../lib/field-messages';

/**
 * An incoming `x-request-id` is kept only when it is a short safe token (a proxy's or a client's
 * correlation id); anything else, or nothing, gets a fresh UUID. The id is echoed in the
 * `x-request-id` header of every answer and in every error body (decision 100).
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;
export function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const h = req.headers['x-request-id'];
  return typeof h === 'string' && SAFE_REQUEST_ID.test(h) ? h : randomUUID();
}

/** The one error body shape: `{ error: { code, message, requestId, details? } }`. */
export function errorBody(req: FastifyRequest, code: string, message: string, details?: unknown) {
  const requestId = String(req.id);
  return { error: details === undefined ? { code, message, requestId } : { code, message, requestId, details } };
}

/**
 * The one place errors become HTTP. Validation failures are 400 with field paths; fastify's own
 * client errors keep their status with a generic message; anything unexpected is logged and
 * answered as 500 without a stack trace.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    // Errors raised before the onRequest hook (a malformed URL) still carry the id.
    reply.header('x-request-id', req.id);
    if (err instanceof AppError) {
      return reply.status(STATUS_BY_CODE[err.code]).send(errorBody(req, err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Labelled messages in plain words, quoting the bad value; the path stays last (decision 141).
      const context = err.validationContext ?? 'body';
      const root = (req as unknown as Record<string, unknown>)[context === 'querystring' ? 'query' : context];
      const details = err.validation.map((v) => {
        const segments = String(v.instancePath ?? '').split('/').filter(Boolean);
        return {
          path: [context, ...segments].join('.'),
          message: plainIssue({ keyword: v.keyword, message: v.message ?? '', params: v.params as Record<string, unknown> }, root, segments),
        };
      });
      const first = details[0];
      const message = first ? `${first.message} (${first.path})` : 'Invalid request';
      return reply.status(400).send(errorBody(req, 'validation', message, details));
    }
    const pgCode = (err as { code?: string }).code ?? ((err as { cause?: { code?: string } }).cause?.code);
    if (pgCode === '23505') {
      // A unique constraint caught a race that the service's own check could not see.
      return reply.status(409).send(errorBody(req, 'conflict', 'This already exists'));
    }
    if (pgCode === '23503') return reply.status(400).send(errorBody(req, 'bad_request', 'A linked record does not exist in this organisation'));
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(errorBody(req, 'rate_limited', 'Too many attempts; wait a minute and try again'));
    }
    if (status >= 400 && status < 500) {
      const code: ErrorCode =
        status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'bad_request';
      const message =
        fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The body is not valid JSON'
          : status === 413
            ? 'The request body is too large'
            : status === 415
              ? 'Unsupported content type'
              : fe.message;
      return reply.status(status).send(errorBody(req, code, message));
    }
    if (isDatabaseUnavailable(err)) {
      // An outage or restart of the database, not a bug: a clear, retryable answer (decision 115).
      req.log.warn({ err: { message: err.message } }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(errorBody(req, 'unavailable', 'The database is not reachable right now; try again in a few seconds'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody(req, 'internal', 'Something went wrong on our side; it has been logged'));
  });
}
