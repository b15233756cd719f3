export * from './org';
export * from './strategy';
