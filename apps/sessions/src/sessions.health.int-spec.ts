import { Module } from '@nestjs/common';
import { describeHealthEndpoints, requiredEnv } from '@lien/shared-testing';
import { SessionsModule } from './sessions.module';
import { SessionsTestInfrastructure } from './testing/sessions-test-infrastructure';

const infrastructure = new SessionsTestInfrastructure(requiredEnv('DATABASE_URL'));

@Module({ imports: [SessionsModule.forRoot(infrastructure.open)] })
class SessionsUnderTest {}

describeHealthEndpoints('sessions', SessionsUnderTest);

afterAll(() => infrastructure.dropSchemas());
