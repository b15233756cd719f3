import { backupDatabase, restoreDatabase, DataDirLockedError, RestoreRefusedError } from '@tandem/db';
import { loadConfig } from './config';

/**
 * `npm run backup -- FILE` and `npm run restore -- FILE [--force]` (decision 110): the database is
 * the one `npm start` would open (DATABASE_URL, else the PGlite directory TANDEM_DATA_DIR).
 */
export async function backupMain(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const force = rest.includes('--force');
  const file = rest.find((a) => !a.startsWith('--'));
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: npm run backup -- FILE | npm run restore -- FILE [--force]');
    return 2;
  }
  const config = loadConfig();
  const target = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  try {
    if (command === 'backup') {
      await backupDatabase(target, file);
      console.log(`Backed up ${where} to ${file}`);
    } else {
      const { movedAside } = await restoreDatabase(target, file, { force });
      console.log(`Restored ${file} into ${where}${movedAside ? `; the previous data directory is kept at ${movedAside}` : ''}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof RestoreRefusedError || e instanceof DataDirLockedError) {
      console.error(e.message);
      return 1;
    }
    console.error(e instanceof Error ? e.message : e);
    return 1;
  }
}

const isEntry = process.argv[1] && /backup\.(ts|js|mjs)$/.test(process.argv[1]) && !/scripts/.test(process.argv[1]);
if (isEntry) {
  backupMain(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
