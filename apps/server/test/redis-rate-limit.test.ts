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
});
