export * from './segments';
export * from './suppression';
export * from './disclosure';
export * from './scores';
export * from './results';
export * from './templates';
export * from './caution';
