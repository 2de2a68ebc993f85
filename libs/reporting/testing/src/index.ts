export * from './lib/contract-events';
export * from './lib/two-district-scenario';
