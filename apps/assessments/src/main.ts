import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { assessmentsInfrastructureFromEnv } from './composition/assessments-infrastructure';
import { AssessmentsModule } from './assessments.module';

const infrastructure = infrastructureFromEnv();

@Module({ imports: [AssessmentsModule.forRoot(infrastructure.mode === 'real' ? () => assessmentsInfrastructureFromEnv(infrastructure) : undefined)] })
class AssessmentsServiceModule {}

void bootstrapService({ name: 'assessments', module: AssessmentsServiceModule });
