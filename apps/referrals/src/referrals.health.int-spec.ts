import { describeHealthEndpoints, requiredEnv } from '@lien/shared-testing';
import { referralsTestModule } from './test-support/referrals-test-module';

const referrals = referralsTestModule(requiredEnv('DATABASE_URL'));

describeHealthEndpoints('referrals', referrals.module);

afterAll(() => referrals.dropSchemas());
