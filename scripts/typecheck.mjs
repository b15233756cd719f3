// Typecheck every workspace with its own tsconfig (each has its own libs: DOM for web, node for server).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['packages/core', 'packages/contracts', 'packages/db', 'apps/server', 'apps/web', 'e2e', 'bench'];
let failed = 0;
for (const p of projects) {
  if (!existsSync(`${p}/tsconfig.json`)) continue;
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${p}/tsconfig.json`], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.error(`typecheck failed: ${p}`); }
}
process.exit(failed ? 1 : 0);
