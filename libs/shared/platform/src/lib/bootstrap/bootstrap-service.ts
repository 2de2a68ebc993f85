import { INestApplication, Logger, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from '../problem-details/problem-details.filter';
import { ServiceName } from './service-identity';
import { strictValidationPipe } from './validation';

export interface ServiceHttpOptions {
  readonly name: ServiceName | 'lien';
  readonly bodyLimit?: string;
}

/** Everything every HTTP entry point shares: validation, problem details, size limits and API docs. */
export function configureHttp(app: INestApplication, options: ServiceHttpOptions): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  express.disable('x-powered-by');
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Lien ${options.name}`).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

export interface BootstrapOptions extends ServiceHttpOptions {
  readonly module: Type<unknown>;
  readonly port?: number;
  readonly host?: string;
  /** Replaces Nest's console logger, e.g. with structured JSON logs. */
  readonly logger?: LoggerService;
}

/** Starts one service as its own process, the way Kubernetes runs it. */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, { bodyParser: false, ...(options.logger ? { logger: options.logger } : {}) });
  const logger = new Logger(options.name);
  configureHttp(app, options);
  const port = options.port ?? Number(process.env['PORT'] ?? 3000);
  const host = options.host ?? process.env['HOST'] ?? '127.0.0.1';
  await app.listen(port, host);
  logger.log(`${options.name} listening on http://${host}:${port} (node ${process.version})`);
  return app;
}
