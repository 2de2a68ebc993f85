export * from './lib/health/readiness-indicator';
export * from './lib/health/health.module';
export * from './lib/bootstrap/bootstrap-service';
export * from './lib/bootstrap/service-identity';
export * from './lib/problem-details/problem-details';
export * from './lib/problem-details/problem-details.filter';
export * from './lib/http/public-route';
export * from './lib/health/dependency-checks';
