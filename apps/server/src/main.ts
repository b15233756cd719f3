import { fileURLToPath } from 'node:url';
import { openDatabase, DataDirLockedError } from '@tandem/db';
import { Redis } from 'ioredis';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createMailer } from './lib/mailer';
import { linkOrigin } from './lib/origin';

/** Made by the build beside the bundle; a new PGlite data directory starts from it (decision 006). */
const PGLITE_TEMPLATE = fileURLToPath(new URL('./pglite-template.tgz', import.meta.url));

/**
 * Starts Tandem: opens the database (PGlite under TANDEM_DATA_DIR, or PostgreSQL with
 * DATABASE_URL), applies migrations, listens, and on SIGINT/SIGTERM stops accepting requests,
 * lets in-flight ones finish and closes the database cleanly.
 */
export async function main(extra?: { afterOpen?: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void> }) {
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir, template: PGLITE_TEMPLATE });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : null;
  const mailer = createMailer(config.smtpUrl ?? undefined, config.mailFrom);
  const app = await buildApp({ database, config, mailer, redis, logger: { level: config.logLevel } });
  if (extra?.afterOpen) await extra.afterOpen(app);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing in-flight requests');
    try {
      // Stops listening at once, answers what is in flight, then runs the onClose hooks (job timer).
      await app.close();
    } finally {
      await database.close();
      redis?.disconnect();
      mailer?.close();
      console.log(`Tandem stopped on ${signal}: in-flight requests answered, database closed`);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.jobs.start(config.jobTickSeconds * 1000);
  if (!config.publicUrl) {
    app.log.warn(`TANDEM_PUBLIC_URL is not set: invitation and survey links point to ${linkOrigin(app)} (decision 009)`);
  }
  const shown = config.publicUrl ?? `http://localhost:${(app.server.address() as { port: number }).port}`;
  console.log(`Tandem is running at ${shown} (database: ${database.engine}${database.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`);
  return app;
}

const isEntry = process.argv[1] && /main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
