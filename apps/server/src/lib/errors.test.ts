import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable } from './errors';

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable: a 503 for an outage, never for a bad request or a bug', () => {
  it.each([
    ['refused connection (server down)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['admin shutdown 57P01, wrapped by drizzle', wrapped(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
    ['starting up 57P03', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection exception class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a connection dropped mid-query', wrapped(new Error('Connection terminated unexpectedly'))],
  ])('is true for %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a numeric overflow', wrapped(Object.assign(new Error('numeric field overflow'), { code: '22003' }))],
    ['an AppError', new AppError('validation', 'bad')],
    ['a TypeError', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
