export * from './lib/roles';
export * from './lib/principal';
export * from './lib/token-verifier';
export * from './lib/dev-issuer';
export * from './lib/auth.decorators';
export * from './lib/auth.config';
export * from './lib/auth.module';
export * from './lib/rate-limiter';
