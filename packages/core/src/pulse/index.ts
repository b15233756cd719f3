export * from './segments';
export * from './suppression';
export * from './scores';
export * from './results';
export * from './templates';
