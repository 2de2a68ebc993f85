import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { ReportingModule } from './reporting.module';

@Module({ imports: [ReportingModule.forRoot()] })
class ReportingService {}

void bootstrapService({ name: 'reporting', module: ReportingService });
