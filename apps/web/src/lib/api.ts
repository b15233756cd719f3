import type { z } from 'zod';
import { PAGE_LIMIT_MAX, ZErrorBody, zPage } from '@tandem/contracts';

/** One failed API call: the server's `{ error: { code, message, details? } }` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details: unknown,
    public readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SAFE = new Set(['GET', 'HEAD']);

/** The CSRF token is read at request time: it changes at every sign-in and password change. */
function csrfToken(): string | null {
  const m = document.cookie.match(/(?:^|;\s*)(?:__Host-)?tandem_csrf=([^;]*)/);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON body, or a string or file sent as-is with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** The response schema from @tandem/contracts; the answer is parsed, never trusted. */
  schema: S;
  signal?: AbortSignal;
}

/** The single way the web app talks to the API. */
export async function api<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.output<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (opts.contentType) {
      headers['content-type'] = opts.contentType;
      body = opts.body as string | Blob;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
  }
  if (!SAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', 'The server cannot be reached; check your connection and try again', undefined, 0);
  }

  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const parsed = ZErrorBody.safeParse(json);
    if (parsed.success) throw new ApiError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.details, res.status);
    throw new ApiError('http', `The server answered ${res.status} ${res.statusText}`.trim(), undefined, res.status);
  }
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError('bad_response', `Unexpected answer from ${method} ${path}`, parsed.error.issues, res.status);
  }
  return parsed.data;
}

/** A readable message for anything a fetcher or mutation may throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message;
  return 'Something went wrong';
}

/**
 * Field errors from an error's details (`[{ path: 'body.owner.email', message }]`), keyed by the
 * path without its `body.` prefix (`owner.email`), so that a form can show each under its input.
 */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return out;
  for (const d of e.details as unknown[]) {
    if (typeof d !== 'object' || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const key = path.replace(/^body\.?/, '');
    out[key] ??= message;
  }
  return out;
}

/**
 * Every item of a paged list (the `{ items, nextCursor }` contract), following the cursors at the
 * largest page size. For pickers that need the whole set (owners, audiences); lists a person
 * reads page by page use an infinite query instead.
 */
export async function apiAllPages<T extends z.ZodType>(path: string, item: T, signal?: AbortSignal): Promise<z.output<T>[]> {
  const schema = zPage(item);
  const sep = path.includes('?') ? '&' : '?';
  const out: z.output<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: z.output<typeof schema> = await api(`${path}${sep}limit=${PAGE_LIMIT_MAX}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { schema, signal });
    out.push(...(page.items as z.output<T>[]));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
