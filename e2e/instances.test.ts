import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two real app processes (the built server, as `npm start` runs it) on one PostgreSQL and one
 * Redis (decision 112): a write through one is read through the other at once, and the login
 * rate limit is one budget for both. Nothing an instance keeps in memory matters to another.
 */
const entry = join(process.cwd(), 'apps/server/dist/main.js');
const base = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const required = process.env.TANDEM_REQUIRE_ALL === '1';
const children: ChildProcess[] = [];
const dbName = `tandem_inst_${randomBytes(5).toString('hex')}`;

async function admin(q: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

function start(url: string, port: number) {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: url, REDIS_URL: redisUrl ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', TANDEM_AUTH_RATE_LIMIT: '6' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

async function healthy(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance on ${port} did not become healthy`);
}

class Session {
  cookies: Record<string, string> = {};
  async call(origin: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { cookie: Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.cookies.tandem_csrf) headers['x-csrf-token'] = this.cookies.tandem_csrf;
    const res = await fetch(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const [k, v] = kv!.split('=');
      this.cookies[k!.trim()] = v ?? '';
    }
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
  }
}

const ready = existsSync(entry) && !!base;
describe.skipIf(!ready && !required)('two app instances on one PostgreSQL', () => {
  const portA = 4700 + Math.floor(Math.random() * 200);
  const portB = portA + 1;
  const A = `http://127.0.0.1:${portA}`;
  const B = `http://127.0.0.1:${portB}`;
  const owner = new Session();

  beforeAll(async () => {
    if (!base) throw new Error('TANDEM_REQUIRE_ALL=1 but TEST_DATABASE_URL is not set');
    await admin(`create database ${dbName}`);
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    if (redisUrl) await new Redis(redisUrl).flushdb().then(() => undefined);
    start(u.toString(), portA);
    start(u.toString(), portB);
    await Promise.all([healthy(portA), healthy(portB)]);
    const setup = await owner.call(A, 'POST', '/api/v1/setup', { organisation: { name: 'Two Instances', currency: 'EUR' }, owner: { name: 'Olga', email: 'olga@two.test', password: 'quiet harbour lantern 7' } });
    expect(setup.status).toBe(201);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    if (base) await admin(`drop database if exists ${dbName} with (force)`);
  });

  it('reads through one instance what was written through the other, at once, with one session', async () => {
    for (let i = 0; i < 40; i++) {
      const [w, r] = i % 2 === 0 ? [A, B] : [B, A];
      const made = await owner.call(w, 'POST', '/api/v1/people', { name: `Person ${i}`, email: `p${i}@two.test`, department: 'Ops', side: 'it', level: 'employee' });
      expect(made.status).toBe(201);
      const list = await owner.call(r, 'GET', '/api/v1/people?limit=500');
      const names = (list.json.items as { name: string }[]).map((p) => p.name);
      expect(names).toContain(`Person ${i}`);
      // And a change is seen just as fast.
      const id = made.json.id as string;
      expect((await owner.call(r, 'PATCH', `/api/v1/people/${id}`, { department: 'Moved' })).status).toBe(200);
      const after = await owner.call(w, 'GET', '/api/v1/people?limit=500');
      expect((after.json.items as { id: string; department: string }[]).find((p) => p.id === id)?.department).toBe('Moved');
    }
    // Signing out through one instance ends the session on both.
    const s = new Session();
    expect((await s.call(B, 'POST', '/api/v1/auth/login', { email: 'olga@two.test', password: 'quiet harbour lantern 7' })).status).toBe(200);
    expect((await s.call(A, 'GET', '/api/v1/me')).status).toBe(200);
    const stale = new Session();
    stale.cookies = { ...s.cookies };
    expect((await s.call(A, 'POST', '/api/v1/auth/logout')).status).toBe(200);
    expect((await stale.call(B, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('sees a role change and a removal made through one instance on the very next request to the other (session cache, decision 156)', async () => {
    const inv = await owner.call(A, 'POST', '/api/v1/invitations', { email: 'rolled@two.test', role: 'admin' });
    expect(inv.status).toBe(201);
    const m = new Session();
    expect((await m.call(B, 'POST', `/api/v1/invitations/${inv.json.token as string}/accept`, { name: 'Rolled', password: 'quiet harbour lantern 8' })).status).toBe(200);
    const userId = ((await m.call(B, 'GET', '/api/v1/me')).json.user as { id: string }).id;
    for (let i = 0; i < 3; i++) {
      expect((await m.call(B, 'GET', '/api/v1/audit?limit=5')).status).toBe(200); // admin: cached on B
      expect((await owner.call(A, 'PATCH', `/api/v1/members/${userId}`, { role: 'member' })).status).toBe(200);
      expect((await m.call(B, 'GET', '/api/v1/audit?limit=5')).status).toBe(403);
      expect((await owner.call(A, 'PATCH', `/api/v1/members/${userId}`, { role: 'admin' })).status).toBe(200);
    }
    expect((await m.call(B, 'GET', '/api/v1/people')).status).toBe(200);
    expect((await owner.call(A, 'DELETE', `/api/v1/members/${userId}`)).status).toBe(200);
    expect((await m.call(B, 'GET', '/api/v1/people')).status).toBe(401);
  });

  it.skipIf(!redisUrl)('share one login rate limit through Redis', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await new Session().call(i % 2 ? B : A, 'POST', '/api/v1/auth/login', { email: 'olga@two.test', password: 'not the password at all' })).status);
    // A budget of 6 per client: each instance alone saw only 4.
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(2);
    expect(codes.slice(0, 4).every((c) => c === 401)).toBe(true);
  });

  it('loses no acknowledged write when one instance is killed with SIGKILL under 1,000 concurrent writes, and the other keeps answering', async () => {
    const acked: string[] = [];
    const failed: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async (w: number) => {
      // Like a load balancer, a client whose instance died sends its next writes to the other one.
      let origin = w % 2 === 0 ? A : B;
      while (next < 1000) {
        const i = next++;
        const email = `kill${i}@two.test`;
        try {
          const r = await owner.call(origin, 'POST', '/api/v1/people', { name: `Kill ${i}`, email, department: 'Load', side: i % 2 ? 'it' : 'business', level: 'employee' });
          if (r.status === 201) acked.push(email);
          else failed.push(`${email} ${r.status}`);
        } catch {
          failed.push(email);
          origin = B;
        }
        if (!killed && acked.length >= 250) {
          killed = true;
          children[0]!.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
    expect(killed).toBe(true);
    // Only the killed instance's clients failed, and only by losing the connection.
    expect(failed.every((f) => !/ \d+$/.test(f))).toBe(true);
    expect(acked.length).toBeGreaterThan(900);
    const u = new URL(base!);
    u.pathname = `/${dbName}`;
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    try {
      const rows = (await c.query(`select email, name, department, side, level from people where email like 'kill%@two.test'`)).rows as { email: string; name: string; department: string }[];
      const stored = new Set(rows.map((r) => r.email));
      const lost = acked.filter((e) => !stored.has(e));
      console.log(`SIGKILL on PostgreSQL: ${acked.length} acknowledged, ${lost.length} lost, ${failed.length} refused by the dead instance`);
      expect(lost).toEqual([]);
      // None half-written: every stored row is whole.
      expect(rows.every((r) => r.name.startsWith('Kill ') && r.department === 'Load')).toBe(true);
    } finally {
      await c.end();
    }
    expect((await fetch(`${B}/api/health`)).status).toBe(200);
    expect((await owner.call(B, 'GET', '/api/v1/me')).status).toBe(200);
  });
});
