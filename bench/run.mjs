// `npm run bench`: runs every bench/**/*.bench.ts with tsx, one after another (they measure,
// so they must not share the machine with each other). Each prints one JSON object per benchmark.
// `npm run bench -- pulse` runs only the files whose path contains "pulse".
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filter = process.argv[2];
const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === 'node_modules') continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.bench.ts')) files.push(p);
  }
})(join(root, 'bench'));
let failed = 0;
for (const f of files.sort()) {
  if (filter && !relative(root, f).includes(filter)) continue;
  console.error(`# ${relative(root, f)}`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), f], { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
