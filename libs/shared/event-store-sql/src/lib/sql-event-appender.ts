import { randomUUID } from 'node:crypto';
import {
  AppendOptions,
  AppendResult,
  computeEventHash,
  ExpectedRevision,
  InvalidEvent,
  NewEvent,
  StreamNotInDistrict,
  StreamRevisionConflict,
  validateNewEvents,
  ValidatedNewEvent,
} from '@lien/shared-event-store';
import { DistrictPartitions } from './district-partitions';
import { EventStoreSchema } from './event-store-schema';
import { checkpointOf } from './log-position';
import { SqlDatabase, sqlErrorFields, SqlQueryable } from './sql-executor';
import { NEW_STREAM_HEAD, StreamHead, StreamHeadCache } from './stream-head-cache';

interface AppendRow {
  readonly outcome: 'appended' | 'conflict' | 'not-in-district' | 'stale-basis';
  readonly stream_revision: string | null;
  readonly stream_hash: string | null;
  readonly last_position: string | null;
  readonly transaction_id: string | null;
}

/** Optimistic tries (hash against the cached head) before hashing under the stream lock instead. */
const OPTIMISTIC_ATTEMPTS = 3;

/** Turns a port append into one call of `append_events`: validation and hashing here, the rules in SQL. */
export class SqlEventAppender {
  private readonly heads = new StreamHeadCache();
  private readonly partitions: DistrictPartitions;

  constructor(
    private readonly db: SqlDatabase,
    private readonly schema: EventStoreSchema,
  ) {
    this.partitions = new DistrictPartitions(db, schema);
  }

  /** A stream head seen by a reader: the next append to that stream hashes right the first time. */
  rememberHead(streamName: string, head: StreamHead): void {
    this.heads.remember(streamName, head);
  }

  /** `db` may be a connection inside a caller's transaction (tests hold one open to commit late). */
  async append(streamName: string, newEvents: readonly NewEvent[], options: AppendOptions, db: SqlDatabase = this.db): Promise<AppendResult> {
    const validated = validateNewEvents(streamName, newEvents);
    const district = present(validated[0], 'a validated event').metadata.district;
    // A batch naming two districts cannot belong to one stream, whichever district owns it.
    if (validated.some((event) => event.metadata.district !== district)) throw new StreamNotInDistrict(streamName);
    await this.partitions.ensure(district);
    const batch = { streamName, district, events: withIds(validated), recordedAt: new Date().toISOString(), expected: options.expectedRevision };
    try {
      return await this.appendBatch(db, batch);
    } catch (error) {
      const { code, constraint, message } = sqlErrorFields(error);
      if (code === '23505' && constraint?.includes('event_id')) throw new InvalidEvent('an event with the same id is already stored');
      if (code === '23514' && message?.includes('no partition')) {
        // The district's partition was dropped since this process created it: create it again, once.
        this.partitions.forget(district);
        await this.partitions.ensure(district);
        return this.appendBatch(db, batch);
      }
      throw error;
    }
  }

  private async appendBatch(db: SqlDatabase, batch: Batch): Promise<AppendResult> {
    let head = this.heads.get(batch.streamName);
    for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
      const row = await this.callAppend(db, batch, head);
      if (row.outcome !== 'stale-basis') return this.resultOf(batch, row);
      head = headOf(row);
    }
    // A hot stream kept moving: hold its lock while reading the head, so this try cannot miss.
    return db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.schema.name}/stream/${batch.streamName}`]);
      const [stored] = await tx.query<{ revision: string; last_hash: string }>(
        `SELECT revision::text AS revision, last_hash FROM ${this.schema.sql}.streams WHERE stream_name = $1`,
        [batch.streamName],
      );
      const locked = stored ? { revision: BigInt(stored.revision), hash: stored.last_hash } : NEW_STREAM_HEAD;
      return this.resultOf(batch, await this.callAppend(tx, batch, locked));
    });
  }

  private async callAppend(db: SqlQueryable, batch: Batch, head: StreamHead): Promise<AppendRow> {
    let previousHash = head.hash;
    const events = batch.events.map((event, index) => {
      const form = { ...event, streamName: batch.streamName, revision: head.revision + 1n + BigInt(index), recordedAt: batch.recordedAt };
      previousHash = computeEventHash(previousHash, form);
      return { id: event.id, type: event.type, data: event.data, metadata: event.metadata, hash: previousHash };
    });
    const [row] = await db.query<AppendRow>(
      `SELECT outcome, stream_revision::text AS stream_revision, stream_hash, last_position::text AS last_position, transaction_id
         FROM ${this.schema.sql}.append_events($1, $2, $3, $4, $5, $6, $7::text::jsonb)`,
      [batch.streamName, batch.district, expectedText(batch.expected), head.revision.toString(), head.hash, batch.recordedAt, JSON.stringify(events)],
    );
    return present(row, 'the append_events row');
  }

  private resultOf(batch: Batch, row: AppendRow): AppendResult {
    switch (row.outcome) {
      case 'appended': {
        const head = headOf(row);
        this.heads.remember(batch.streamName, head);
        const position = { transactionId: present(row.transaction_id, 'transaction_id'), globalPosition: present(row.last_position, 'last_position') };
        return { nextExpectedRevision: head.revision, position: checkpointOf(position) };
      }
      case 'conflict': {
        const actual = BigInt(present(row.stream_revision, 'stream_revision'));
        throw new StreamRevisionConflict(batch.streamName, batch.expected, actual < 0n ? 'none' : actual);
      }
      case 'not-in-district':
        throw new StreamNotInDistrict(batch.streamName);
      default:
        throw new Error(`append_events answered ${row.outcome} under the stream lock`);
    }
  }
}

interface Batch {
  readonly streamName: string;
  readonly district: string;
  readonly events: readonly (ValidatedNewEvent & { readonly id: string })[];
  readonly recordedAt: string;
  readonly expected: ExpectedRevision;
}

function withIds(events: readonly ValidatedNewEvent[]): Batch['events'] {
  // Ids are fixed before hashing: the hash covers them, and retries must store the same ones.
  return events.map((event) => ({ ...event, id: event.id ?? randomUUID() }));
}

function headOf(row: AppendRow): StreamHead {
  return { revision: BigInt(present(row.stream_revision, 'stream_revision')), hash: present(row.stream_hash, 'stream_hash') };
}

/** The SQL leaves a column null only for outcomes that do not use it; a null here is a bug, not a state. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`append_events left ${what} empty`);
  return value;
}

function expectedText(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}
