import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { Client, OWNER, createTestApp, setUp } from './harness';

const url = process.env.TEST_REDIS_URL;

describe.skipIf(!url)('rate limits shared through Redis', () => {
  it('hold across two app instances on one database', async () => {
    const redis = new Redis(url!);
    await redis.flushdb();
    const a = await createTestApp('pglite', { redis, env: { TANDEM_AUTH_RATE_LIMIT: '4' } });
    const b = await createTestApp('pglite', { redis, env: { TANDEM_AUTH_RATE_LIMIT: '4' } });
    try {
      await setUp(a.app);
      await setUp(b.app);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? a.app : b.app;
        codes.push((await new Client(app).post('/api/v1/auth/login', { email: OWNER.email, password: 'wrong password here' })).statusCode);
      }
      // Each instance alone saw only 3 attempts; the shared budget of 4 is spent after the fourth.
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await a.close();
      await b.close();
      await redis.flushdb();
      redis.disconnect();
    }
  });

  it('share the table of limits (decision 009) too: survey links and organisation creation', async () => {
    const redis = new Redis(url!);
    await redis.flushdb();
    const env = { TANDEM_RESPOND_RATE_LIMIT: '3', TANDEM_ORG_RATE_LIMIT: '3' };
    const a = await createTestApp('pglite', { redis, env });
    const b = await createTestApp('pglite', { redis, env });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await new Client(i % 2 ? b.app : a.app).get(`/api/v1/respond/no-such-token-${i}`)).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
      const owners = [(await setUp(a.app)).client, (await setUp(b.app)).client];
      const orgs: number[] = [];
      for (let i = 0; i < 4; i++) orgs.push((await owners[i % 2]!.post('/api/v1/orgs', { name: `Org ${i}`, currency: 'EUR' })).statusCode);
      expect(orgs).toEqual([201, 201, 201, 429]);
    } finally {
      await a.close();
      await b.close();
      await redis.flushdb();
      redis.disconnect();
    }
  });

  it('share the per-account login limit across instances, whatever the client address', async () => {
    const redis = new Redis(url!);
    await redis.flushdb();
    const env = { TANDEM_AUTH_RATE_LIMIT: '1000', TANDEM_ACCOUNT_LOGIN_LIMIT: '3' };
    const a = await createTestApp('pglite', { redis, env });
    const b = await createTestApp('pglite', { redis, env });
    try {
      await setUp(a.app);
      await setUp(b.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const app = i % 2 === 0 ? a.app : b.app;
        const res = await new Client(app).request({ method: 'POST', url: '/api/v1/auth/login', json: { email: OWNER.email, password: 'wrong password here' }, remoteAddress: `10.9.0.${i + 1}` });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await a.close();
      await b.close();
      await redis.flushdb();
      redis.disconnect();
    }
  });
});
