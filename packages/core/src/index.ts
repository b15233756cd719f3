/**
 * @tandem/core: the pure maths behind every number Tandem shows.
 * No I/O, no clock, no global random source: time and randomness are arguments.
 */
export type { Rng } from './rng';
export * from './rng';
export * from './finance';
export * from './stats';
export * from './agreement';
export * from './risk';
export * from './forecasting';
export * from './prioritisation';
export * from './matching';
export * from './pulse';
export * from './strategy';
export * from './cases';
export * from './requests';
export * from './value';
export * from './insights';
export * from './events';
export * from './crossover';
