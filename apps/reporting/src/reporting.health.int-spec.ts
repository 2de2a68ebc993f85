import { describeHealthEndpoints } from '@lien/shared-testing';
import { ReportingModule } from './reporting.module';

describeHealthEndpoints('reporting', ReportingModule);
