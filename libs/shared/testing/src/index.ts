export * from './lib/describe-health-endpoints';
export * from './lib/real-infrastructure';
