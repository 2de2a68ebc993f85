import { describeHealthEndpoints } from '@lien/shared-testing';
import { AssessmentsModule } from './assessments.module';

describeHealthEndpoints('assessments', AssessmentsModule);
