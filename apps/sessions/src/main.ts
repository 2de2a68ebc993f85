import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { configDirectory, sessionsInfrastructureFromEnv } from './composition/sessions-infrastructure';
import { SessionsModule } from './sessions.module';

const infrastructure = infrastructureFromEnv();
const districts = (JSON.parse(readFileSync(join(configDirectory(), 'districts.json'), 'utf8')) as { districts: { code: string }[] }).districts.map((d) => d.code);

@Module({ imports: [SessionsModule.forRoot(infrastructure.mode === 'real' ? () => sessionsInfrastructureFromEnv(infrastructure, districts) : undefined)] })
class SessionsServiceModule {}

void bootstrapService({ name: 'sessions', module: SessionsServiceModule });
