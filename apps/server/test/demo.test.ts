import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_LOGIN } from '../src/demo/seed';
import { Client, createTestApp, engines, type TestApp } from './harness';

describe.each(engines())('demo organisation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates Northwind Manufacturing with about 150 people on both sides and levels, once', async () => {
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    const c = new Client(t.app);
    expect((await c.post('/api/v1/auth/login', DEMO_LOGIN)).statusCode).toBe(200);
    const me = (await c.get('/api/v1/me')).json();
    expect(me.current.name).toBe('Northwind Manufacturing');
    const people = (await c.get('/api/v1/people')).json().people as { side: string; level: string; managerId: string | null; department: string }[];
    expect(people.length).toBeGreaterThanOrEqual(140);
    expect(people.length).toBeLessThanOrEqual(160);
    const cells = new Set(people.map((p) => `${p.side}/${p.level}`));
    expect([...cells].sort()).toEqual(['business/employee', 'business/leader', 'it/employee', 'it/leader']);
    expect(new Set(people.map((p) => p.department)).size).toBeGreaterThanOrEqual(10);
    expect(people.filter((p) => p.level === 'employee').every((p) => p.managerId !== null)).toBe(true);
    // Running it again changes nothing and still offers the login.
    expect(await seedDemo(t.app.ctx)).toEqual(DEMO_LOGIN);
    expect((await c.get('/api/v1/people')).json().people).toHaveLength(people.length);
  });
});
