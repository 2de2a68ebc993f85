import { join, resolve } from 'node:path';

/**
 * Which real parts a process runs on, from the environment alone:
 * - embedded (default): PGlite in `LIEN_DATA_DIR`, in-process transport, no server needed;
 * - real: `DATABASE_URL` (read models, and the event store unless `KURRENTDB_URL`), `KAFKA_BROKERS`;
 *   `EVENT_STORE_DATABASE_URL` optionally puts the PostgreSQL event stores and personal-data keys in
 *   another database (the single-process host keeps them in a PGlite of their own, ADR 0013).
 */
export type InfrastructureConfig = (
  | { readonly mode: 'embedded'; readonly dataDir: string }
  | {
      readonly mode: 'real';
      /** Read models, inboxes, idempotency keys, relay checkpoints: and the rest, unless given apart below. */
      readonly databaseUrl: string;
      /** The event stores and personal-data keys, when they live apart from the read models; else `databaseUrl`. */
      readonly eventStoreDatabaseUrl?: string;
      readonly kafkaBrokers?: readonly string[];
      /** Before every consumer group id on the cluster (`lien.<district>.`, `lien.central.`): what its ACLs allow. */
      readonly kafkaGroupPrefix?: string;
      readonly kurrentDbUrl?: string;
    }
) & {
  /** Prefix of every schema a service owns (`<prefix>_<service>_events`…); `lien` unless `LIEN_SCHEMA_PREFIX`. */
  readonly schemaPrefix?: string;
};

const SCHEMA_PREFIX = /^[a-z][a-z0-9_]{0,15}$/;

export class InfrastructureConfigurationError extends Error {}

export function infrastructureFromEnv(env: NodeJS.ProcessEnv = process.env): InfrastructureConfig {
  const schemaPrefix = env['LIEN_SCHEMA_PREFIX'];
  if (schemaPrefix !== undefined && !SCHEMA_PREFIX.test(schemaPrefix)) throw new InfrastructureConfigurationError(`LIEN_SCHEMA_PREFIX must match ${SCHEMA_PREFIX.source}`);
  return { ...partsFromEnv(env), ...(schemaPrefix ? { schemaPrefix } : {}) };
}

function partsFromEnv(env: NodeJS.ProcessEnv): InfrastructureConfig {
  const databaseUrl = env['DATABASE_URL'] || undefined;
  const kafka = env['KAFKA_BROKERS'] || undefined;
  const kurrentDbUrl = env['KURRENTDB_URL'] || undefined;
  const eventStoreDatabaseUrl = env['EVENT_STORE_DATABASE_URL'] || undefined;
  if (!databaseUrl) {
    // Half a set of real parts would split the data between an embedded database and a server: refuse.
    const stray = [kafka && 'KAFKA_BROKERS', kurrentDbUrl && 'KURRENTDB_URL', eventStoreDatabaseUrl && 'EVENT_STORE_DATABASE_URL'].filter(Boolean);
    if (stray.length) throw new InfrastructureConfigurationError(`${stray.join(' and ')} given without DATABASE_URL: the read models need PostgreSQL too`);
    return { mode: 'embedded', dataDir: resolve(env['LIEN_DATA_DIR'] ?? join(process.cwd(), '.lien')) };
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new InfrastructureConfigurationError('DATABASE_URL must be a postgres:// URL');
  if (eventStoreDatabaseUrl && !/^postgres(ql)?:\/\//.test(eventStoreDatabaseUrl)) throw new InfrastructureConfigurationError('EVENT_STORE_DATABASE_URL must be a postgres:// URL');
  const kafkaBrokers = kafka?.split(',').map((b) => b.trim()).filter(Boolean);
  if (kafkaBrokers?.some((b) => !/^[^:\s]+:\d+$/.test(b))) throw new InfrastructureConfigurationError('KAFKA_BROKERS must be host:port[,host:port…]');
  const kafkaGroupPrefix = kafkaBrokers ? groupPrefixFromEnv(env) : undefined;
  return {
    mode: 'real',
    databaseUrl,
    ...(eventStoreDatabaseUrl ? { eventStoreDatabaseUrl } : {}),
    ...(kafkaBrokers ? { kafkaBrokers } : {}),
    ...(kafkaGroupPrefix ? { kafkaGroupPrefix } : {}),
    ...(kurrentDbUrl ? { kurrentDbUrl } : {}),
  };
}

const GROUP_PREFIX = /^[a-z0-9][a-z0-9._-]*\.$/;

/**
 * `KAFKA_GROUP_PREFIX`, else the namespace the cluster's ACLs give the deployment (ADR 0005): a district's
 * namespace (`LIEN_DISTRICT=<code>`) owns the groups under `lien.<code>.`, the central reporting (`*`)
 * those under `lien.central.`. Without either (a laptop, CI), group ids stay as the handlers name them.
 */
function groupPrefixFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env['KAFKA_GROUP_PREFIX'] || undefined;
  if (explicit !== undefined) {
    if (!GROUP_PREFIX.test(explicit)) throw new InfrastructureConfigurationError('KAFKA_GROUP_PREFIX must be lower-case dotted words ending with a dot, e.g. lien.namur.');
    return explicit;
  }
  const district = (env['LIEN_DISTRICT'] ?? '').trim();
  if (district === '*') return 'lien.central.';
  return /^[a-z][a-z0-9-]*$/.test(district) && district !== 'unset' ? `lien.${district}.` : undefined;
}
