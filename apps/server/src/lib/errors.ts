/**
 * The one error type services throw. The error handler maps `code` to an HTTP status, so a
 * service never thinks in HTTP and a client always gets `{ error: { code, message, details? } }`.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'mail_required'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  mail_required: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The same answer for a foreign id as for a random one: existence never leaks across tenants. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/** Node's socket errors when the database cannot be reached or drops the connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs of a server that is gone, stopping or starting (class 08, 57P01-57P03). */
const UNAVAILABLE_STATES = /^(08...|57P0[123])$/;
const DROPPED = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/**
 * Whether an error means "the database is not reachable right now" rather than a fault of the
 * request or of our code: the answer is then a 503 the client may retry (decision 115). Drizzle
 * wraps the driver's error, so the whole `cause` chain is read.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    if (DROPPED.test(String((e as { message?: unknown }).message ?? ''))) return true;
  }
  return false;
}
