import { Pool } from 'pg';
import { EventStore } from '@lien/shared-event-store';
import { districtOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { progressBar } from '../progress';
import { RebuildAlreadyRunning, RebuildInterrupted, ReportingRebuild } from '../rebuild/reporting-rebuild';
import { assertIdentifier } from '../rebuild/fact-tables';
import { REPORTING_SOURCES } from '../rebuild/reporting-sources';

/** The services' reporting read model schema (see the reporting app's options). */
export const LIVE_REPORTING_SCHEMA = 'lien_reporting_read';

interface RebuildParts {
  readonly pool: Pool;
  readonly liveSchema: string;
  readonly stores: ReadonlyMap<string, EventStore>;
  /** `<prefix>_<service>_events` when the stores are PostgreSQL ones: for counts and the district list. */
  readonly eventSchemas?: ReadonlyMap<string, string>;
}

async function withParts<T>(options: Readonly<Record<string, string>>, context: AuditContext, work: (parts: RebuildParts) => Promise<T>): Promise<T> {
  const infrastructure = context.infrastructure;
  if (infrastructure.mode !== 'real') throw new CliError('rebuild and compare work on the real read model: set DATABASE_URL', ExitCode.usage);
  const liveSchema = assertIdentifier(options['schema'] ?? LIVE_REPORTING_SCHEMA);
  const pool = new Pool({ connectionString: infrastructure.databaseUrl, max: 3 });
  pool.on('error', () => undefined);
  try {
    const exists = await pool.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'referrals'`, [liveSchema]);
    if (!exists.rowCount) throw new CliError(`no reporting read model in schema ${liveSchema}`, ExitCode.usage);
    const prefix = infrastructure.schemaPrefix ?? 'lien';
    const eventSchemas = infrastructure.kurrentDbUrl ? undefined : new Map(context.stores.map((s) => [s.service, `${prefix}_${s.service}_events`]));
    return await work({ pool, liveSchema, stores: new Map(context.stores.map((s) => [s.service, s.raw])), ...(eventSchemas ? { eventSchemas } : {}) });
  } finally {
    await pool.end();
  }
}

async function districtHasEvents(parts: RebuildParts, district: string): Promise<boolean> {
  for (const store of parts.stores.values()) if ((await store.readAll({ maxCount: 1, filter: { districts: [district] } })).events.length) return true;
  return false;
}

async function countEvents(parts: RebuildParts, district: string): Promise<number | undefined> {
  if (!parts.eventSchemas) return undefined;
  let total = 0;
  for (const source of REPORTING_SOURCES) {
    const schema = parts.eventSchemas.get(source.service);
    if (!schema) continue;
    const patterns = source.categories.map((c) => `${c}-%`);
    const result = await parts.pool.query(`SELECT count(*)::bigint AS n FROM ${assertIdentifier(schema)}.events WHERE district = $1 AND stream_name LIKE ANY($2)`, [district, patterns]);
    total += Number(result.rows[0]?.n ?? 0);
  }
  return total;
}

async function allDistricts(parts: RebuildParts): Promise<string[]> {
  if (!parts.eventSchemas) throw new CliError('--all needs the PostgreSQL event stores (name the district with --district)', ExitCode.usage);
  const found = new Set<string>();
  for (const schema of parts.eventSchemas.values()) {
    for (const row of (await parts.pool.query(`SELECT DISTINCT district FROM ${assertIdentifier(schema)}.events`)).rows) found.add(String(row.district));
  }
  return [...found].sort();
}

async function buildToHead(parts: RebuildParts, district: string, options: Readonly<Record<string, string>>, context: AuditContext, purpose: 'rb' | 'cmp'): Promise<ReportingRebuild> {
  if (!(await districtHasEvents(parts, district))) throw new CliError(`no events for district ${district}`, ExitCode.unknownDistrict);
  const bar = progressBar(`rebuild ${district}`, context.err);
  const pageSize = options['page-size'] ? Number(options['page-size']) : undefined;
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0)) throw new CliError('--page-size must be a positive integer', ExitCode.usage);
  const rebuild = new ReportingRebuild({
    pool: parts.pool, liveSchema: parts.liveSchema, district, stores: parts.stores, purpose,
    ...(pageSize ? { pageSize } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (done, total) => bar.update(done, total),
    estimateTotal: () => countEvents(parts, district),
  });
  await rebuild.lock();
  try {
    const resumed = await rebuild.prepare(options['restart'] === 'true');
    if (resumed) context.err(`rebuild ${district}: resuming in ${rebuild.schema}`);
    await rebuild.runToHead();
    return rebuild;
  } catch (error) {
    await rebuild.release();
    throw error;
  } finally {
    bar.finish();
  }
}

/** Rebuilds one district (or every district, one after the other) and switches each over when it has caught up. */
export async function rebuildCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  return withParts(options, context, async (parts) => {
    const districts = options['all'] === 'true' ? await allDistricts(parts) : [districtOption(options)];
    for (const district of districts) {
      try {
        const rebuild = await buildToHead(parts, district, options, context, 'rb');
        try {
          await rebuild.switchOver();
        } finally {
          await rebuild.release();
        }
        context.out(`reporting read model of ${district}: rebuilt from the event stores and switched over`);
      } catch (error) {
        if (error instanceof RebuildInterrupted) throw new CliError(error.message, ExitCode.interrupted);
        if (error instanceof RebuildAlreadyRunning) throw new CliError(error.message, ExitCode.failure);
        throw error;
      }
    }
    return ExitCode.ok;
  });
}

/** Rebuilds a district beside the live tables and compares them row by row; switches nothing. */
export async function compareCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  return withParts(options, context, async (parts) => {
    const district = districtOption(options);
    let rebuild: ReportingRebuild;
    try {
      rebuild = await buildToHead(parts, district, { ...options, restart: 'true' }, context, 'cmp');
    } catch (error) {
      if (error instanceof RebuildInterrupted) throw new CliError(error.message, ExitCode.interrupted);
      throw error;
    }
    try {
      const results = await rebuild.compare();
      for (const r of results) {
        context.out(`${r.table}: ${r.liveRows} live, ${r.rebuiltRows} rebuilt${r.firstDifference ? `, DIFFERENT from key ${r.firstDifference}` : ', identical'}`);
      }
      const differing = results.filter((r) => r.firstDifference).length;
      context.out(differing ? `district ${district}: ${differing} table(s) differ (a live projection still catching up differs too)` : `district ${district}: the rebuild equals the live projection`);
      return differing ? ExitCode.rebuildDiffers : ExitCode.ok;
    } finally {
      if (options['keep'] !== 'true') await rebuild.drop();
      await rebuild.release();
    }
  });
}
