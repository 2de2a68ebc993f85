// First: OpenTelemetry starts before NestJS, pg and http load, so its instrumentations can patch them.
import './instrumentation';
import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttp } from '@lien/shared-platform';
import { InfrastructureConfig, InfrastructureConfigurationError, infrastructureFromEnv, openServiceTransport, ServiceTransport } from '@lien/shared-wiring';
import { DemoSeed, DemoSeedError } from './demo/demo-seed';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { LienHostModule } from './lien-host.module';
import { assertPortFree } from './port-check';
import { StartupError } from './startup-error';
import { StartupLogger } from './startup-logger';

/** Written once the demo seed has completed: its absence after a crash makes the next start resume the seed. */
const SEED_DONE = 'demo-seed.done';

function say(line: string): void {
  process.stdout.write(`lien: ${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`lien: ${message}\n`);
  process.exit(2);
}

interface Started {
  readonly app: INestApplication;
  readonly transport: ServiceTransport;
  readonly embedded?: EmbeddedDatabase;
}

/** The real parts as configured, or the embedded database started here and reached as a server. */
async function realParts(config: InfrastructureConfig): Promise<{ infrastructure: Extract<InfrastructureConfig, { mode: 'real' }>; embedded?: EmbeddedDatabase }> {
  if (config.mode === 'real') return { infrastructure: config };
  say(`starting embedded PostgreSQL (PGlite) in ${config.dataDir}…`);
  const embedded = await startEmbeddedDatabase(config.dataDir);
  // The services read DATABASE_URL too (their options from the environment): point it at the embedded servers.
  process.env['DATABASE_URL'] = embedded.url;
  process.env['EVENT_STORE_DATABASE_URL'] = embedded.eventStoreUrl;
  process.env['LIEN_DATA_DIR'] = config.dataDir;
  const schemaPrefix = config.schemaPrefix ? { schemaPrefix: config.schemaPrefix } : {};
  return { infrastructure: { mode: 'real', databaseUrl: embedded.url, eventStoreDatabaseUrl: embedded.eventStoreUrl, ...schemaPrefix }, embedded };
}

async function start(port: number, host: string): Promise<Started & { config: InfrastructureConfig }> {
  const config = infrastructureFromEnv();
  await assertPortFree(port, host);
  const { infrastructure, embedded } = await realParts(config);
  const transport = openServiceTransport(infrastructure, 'lien');
  const logger = new StartupLogger();
  // abortOnError false: a failed start comes back here as an error (one line, exit 2), not as process.abort().
  const app = await NestFactory.create<NestExpressApplication>(LienHostModule.forRoot({ infrastructure, transport }), { bodyParser: false, logger, abortOnError: false });
  configureHttp(app, { name: 'lien' });
  // The host stops the services, then the transport and the database, in that order (see stop below).
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  await app.listen(port, host);
  logger.started();
  return { app, transport, config, ...(embedded ? { embedded } : {}) };
}

function printWelcome(baseUrl: string): void {
  say(`ready on ${baseUrl}`);
  say(`  API documentation: ${baseUrl}/api/docs`);
  say(`  dashboards:        ${baseUrl}/connexion`);
  say(`  health:            ${baseUrl}/health/ready`);
  say('  demo token (coordinator of luxembourg and namur):');
  process.stdout.write(
    `  curl -s -X POST ${baseUrl}/dev/login -H 'content-type: application/json' -d '{"userId":"demo-coordinatrice","roles":["coordinator"],"districts":["luxembourg","namur"]}'\n`,
  );
}

/** The demo seed runs on the embedded default only, unless LIEN_SEED says otherwise (`demo` or `none`). */
async function seedIfNew(baseUrl: string, config: InfrastructureConfig): Promise<void> {
  const choice = process.env['LIEN_SEED'] ?? (config.mode === 'embedded' ? 'demo' : 'none');
  if (choice !== 'demo') return;
  const dataDir = config.mode === 'embedded' ? config.dataDir : join(process.cwd(), '.lien');
  const marker = join(dataDir, SEED_DONE);
  if (existsSync(marker)) return;
  say('seeding the demo districts (luxembourg, namur) through the public API…');
  const seed = new DemoSeed(baseUrl, {
    acknowledged: (demoCase, referralId, status) => say(`seed acknowledged case ${demoCase.number} ${demoCase.district} ${referralId} ${status}`),
    followUpAcknowledged: (number, district, id, what) => say(`seed acknowledged follow-up ${number} ${district} ${id} ${what}`),
    progress: (done, total) => say(`seed progress ${done}/${total} ${'#'.repeat(Math.round((done / total) * 20)).padEnd(20, '.')}`),
  });
  const count = await seed.run();
  writeFileSync(marker, `${new Date().toISOString()} ${count} cases\n`);
  say(`seed complete: ${count} demo cases (rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB, heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MiB)`);
}

async function main(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const port = Number(process.env['PORT'] ?? 3000);
  const host = process.env['HOST'] ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, not ${process.env['PORT']}`);
  const started = await start(port, host);
  const baseUrl = `http://${host}:${port}`;
  const stop = stopper(started);
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGINT', () => void stop(0));
  const ms = Number((process.hrtime.bigint() - startedAt) / 1_000_000n);
  const memory = process.memoryUsage();
  say(`started in ${ms} ms (rss ${Math.round(memory.rss / 1048576)} MiB, heap ${Math.round(memory.heapUsed / 1048576)} MiB)`);
  printWelcome(baseUrl);
  try {
    await seedIfNew(baseUrl, started.config);
  } catch (error) {
    // The platform stays up: the seed resumes at the next start.
    say(`demo seed interrupted: ${error instanceof DemoSeedError ? error.message : error instanceof Error ? error.name : 'error'}; it resumes at the next start`);
  }
}

function stopper(started: Started): (code: number) => Promise<void> {
  let stopping = false;
  return async (code) => {
    if (stopping) return;
    stopping = true;
    await started.app.close().catch(() => undefined);
    await started.transport.transport.close().catch(() => undefined);
    await started.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
}

function startupMessage(error: unknown): string {
  if (error instanceof StartupError || error instanceof InfrastructureConfigurationError) return error.message;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'EADDRINUSE') return 'the port is already in use; set PORT to another port';
  if (code === 'EACCES' || code === 'EROFS') return 'the data folder is not writable; set LIEN_DATA_DIR to a folder you can write';
  // Never a stack trace, nor a driver's message (it could quote a connection string).
  return `start failed (${error instanceof Error ? error.name : 'error'}${code ? ` ${code}` : ''}); check DATABASE_URL, KAFKA_BROKERS and KURRENTDB_URL`;
}

main().catch((error: unknown) => fail(startupMessage(error)));
