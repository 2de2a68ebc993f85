import 'reflect-metadata';
import { bootstrapService } from '@lien/shared-platform';
import { SessionsModule } from './sessions.module';

void bootstrapService({ name: 'sessions', module: SessionsModule });
