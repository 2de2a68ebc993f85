import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore } from '@lien/shared-event-store';
import { MessageTransport } from '@lien/shared-messaging';
import { sampleOldestTransaction, withInstrumentedStore } from '@lien/shared-observability';
import { InfrastructureConfig, openEventStore, openServiceTransport, ServiceTransport } from '@lien/shared-wiring';
import { DEFAULT_SESSIONS_READ_SCHEMA, DistrictSettingsCatalog, migrateSessionsReadModels, SessionsReadModelTables } from '@lien/sessions-application';

/** Every real part the sessions service runs on, opened once and closed once. */
export interface SessionsInfrastructure {
  /** Personal fields sealed per person on the way in, opened on the way out. */
  readonly store: EventStore;
  /** As persisted (sealed): what the relay publishes from. */
  readonly rawStore: EventStore;
  readonly dataSource: DataSource;
  /** Inbox, relay checkpoints and Idempotency-Keys, in `operationalSchema`. */
  readonly pool: Pool;
  readonly operationalSchema: string;
  readonly tables: SessionsReadModelTables;
  readonly settings: DistrictSettingsCatalog;
  /** Districts whose referrals topics this instance consumes. */
  readonly districts: readonly string[];
  readonly transport: MessageTransport;
  /** False for the in-process log, which starts empty at every start: the relay then republishes from the start. */
  readonly durableTransport: boolean;
  /** Read once per request: the time every command carries. */
  readonly clock: () => Date;
  close(): Promise<void>;
}

export interface SessionsInfrastructureParts {
  readonly eventStore: { readonly store: EventStore; readonly raw: EventStore; close(): Promise<void> };
  readonly databaseUrl: string;
  readonly readSchema: string;
  readonly operationalSchema: string;
  readonly serviceRole?: string;
  readonly settingsDirectory: string;
  readonly districts: readonly string[];
  readonly transport: MessageTransport;
  /** Default true (Kafka, or a test's transport that outlives nothing but the test). */
  readonly durableTransport?: boolean;
  readonly clock?: () => Date;
}

export async function openSessionsInfrastructure(parts: SessionsInfrastructureParts): Promise<SessionsInfrastructure> {
  const settings = DistrictSettingsCatalog.fromDirectory(parts.settingsDirectory);
  const dataSource = new DataSource({ type: 'postgres', url: parts.databaseUrl, extra: { max: 6 } });
  await dataSource.initialize();
  const tables = new SessionsReadModelTables({ schema: parts.readSchema, ...(parts.serviceRole ? { serviceRole: parts.serviceRole } : {}) });
  await migrateSessionsReadModels(dataSource, tables);
  const pool = new Pool({ connectionString: parts.databaseUrl, max: 6 });
  // Gap-safe readers stall behind the instance's oldest open transaction: sampled at each scrape.
  const stopSampling = sampleOldestTransaction(pool);
  // An idle connection dropped by a server restart must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return {
    store: parts.eventStore.store,
    rawStore: parts.eventStore.raw,
    dataSource,
    pool,
    operationalSchema: parts.operationalSchema,
    tables,
    settings,
    districts: parts.districts,
    transport: parts.transport,
    durableTransport: parts.durableTransport ?? true,
    clock: parts.clock ?? (() => new Date()),
    async close() {
      stopSampling();
      await parts.transport.close();
      await pool.end();
      await dataSource.destroy();
      await parts.eventStore.close();
    },
  };
}

/** The workspace's configuration folder, found from the working directory (the repository root, or the image's /app). */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env['LIEN_CONFIG_DIR'] ?? join(process.cwd(), 'config');
}

/** `LIEN_DISTRICT` (one district per namespace in production), else every district of `config/districts.json`. */
export function servedDistricts(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env['LIEN_DISTRICT'] ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '' && d !== 'unset' && d !== '*');
  if (configured.length > 0) return configured;
  const file = join(configDirectory(env), 'districts.json');
  if (!existsSync(file)) throw new Error(`set LIEN_DISTRICT, or give ${file}: the sessions service must know which districts it serves`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { districts: { code: string }[] }).districts.map((d) => d.code);
}

/** `shared` is the transport of a host running several services in one process; alone, Kafka or the in-process log. */
export async function sessionsInfrastructureFromEnv(
  config: Extract<InfrastructureConfig, { mode: 'real' }>,
  env: NodeJS.ProcessEnv = process.env,
  shared: ServiceTransport = openServiceTransport(config, 'lien-sessions'),
): Promise<SessionsInfrastructure> {
  const districts = servedDistricts(env);
  return openSessionsInfrastructure({
    eventStore: withInstrumentedStore(await openEventStore(config, 'sessions')),
    databaseUrl: config.databaseUrl,
    readSchema: DEFAULT_SESSIONS_READ_SCHEMA,
    operationalSchema: 'lien_sessions',
    settingsDirectory: join(configDirectory(env), 'protocol-templates'),
    districts,
    transport: shared.transport,
    durableTransport: shared.durable,
  });
}
