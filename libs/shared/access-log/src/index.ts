export * from './lib/access-log';
export * from './lib/audited-case-read.interceptor';
