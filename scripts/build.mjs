// Builds what `npm start` needs: the web app (vite) and the server bundle (esbuild), skipping
// either when its sources are older than its output. `--force` rebuilds both.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sharedSources = Math.max(newest(join(root, 'packages/core/src')), newest(join(root, 'packages/contracts/src')));

function stale(stamp, sources) {
  if (force || !existsSync(stamp)) return true;
  return Number(readFileSync(stamp, 'utf8')) < sources;
}

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const webStamp = join(root, 'apps/web/dist/.built');
const webSources = Math.max(sharedSources, newest(join(root, 'apps/web')));
if (stale(webStamp, webSources)) {
  console.log('Building the web app...');
  // vite is a dependency of apps/web; npm may install it there rather than at the root.
  const viteBin = createRequire(join(root, 'apps/web/package.json')).resolve('vite/package.json').replace(/package\.json$/, 'bin/vite.js');
  run(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], join(root, 'apps/web'));
  writeFileSync(webStamp, String(Date.now()));
}

const serverStamp = join(root, 'apps/server/dist/.built');
const serverSources = Math.max(sharedSources, newest(join(root, 'apps/server/src')), newest(join(root, 'packages/db')));
if (stale(serverStamp, serverSources)) {
  console.log('Building the server...');
  const esbuild = await import('esbuild');
  // Workspace packages are bundled (they ship TypeScript sources); npm dependencies stay external.
  const external = new Set();
  for (const pkg of ['apps/server', 'packages/db', 'packages/contracts', 'packages/core']) {
    const json = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
    for (const d of Object.keys(json.dependencies ?? {})) if (!d.startsWith('@tandem/')) external.add(d);
  }
  rmSync(join(root, 'apps/server/dist'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { main: join(root, 'apps/server/src/main.ts'), demo: join(root, 'apps/server/src/demo/main.ts'), backup: join(root, 'apps/server/src/backup.ts') },
    outdir: join(root, 'apps/server/dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: [...external].flatMap((d) => [d, `${d}/*`]),
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'apps/server/dist'), { recursive: true });
  cpSync(join(root, 'packages/db/migrations'), join(root, 'apps/server/dist/migrations'), { recursive: true });
  // A pre-initialised PGlite data directory: a first start loads it instead of running initdb.
  const { PGlite } = await import(createRequire(join(root, 'packages/db/package.json')).resolve('@electric-sql/pglite'));
  const pg0 = new PGlite();
  await pg0.waitReady;
  const blob = await pg0.dumpDataDir('gzip');
  await pg0.close();
  writeFileSync(join(root, 'apps/server/dist/pglite-template.tgz'), Buffer.from(await blob.arrayBuffer()));
  writeFileSync(serverStamp, String(Date.now()));
}
