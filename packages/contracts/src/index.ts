/**
 * @tandem/contracts: the zod schemas of every request and response. The only wire format,
 * shared by the server (validation, OpenAPI) and the web app (typed fetchers).
 */
export * from './common';
export * from './org';
export * from './strategy';
export * from './pulse';
export * from './cases';
export * from './priorities';
export * from './requests';
export * from './value';
export * from './insights';
export * from './events';
export * from './integrations';
export * from './crossover';
export * from './transfer';
