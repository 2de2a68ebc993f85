import { describeHealthEndpoints } from '@lien/shared-testing';
import { ReferralsModule } from './referrals.module';

describeHealthEndpoints('referrals', ReferralsModule);
