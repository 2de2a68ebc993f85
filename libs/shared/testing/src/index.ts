export * from './lib/describe-health-endpoints';
export * from './lib/real-infrastructure';
export * from './lib/describe-isolation-matrix';
