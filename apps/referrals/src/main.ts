import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { ReferralsModule } from './referrals.module';

@Module({ imports: [ReferralsModule.forRoot()] })
class ReferralsService {}

void bootstrapService({ name: 'referrals', module: ReferralsService });
