import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The built server as `npm start` runs it: a real process on a PGlite data directory. Checks the
 * lock against a second process, a clean stop on SIGTERM, and that a restart keeps the data.
 */
const entry = join(process.cwd(), 'apps/server/dist/main.js');
const dir = mkdtempSync(join(tmpdir(), 'tandem-proc-'));
const children: ChildProcess[] = [];

function start(port: number) {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, DATABASE_URL: '', TANDEM_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, output: () => output };
}

async function healthy(port: number, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return (await r.json()) as { database: { engine: string } };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(entry) && process.env.TANDEM_REQUIRE_ALL !== '1')('the server process', () => {
  it('locks its data directory, stops cleanly on SIGTERM and keeps data across a restart', async () => {
    const port = 4100 + Math.floor(Math.random() * 500);
    const first = start(port);
    expect((await healthy(port)).database.engine).toBe('pglite');
    const setup = await fetch(`http://127.0.0.1:${port}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: { name: 'Proc Org', currency: 'EUR' }, owner: { name: 'P', email: 'p@proc.test', password: 'process password' } }),
    });
    expect(setup.status).toBe(201);

    const second = start(port + 1);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Tandem process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dir, 'tandem.lock'))).toBe(false);

    const third = start(port + 2);
    await healthy(port + 2);
    const status = await (await fetch(`http://127.0.0.1:${port + 2}/api/v1/setup`)).json();
    expect(status).toEqual({ setupRequired: false });
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  });
});
