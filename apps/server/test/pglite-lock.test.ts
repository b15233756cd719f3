import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, DataDirLockedError } from '@tandem/db';

describe('PGlite data directory', () => {
  it('is locked while open, released on close, and keeps data across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      // Another process holds the lock: simulate it with our parent's pid (alive, not us).
      await first.close();
      writeFileSync(join(dir, 'tandem.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another Tandem process/);
      // A stale lock (dead pid) is taken over.
      writeFileSync(join(dir, 'tandem.lock'), '999999');
      const again = await openDatabase({ dataDir: dir });
      expect(existsSync(join(dir, 'tandem.lock'))).toBe(true);
      await again.db.execute(sql`create table keep_me (x int)`);
      await again.db.execute(sql`insert into keep_me values (42)`);
      await again.close();
      expect(existsSync(join(dir, 'tandem.lock'))).toBe(false);
      const third = await openDatabase({ dataDir: dir });
      expect(await queryRows<{ x: number }>(third.db, sql`select x from keep_me`)).toEqual([{ x: 42 }]);
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
