import 'reflect-metadata';
import { bootstrapService } from '@lien/shared-platform';
import { ReportingModule } from './reporting.module';

void bootstrapService({ name: 'reporting', module: ReportingModule });
