import { Module } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { HealthModule } from '@lien/shared-platform';

@Module({ imports: [AuthModule.forRoot(authConfigFromEnv()), HealthModule.forRoot()] })
export class ReferralsModule {}
