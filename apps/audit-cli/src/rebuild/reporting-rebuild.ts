import { Pool, PoolClient } from 'pg';
import { Checkpoint, EventStore, START } from '@lien/shared-event-store';
import { DISTRICT_SETTING } from '@lien/shared-read-model';
import { assertIdentifier, keyColumnsOf, REBUILT_TABLES, RowBatch } from './fact-tables';
import { ContractSource, contractOf, REPORTING_SOURCES } from './reporting-sources';

export class RebuildInterrupted extends Error {
  constructor(readonly schema: string) {
    super(`rebuild interrupted; the live tables are untouched and ${schema} holds the progress (run again to resume, or --restart)`);
  }
}

export interface RebuildOptions {
  readonly pool: Pool;
  /** The live reporting read model's schema (the services' `lien_reporting_read`). */
  readonly liveSchema: string;
  readonly district: string;
  /** The raw (sealed) store of each service: the translators read non-personal fields only. */
  readonly stores: ReadonlyMap<string, EventStore>;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** Events read so far, of an estimated total when one is known. */
  readonly onProgress?: (eventsRead: number, estimatedTotal: number | undefined) => void;
  readonly estimateTotal?: () => Promise<number | undefined>;
  /** `rb` for a rebuild that will switch over, `cmp` for a comparison's scratch copy: the two never share a schema. */
  readonly purpose?: 'rb' | 'cmp';
}

export class RebuildAlreadyRunning extends Error {
  constructor(readonly schema: string) {
    super(`another rebuild is working in ${schema}; wait for it, or stop it first`);
  }
}

export interface TableComparison {
  readonly table: string;
  readonly liveRows: number;
  readonly rebuiltRows: number;
  /** The first differing row key, in key order, when the tables differ. */
  readonly firstDifference?: string;
}

/**
 * Rebuilds one district's reporting facts from the three event stores into a fresh schema of its own
 * (`<live>_rb_<district>`), resumable from the checkpoints it keeps there, then switches the district's
 * live rows over in one transaction (ADR 0012). Until that commit the live rows are the old ones;
 * other districts' rows are never locked.
 */
export class ReportingRebuild {
  readonly schema: string;
  private readonly live: string;
  private held?: PoolClient;

  constructor(private readonly options: RebuildOptions) {
    this.live = assertIdentifier(options.liveSchema);
    this.schema = assertIdentifier(`${options.liveSchema}_${options.purpose ?? 'rb'}_${options.district.replace(/-/g, '_')}`);
  }

  /** Holds a session lock on the rebuild schema's name until `release()`: one run per district at a time. */
  async lock(): Promise<void> {
    const client = await this.options.pool.connect();
    const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`lien-rebuild-run:${this.schema}`]);
    if (!rows[0]?.locked) {
      client.release();
      throw new RebuildAlreadyRunning(this.schema);
    }
    this.held = client;
  }

  async release(): Promise<void> {
    const client = this.held;
    this.held = undefined;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`lien-rebuild-run:${this.schema}`]).catch(() => undefined);
    client.release();
  }

  /** Creates the fresh table set, or finds the one an interrupted run left; returns whether it resumes. */
  async prepare(restart = false): Promise<boolean> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lien-rebuild:${this.schema}`]);
      if (restart) await client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
      const existing = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'rebuild_checkpoints'`, [this.schema]);
      if (existing.rowCount) return true;
      await client.query(`CREATE SCHEMA ${this.schema}`);
      // Same columns, keys and defaults as the live tables; no grant: the services never see this schema.
      for (const table of REBUILT_TABLES) await client.query(`CREATE TABLE ${this.schema}.${table} (LIKE ${this.live}.${table} INCLUDING ALL)`);
      await client.query(`CREATE TABLE ${this.schema}.rebuild_checkpoints (service text PRIMARY KEY, checkpoint text NOT NULL, events bigint NOT NULL)`);
      return false;
    });
  }

  /** Reads every store from its checkpoint to the head; each page is written with its checkpoint, so a stop loses nothing. */
  async runToHead(): Promise<number> {
    const { options } = this;
    const estimated = await options.estimateTotal?.();
    let read = await this.eventsAlreadyRead();
    for (const source of this.sources()) {
      let after = await this.checkpointOf(source.service);
      for (;;) {
        if (options.signal?.aborted) throw new RebuildInterrupted(this.schema);
        const page = await this.storeOf(source).readAll({ after, maxCount: options.pageSize ?? 5000, filter: { districts: [options.district], categories: source.categories } });
        const batch = new RowBatch();
        for (const event of page.events) {
          const contract = contractOf(source, event);
          if (contract) batch.add(contract);
        }
        await this.inTransaction(async (client) => {
          await batch.writeTo(client, this.schema);
          await client.query(
            `INSERT INTO ${this.schema}.rebuild_checkpoints VALUES ($1, $2, $3) ON CONFLICT (service) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, events = rebuild_checkpoints.events + $3`,
            [source.service, page.checkpoint, page.events.length],
          );
        });
        read += page.events.length;
        after = page.checkpoint;
        options.onProgress?.(read, estimated);
        if (page.isEnd || page.events.length === 0) break;
      }
    }
    return read;
  }

  /**
   * Replaces the district's live rows by the rebuilt ones in one transaction. The events appended
   * since the rebuild reached the head are read again inside that transaction, after the old rows
   * are locked, so a contract the live consumer applied meanwhile is never lost (the projection's
   * upserts are idempotent and order-free).
   */
  async switchOver(): Promise<void> {
    const { district } = this.options;
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`lien-rebuild:${this.schema}`]);
      await client.query(`SELECT set_config('${DISTRICT_SETTING}', $1, true)`, [district]);
      for (const table of REBUILT_TABLES) {
        const keys = keyColumnsOf(table);
        const columns = (await client.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [this.live, table])).rows.map((r) => String(r.column_name));
        const updates = columns.filter((c) => !keys.includes(c));
        await client.query(`DELETE FROM ${this.live}.${table} WHERE district = $1`, [district]);
        await client.query(
          `INSERT INTO ${this.live}.${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${this.schema}.${table} WHERE district = $1
           ON CONFLICT (${keys.join(', ')}) ${updates.length ? `DO UPDATE SET ${updates.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'DO NOTHING'}`,
          [district],
        );
      }
      for (const source of this.sources()) {
        let after = await this.checkpointOf(source.service, client);
        for (;;) {
          const page = await this.storeOf(source).readAll({ after, maxCount: this.options.pageSize ?? 5000, filter: { districts: [district], categories: source.categories } });
          const batch = new RowBatch();
          for (const event of page.events) {
            const contract = contractOf(source, event);
            if (contract) batch.add(contract);
          }
          await batch.writeTo(client, this.live);
          after = page.checkpoint;
          if (page.isEnd || page.events.length === 0) break;
        }
      }
    });
    await this.drop();
  }

  /** Row by row, in key order: the rebuilt tables against the district's live rows. */
  async compare(): Promise<TableComparison[]> {
    const results: TableComparison[] = [];
    for (const table of REBUILT_TABLES) {
      const order = keyColumnsOf(table).join(', ');
      const rows = async (schema: string) =>
        (await this.options.pool.query(`SELECT * FROM ${schema}.${table} WHERE district = $1 ORDER BY ${order}`, [this.options.district])).rows.map((r) => JSON.stringify(r));
      const live = await this.inTransaction(async (client) => {
        await client.query(`SELECT set_config('${DISTRICT_SETTING}', $1, true)`, [this.options.district]);
        return (await client.query(`SELECT * FROM ${this.live}.${table} WHERE district = $1 ORDER BY ${order}`, [this.options.district])).rows.map((r) => JSON.stringify(r));
      });
      const rebuilt = await rows(this.schema);
      const index = live.findIndex((row, i) => row !== rebuilt[i]);
      const differs = index >= 0 || live.length !== rebuilt.length;
      const at = index >= 0 ? index : Math.min(live.length, rebuilt.length);
      const keyOf = (row: string | undefined) => (row ? keyColumnsOf(table).map((k) => String((JSON.parse(row) as Record<string, unknown>)[k])).join('/') : '(none)');
      results.push({ table, liveRows: live.length, rebuiltRows: rebuilt.length, ...(differs ? { firstDifference: keyOf(live[at] ?? rebuilt[at]) } : {}) });
    }
    return results;
  }

  async drop(): Promise<void> {
    await this.options.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  private sources(): ContractSource[] {
    return REPORTING_SOURCES.filter((s) => this.options.stores.has(s.service));
  }

  private storeOf(source: ContractSource): EventStore {
    return this.options.stores.get(source.service) as EventStore;
  }

  private async checkpointOf(service: string, client?: PoolClient): Promise<Checkpoint> {
    const result = await (client ?? this.options.pool).query(`SELECT checkpoint FROM ${this.schema}.rebuild_checkpoints WHERE service = $1`, [service]);
    return (result.rows[0]?.checkpoint as Checkpoint | undefined) ?? START;
  }

  private async eventsAlreadyRead(): Promise<number> {
    const result = await this.options.pool.query(`SELECT coalesce(sum(events), 0)::int AS n FROM ${this.schema}.rebuild_checkpoints`);
    return Number(result.rows[0]?.n ?? 0);
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
