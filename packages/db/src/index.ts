/**
 * @tandem/db: schema, migrations, and the queries of each feature. The only package that
 * knows which engine (PGlite or PostgreSQL) is running.
 */
export * from './client';
export * from './backup';
export * as schema from './schema';
export * from './org';
export * from './strategy';
export * from './pulse';
export * from './cases';
export * from './priorities';
export * from './requests';
export * from './jobs';
export * from './value';
export * from './insights';
export * from './events';
export * from './integrations';
export * from './crossover';
export * from './transfer';
