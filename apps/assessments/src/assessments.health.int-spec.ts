import { Module } from '@nestjs/common';
import { describeHealthEndpoints, requiredEnv } from '@lien/shared-testing';
import { AssessmentsModule } from './assessments.module';
import { AssessmentsTestInfrastructure } from './testing/assessments-test-infrastructure';

// With its real parts, so that the isolation matrix calls every endpoint of the API.
const infrastructure = new AssessmentsTestInfrastructure(requiredEnv('DATABASE_URL'));

@Module({ imports: [AssessmentsModule.forRoot(infrastructure.open)] })
class AssessmentsWithRealParts {}

afterAll(() => infrastructure.dropSchemas());

describeHealthEndpoints('assessments', AssessmentsWithRealParts);
