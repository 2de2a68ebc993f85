import 'reflect-metadata';
import { bootstrapService } from '@lien/shared-platform';
import { ReferralsModule } from './referrals.module';

void bootstrapService({ name: 'referrals', module: ReferralsModule });
