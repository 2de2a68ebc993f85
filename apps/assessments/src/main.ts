import 'reflect-metadata';
import { bootstrapService } from '@lien/shared-platform';
import { AssessmentsModule } from './assessments.module';

void bootstrapService({ name: 'assessments', module: AssessmentsModule });
