import { Module } from '@nestjs/common';
import { HealthModule } from '@lien/shared-platform';

@Module({ imports: [HealthModule.forRoot()] })
export class SessionsModule {}
