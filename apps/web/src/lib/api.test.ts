import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZOk, ZSetupStatus } from '@tandem/contracts';
import { api, ApiError, fieldErrors } from './api';

function respond(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
}

describe('api', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { cookie: 'other=1; tandem_csrf=tok%2Ben; x=2' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the CSRF cookie value on state-changing requests only', async () => {
    const f = respond(200, { ok: true });
    vi.stubGlobal('fetch', f);
    await api('/auth/logout', { method: 'POST', schema: ZOk });
    await api('/setup', { schema: ZOk });
    const [postUrl, post] = f.mock.calls[0]!;
    const [, get] = f.mock.calls[1]!;
    expect(postUrl).toBe('/api/v1/auth/logout');
    expect((post.headers as Record<string, string>)['x-csrf-token']).toBe('tok+en');
    expect(post.credentials).toBe('same-origin');
    expect((get.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('reads the __Host- prefixed CSRF cookie used over https', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; __Host-tandem_csrf=secure%2Btok' });
    const f = respond(200, { ok: true });
    vi.stubGlobal('fetch', f);
    await api('/auth/logout', { method: 'POST', schema: ZOk });
    expect((f.mock.calls[0]![1].headers as Record<string, string>)['x-csrf-token']).toBe('secure+tok');
  });

  it('sends JSON bodies as JSON and text bodies with their content type', async () => {
    const f = respond(200, { ok: true });
    vi.stubGlobal('fetch', f);
    await api('/a', { method: 'POST', body: { a: 1 }, schema: ZOk });
    await api('/b', { method: 'POST', body: 'x,y\n', contentType: 'text/csv', schema: ZOk });
    expect(f.mock.calls[0]![1].body).toBe('{"a":1}');
    expect((f.mock.calls[0]![1].headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(f.mock.calls[1]![1].body).toBe('x,y\n');
    expect((f.mock.calls[1]![1].headers as Record<string, string>)['content-type']).toBe('text/csv');
  });

  it('turns the error body into an ApiError with code, message, details and status', async () => {
    vi.stubGlobal('fetch', respond(400, { error: { code: 'validation', message: 'Invalid body.email', requestId: 'req-0123456789', details: [{ path: 'body.email', message: 'bad' }] } }));
    const e = await api('/x', { method: 'POST', body: {}, schema: ZOk }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'validation', message: 'Invalid body.email', status: 400 });
  });

  it('reports a non-JSON failure by its status', async () => {
    vi.stubGlobal('fetch', respond(502, '<html>bad gateway</html>'));
    await expect(api('/x', { schema: ZOk })).rejects.toMatchObject({ code: 'http', status: 502 });
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.stubGlobal('fetch', respond(200, { setupRequired: 'yes' }));
    await expect(api('/setup', { schema: ZSetupStatus })).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api('/setup', { schema: ZSetupStatus })).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});

describe('fieldErrors', () => {
  it('keys messages by field path without the body prefix, first message wins', () => {
    const e = new ApiError('validation', 'Invalid', [
      { path: 'body.owner.email', message: 'Invalid email address' },
      { path: 'body.owner.email', message: 'second' },
      { path: 'body.name', message: 'name is required' },
      { nonsense: true },
    ], 400);
    expect(fieldErrors(e)).toEqual({ 'owner.email': 'Invalid email address', name: 'name is required' });
  });

  it('reads details of other error codes too (a wrong current password)', () => {
    const e = new ApiError('bad_request', 'The current password is wrong', [{ path: 'body.currentPassword', message: 'wrong password' }], 400);
    expect(fieldErrors(e)).toEqual({ currentPassword: 'wrong password' });
  });

  it('is empty for anything else', () => {
    expect(fieldErrors(new Error('x'))).toEqual({});
    expect(fieldErrors(new ApiError('conflict', 'exists', undefined, 409))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});
