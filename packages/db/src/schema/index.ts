export * from './org';
export * from './strategy';
export * from './pulse';
export * from './requests';
