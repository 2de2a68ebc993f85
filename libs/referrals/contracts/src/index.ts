export * from './lib/referral-lifecycle.contracts';
