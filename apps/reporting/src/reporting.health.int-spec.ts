import { describeHealthEndpoints, requiredEnv } from '@lien/shared-testing';
import { reportingTestModule } from './test-support/reporting-test-module';

const reporting = reportingTestModule(requiredEnv('DATABASE_URL'));

describeHealthEndpoints('reporting', reporting.module);

afterAll(() => reporting.dropSchema());
