export * from './org';
export * from './strategy';
export * from './pulse';
export * from './cases';
export * from './priorities';
export * from './requests';
export * from './jobs';
export * from './crossover';
