// `npm test`: lint, typecheck, unit tests, the database/API suite (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys against a fresh build. Each step runs even
// when an earlier one failed, so one run shows everything; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const out = mkdtempSync(join(tmpdir(), 'tandem-test-'));
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, args, opts = {}) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s ===`);
  if (!ok) failures.push(name);
  if (opts.json) {
    if (existsSync(opts.json)) {
      const j = JSON.parse(readFileSync(opts.json, 'utf8'));
      passed += j.numPassedTests;
      failed += j.numFailedTests;
      skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    } else if (!ok) failed += 1;
  } else if (ok) passed += 1;
  else failed += 1;
}

const vitest = join(root, 'node_modules/vitest/vitest.mjs');
step('lint', [join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings=0']);
step('typecheck', [join(root, 'scripts/typecheck.mjs')]);
step('unit', [vitest, 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'unit.json')}`], { json: join(out, 'unit.json') });
step('api', [vitest, 'run', '--project', 'api', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'api.json')}`], { json: join(out, 'api.json') });
step('build', [join(root, 'scripts/build.mjs')]);
step('e2e', [vitest, 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'e2e.json')}`], { json: join(out, 'e2e.json') });

console.log(`\nSteps failed: ${failures.length ? failures.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
