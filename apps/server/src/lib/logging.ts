import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Path segments after these words are secrets (survey links, invitations, password reset, e-mail proof). */
const SECRET_AFTER = new Set(['respond', 'invite', 'invitations', 'password-reset', 'reset', 'verify', 'confirm', 'proof']);
/** Query parameters whose value is a secret, whatever the path. */
const SECRET_QUERY = /^(token|t|code|key|secret|password|reset|proof|signature|sig|state|id_token|access_token)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A random token as lib/crypto makes them (base64url, 16 bytes or more). */
const TOKEN_LIKE = /^[A-Za-z0-9_-]{20,}$/;
const HIDDEN = '[redacted]';

function secretSegment(segment: string, previous: string | undefined): boolean {
  if (segment === '' || UUID.test(segment)) return false;
  if (previous !== undefined && SECRET_AFTER.has(previous.toLowerCase())) return true;
  // A token in a path that nobody listed yet is still recognisably random.
  return TOKEN_LIKE.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment);
}

/**
 * The URL as it may be logged: survey, invitation and reset tokens (in the path or the query)
 * replaced by `[redacted]`. Ids (UUIDs) stay, so a log line still tells which record was asked.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const segments = path.split('/');
  const cleanPath = segments.map((s, i) => (secretSegment(safeDecode(s), segments[i - 1]) ? HIDDEN : s)).join('/');
  if (q < 0) return cleanPath;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = safeDecode(pair.slice(0, eq));
      return SECRET_QUERY.test(name) || secretSegment(safeDecode(pair.slice(eq + 1)), undefined) ? `${pair.slice(0, eq)}=${HIDDEN}` : pair;
    })
    .join('&');
  return `${cleanPath}?${query}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  query?: string;
  cause?: LoggedError;
}

/**
 * Errors as they may be logged: no SQL parameters (drizzle puts them in `params` and in the
 * message, and a parameter can be a password hash or a token) and no PostgreSQL `detail`
 * (it quotes the offending values). The SQL text itself has only placeholders, so it stays.
 */
export function safeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown' };
  const message = err.message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const out: LoggedError = { type: err.name, message, stack: [`${err.name}: ${message}`, ...frames].join('\n') };
  const e = err as Error & { code?: unknown; query?: unknown; cause?: unknown };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/**
 * pino options for the app: our serializers replace fastify's, so no logged request carries a
 * token, a header or a body, and no logged error carries SQL parameters.
 */
export function loggerOptions(base: boolean | Record<string, unknown> | undefined): false | Record<string, unknown> {
  if (!base) return false;
  return {
    ...(base === true ? {} : base),
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
      res: (res: FastifyReply) => ({ statusCode: res.statusCode }),
      err: safeError,
    },
  };
}

/** Whether the request's logger writes at this level (fastify's silent logger, `logger: false`, has no levels). */
function listens(req: FastifyRequest, level: 'debug' | 'info'): boolean {
  const log = req.log as { isLevelEnabled?: (l: string) => boolean };
  return typeof log.isLevelEnabled === 'function' && log.isLevelEnabled(level);
}

/**
 * One line per request, written when the answer is sent, with the redacted URL. Successful
 * static files (the web app's assets) are logged at debug, so that the info level shows the API.
 */
function logRequest(req: FastifyRequest, reply: FastifyReply, error: unknown) {
  const isStatic = !req.url.startsWith('/api/') && reply.statusCode < 400;
  // Redacting the URL costs more than the line when nobody listens at that level.
  if (!error && !listens(req, isStatic ? 'debug' : 'info')) return;
  const line = { method: req.method, url: redactUrl(req.url), statusCode: reply.statusCode, remoteAddress: req.ip, responseTime: Math.round(reply.elapsedTime) };
  if (error) req.log.error({ ...line, err: error }, 'request errored');
  else if (isStatic) req.log.debug(line, 'request completed');
  else req.log.info(line, 'request completed');
}

/**
 * Fastify's request lines carry the raw URL (tokens included): ours replace them. A request is
 * also logged at debug as soon as its headers are read, so a request that never completes (or one
 * a shutdown is still waiting for) can be seen.
 */
export class RedactingLogController extends LogController {
  override incomingRequest(req: FastifyRequest) {
    if (listens(req, 'debug')) req.log.debug({ method: req.method, url: redactUrl(req.url) }, 'request received');
  }
  override requestCompleted(error: unknown, req: FastifyRequest, reply: FastifyReply) {
    logRequest(req, reply, error);
  }
}
