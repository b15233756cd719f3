export * from './digest';
export * from './movements';
