import { describe, expect, it } from 'vitest';
import { redactUrl, safeError } from './logging';

const TOKEN = 'kQ3v9Zb_x2LmT8pW0aYcRn4sHj6uE1dF7gKo5iV-B0M';

describe('redactUrl', () => {
  it.each([
    [`/api/v1/respond/${TOKEN}`, '/api/v1/respond/[redacted]'],
    [`/respond/${TOKEN}`, '/respond/[redacted]'],
    [`/invite/${TOKEN}`, '/invite/[redacted]'],
    [`/api/v1/invitations/${TOKEN}/accept`, '/api/v1/invitations/[redacted]/accept'],
    ['/api/v1/invitations/short', '/api/v1/invitations/[redacted]'],
    [`/api/v1/auth/password-reset/${TOKEN}`, '/api/v1/auth/password-reset/[redacted]'],
    [`/api/v1/auth/password-reset?token=${TOKEN}&x=1`, '/api/v1/auth/password-reset?token=[redacted]&x=1'],
    [`/reset?code=abc`, '/reset?code=[redacted]'],
    [`/api/v1/unknown/${TOKEN}`, '/api/v1/unknown/[redacted]'],
    [`/api/v1/x?foo=${TOKEN}`, '/api/v1/x?foo=[redacted]'],
    // Ids, names and static files stay readable.
    ['/api/v1/invitations/6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40', '/api/v1/invitations/6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40'],
    ['/api/v1/pulses/6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40/results?by=side,level', '/api/v1/pulses/6f1c2b9e-8a4d-4c1e-9f3a-2b7d5e8c1a40/results?by=side,level'],
    ['/assets/index-BX3k9aZq.js', '/assets/index-BX3k9aZq.js'],
    ['/api/v1/pulses/trend', '/api/v1/pulses/trend'],
    ['/api/v1/invitations', '/api/v1/invitations'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('safeError', () => {
  it('drops SQL parameters from the message, the stack and the fields, keeps the SQL and the code', () => {
    const cause = Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (email)=(a@b.c) already exists.' });
    const err = Object.assign(new Error('Failed query: insert into "users" values ($1, $2)\nparams: a@b.c,$argon2id$v=19$secret'), {
      query: 'insert into "users" values ($1, $2)',
      params: ['a@b.c', '$argon2id$v=19$secret'],
      cause,
    });
    const out = JSON.stringify(safeError(err));
    expect(out).not.toContain('argon2');
    expect(out).not.toContain('a@b.c');
    expect(out).toContain('insert into \\"users\\" values ($1, $2)');
    expect(out).toContain('23505');
  });
});
