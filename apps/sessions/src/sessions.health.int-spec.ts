import { describeHealthEndpoints } from '@lien/shared-testing';
import { SessionsModule } from './sessions.module';

describeHealthEndpoints('sessions', SessionsModule);
