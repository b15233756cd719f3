// `npm run backup -- FILE` / `npm run restore -- FILE [--force]`: build what is stale, then run the
// server bundle's backup entry on the database `npm start` would open (decision 110).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/server/dist/backup.js'), ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
child.on('exit', (code) => process.exit(code ?? 1));
