import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { EventStore } from '@lien/shared-event-store';
import { MessageTransport } from '@lien/shared-messaging';
import { sampleOldestTransaction, withInstrumentedStore } from '@lien/shared-observability';
import { InfrastructureConfig, openEventStore, openServiceTransport, ServiceTransport } from '@lien/shared-wiring';
import { AssessmentsReadModelTables, loadInstrumentRegistry, migrateAssessmentsReadModel } from '@lien/assessments-application';
import { InstrumentRegistry } from '@lien/assessments-domain';

/** Every real part the assessments service runs on, opened once and closed once. */
export interface AssessmentsInfrastructure {
  /** Personal fields sealed per person on the way in, opened on the way out. */
  readonly store: EventStore;
  /** As persisted (sealed): what the relay and the projector read. */
  readonly rawStore: EventStore;
  readonly dataSource: DataSource;
  /** Inbox, relay checkpoint and Idempotency-Keys, in `operationalSchema`. */
  readonly pool: Pool;
  readonly operationalSchema: string;
  readonly tables: AssessmentsReadModelTables;
  readonly registry: InstrumentRegistry;
  /** Districts whose referrals and sessions topics this instance consumes. */
  readonly districts: readonly string[];
  readonly transport: MessageTransport;
  /** False for the in-process log, which starts empty at every start: the relay then republishes from the start. */
  readonly durableTransport: boolean;
  /** How many days before a report deadline its task is raised. */
  readonly reportLeadDays: number;
  /** Read once per request: the time every command carries. */
  readonly clock: () => Date;
  close(): Promise<void>;
}

export interface AssessmentsInfrastructureParts {
  readonly eventStore: { readonly store: EventStore; readonly raw: EventStore; close(): Promise<void> };
  readonly databaseUrl: string;
  readonly readSchema: string;
  readonly operationalSchema: string;
  readonly serviceRole?: string;
  readonly instrumentsDirectory: string;
  readonly districts: readonly string[];
  readonly transport: MessageTransport;
  /** Default true (Kafka, or a test's transport that outlives nothing but the test). */
  readonly durableTransport?: boolean;
  readonly reportLeadDays?: number;
  readonly clock?: () => Date;
}

export const DEFAULT_REPORT_LEAD_DAYS = 15;

export async function openAssessmentsInfrastructure(parts: AssessmentsInfrastructureParts): Promise<AssessmentsInfrastructure> {
  const registry = loadInstrumentRegistry(parts.instrumentsDirectory);
  const dataSource = new DataSource({ type: 'postgres', url: parts.databaseUrl, extra: { max: 4 } });
  await dataSource.initialize();
  const tables = new AssessmentsReadModelTables({ schema: parts.readSchema, ...(parts.serviceRole ? { serviceRole: parts.serviceRole } : {}) });
  await migrateAssessmentsReadModel(dataSource, tables);
  const pool = new Pool({ connectionString: parts.databaseUrl, max: 4 });
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
    registry,
    districts: parts.districts,
    transport: parts.transport,
    durableTransport: parts.durableTransport ?? true,
    reportLeadDays: parts.reportLeadDays ?? DEFAULT_REPORT_LEAD_DAYS,
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
  if (!existsSync(file)) throw new Error(`set LIEN_DISTRICT, or give ${file}: the assessments service must know which districts it serves`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { districts: { code: string }[] }).districts.map((d) => d.code);
}

/** `shared` is the transport of a host running several services in one process; alone, Kafka or the in-process log. */
export async function assessmentsInfrastructureFromEnv(
  config: Extract<InfrastructureConfig, { mode: 'real' }>,
  env: NodeJS.ProcessEnv = process.env,
  shared: ServiceTransport = openServiceTransport(config, 'lien-assessments'),
): Promise<AssessmentsInfrastructure> {
  const lead = Number(env['LIEN_REPORT_TASK_LEAD_DAYS'] ?? DEFAULT_REPORT_LEAD_DAYS);
  if (!Number.isInteger(lead) || lead < 0) throw new Error('LIEN_REPORT_TASK_LEAD_DAYS must be a whole number of days');
  return openAssessmentsInfrastructure({
    eventStore: withInstrumentedStore(await openEventStore(config, 'assessments')),
    databaseUrl: config.databaseUrl,
    readSchema: 'lien_assessments_read',
    operationalSchema: 'lien_assessments',
    instrumentsDirectory: join(configDirectory(env), 'instruments'),
    districts: servedDistricts(env),
    transport: shared.transport,
    durableTransport: shared.durable,
    reportLeadDays: lead,
  });
}
