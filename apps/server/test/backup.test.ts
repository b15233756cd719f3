import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, openDatabase, restoreDatabase, RestoreRefusedError, type BackupTarget, type Database, type Engine } from '@tandem/db';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seedDemo } from '../src/demo/seed';
import { engines, freshPostgres, pgliteTemplate } from './harness';
import { allRows } from './ops-helpers';

/** Backup and restore (decision 110): the demo, backed up and restored into a fresh database, is the same row for row. */
const work = mkdtempSync(join(tmpdir(), 'tandem-backup-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
  rmSync(work, { recursive: true, force: true });
});

async function freshTarget(engine: Engine, name: string): Promise<BackupTarget> {
  if (engine === 'pglite') return { dataDir: join(work, name) };
  const p = await freshPostgres();
  drops.push(p.drop);
  return { url: p.url };
}

async function open(target: BackupTarget, migrate = true): Promise<Database> {
  return 'url' in target ? openDatabase({ url: target.url, poolSize: 2, migrate }) : openDatabase({ dataDir: target.dataDir, template: await pgliteTemplate(), migrate });
}

describe.each(engines())('backup and restore on %s', (engine) => {
  it('restores the demo organisation into a fresh database, every table equal row for row, and refuses a full one without --force', async () => {
    const source = await freshTarget(engine, 'source');
    const db = await open(source);
    const app = await buildApp({ database: db, config: loadConfig({}), webDir: null, logger: false });
    await seedDemo(app.ctx);
    await app.close();
    const before = await allRows(db);
    await db.close();
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(1000);

    const file = join(work, `${engine}.backup`);
    await backupDatabase(source, file);

    const copy = await freshTarget(engine, 'copy');
    // A database that `npm start` already migrated, but that holds no rows, counts as empty.
    await (await open(copy)).close();
    await restoreDatabase(copy, file);
    const restored = await open(copy, false);
    const after = await allRows(restored);
    await restored.close();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    // The source holds data now: restoring over it needs --force.
    await expect(restoreDatabase(source, file)).rejects.toBeInstanceOf(RestoreRefusedError);
    const forced = await restoreDatabase(source, file, { force: true });
    if (engine === 'pglite') expect(forced.movedAside).toMatch(/before-restore/);
    const again = await open(source, false);
    expect(await allRows(again)).toEqual(before);
    await again.close();
    // The demo on a PGlite directory takes about a minute on the shared 2-core machine.
  }, 300_000);
});
