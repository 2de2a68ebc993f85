import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { sessionsInfrastructureFromEnv } from './composition/sessions-infrastructure';
import { SessionsModule } from './sessions.module';

const infrastructure = infrastructureFromEnv();

@Module({ imports: [SessionsModule.forRoot(infrastructure.mode === 'real' ? () => sessionsInfrastructureFromEnv(infrastructure) : undefined)] })
class SessionsServiceModule {}

void bootstrapService({ name: 'sessions', module: SessionsServiceModule });
