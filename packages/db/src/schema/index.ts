export * from './org';
export * from './pulse';
