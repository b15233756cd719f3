/**
 * Login timing (issue 18, decision 008): does a wrong password for an existing account take the
 * same time as any password for an unknown address? Starts the built server bundle
 * (apps/server/dist/main.js, PGlite in a temporary data directory, or PostgreSQL when
 * BENCH_DATABASE_URL is set), sets it up through the API, seeds one organisation membership more,
 * then makes TRIES sign-ins of each kind over HTTP, in back-to-back pairs (random order within a
 * pair) so that drift and load spikes hit both alike. Prints one JSON object: medians, p90s, the
 * difference of the medians (target: under 5 ms) and the median of the paired differences.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const TRIES = Number(process.env.BENCH_TRIES ?? 200);
const entry = join(process.cwd(), 'apps/server/dist/main.js');
if (!existsSync(entry)) {
  console.log(JSON.stringify({ name: 'org.login-timing', error: 'run `node scripts/build.mjs` first: apps/server/dist/main.js is missing' }));
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-login-timing-'));
const port = 3990 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [entry], {
  env: {
    ...process.env,
    TANDEM_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    SMTP_URL: '',
    LOG_LEVEL: 'warn',
    // The limits would stop the measurement itself: lift them for this run only.
    TANDEM_AUTH_RATE_LIMIT: '1000000',
    TANDEM_ACCOUNT_LOGIN_LIMIT: '1000000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function ready() {
  for (let i = 0; i < 3600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

async function post(path: string, body: unknown, cookie = '', csrf = '') {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(body),
  });
}

const OWNER = { name: 'Timing Owner', email: 'timing.owner@acme.test', password: 'correct horse battery' };

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
function p90(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.9)]!;
}
const r2 = (x: number) => Math.round(x * 100) / 100;

try {
  await ready();
  const setup = await post('/api/v1/setup', { organisation: { name: 'Acme', currency: 'EUR' }, owner: OWNER });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  // A second organisation: before decision 008 a failed sign-in wrote one audit row per organisation.
  const cookies = setup.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const cookie = cookies.join('; ');
  const csrf = cookies.find((c) => c.startsWith('tandem_csrf='))!.split('=')[1]!;
  await post('/api/v1/orgs', { name: 'Beta', currency: 'EUR' }, cookie, csrf);

  const tries = async (email: string) => {
    const t0 = performance.now();
    const res = await post('/api/v1/auth/login', { email, password: 'a wrong password entirely' });
    const ms = performance.now() - t0;
    if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
    await res.arrayBuffer();
    return ms;
  };
  // Warm-up: the dummy hash, JIT and connection setup.
  for (let i = 0; i < 10; i++) {
    await tries(OWNER.email);
    await tries('nobody@acme.test');
  }
  // Pairs of back-to-back tries, in random order within each pair: a load spike hits both of a pair.
  const existing: number[] = [];
  const unknown: number[] = [];
  const pairDiffs: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    let e: number;
    let u: number;
    if (Math.random() < 0.5) {
      e = await tries(OWNER.email);
      u = await tries(`nobody${i}@acme.test`);
    } else {
      u = await tries(`nobody${i}@acme.test`);
      e = await tries(OWNER.email);
    }
    existing.push(e);
    unknown.push(u);
    pairDiffs.push(e - u);
  }
  const diff = median(existing) - median(unknown);
  console.log(
    JSON.stringify({
      name: 'org.login-timing',
      date: new Date().toISOString(),
      cpus: cpus().length,
      node: process.version,
      engine: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
      tries: TRIES,
      existingWrongPassword: { medianMs: r2(median(existing)), p90Ms: r2(p90(existing)) },
      unknownEmail: { medianMs: r2(median(unknown)), p90Ms: r2(p90(unknown)) },
      medianDifferenceMs: r2(diff),
      medianOfPairedDifferencesMs: r2(median(pairDiffs)),
      ratioExistingToUnknown: r2(median(existing) / median(unknown)),
      target: '|medianDifferenceMs| < 5',
      pass: Math.abs(diff) < 5,
    }),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
