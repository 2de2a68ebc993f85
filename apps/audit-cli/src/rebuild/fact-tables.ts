import { EntitySchema, ObjectLiteral } from 'typeorm';
import { PoolClient } from 'pg';
import { IntegrationEvent } from '@lien/shared-messaging';
import { FACT_TABLES, projectedRow, REPORTING_FACT_ENTITIES } from '@lien/reporting-application';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 63) throw new Error(`unsafe SQL identifier: ${name}`);
  return name;
}

interface TableShape {
  readonly table: string;
  /** Property name → column name, as the entity maps them. */
  readonly columns: ReadonlyMap<string, string>;
  readonly keyColumns: readonly string[];
}

function shapeOf(entity: EntitySchema<ObjectLiteral>): TableShape {
  const columns = new Map<string, string>();
  const keyColumns: string[] = [];
  for (const [property, definition] of Object.entries(entity.options.columns)) {
    const column = (definition as { name?: string }).name ?? property;
    columns.set(property, column);
    if ((definition as { primary?: boolean }).primary) keyColumns.push(column);
  }
  return { table: entity.options.tableName as string, columns, keyColumns };
}

/** The reporting fact tables as the entities describe them, so the rebuild writes exactly what the projector would. */
const SHAPES = new Map<EntitySchema<ObjectLiteral>, TableShape>(REPORTING_FACT_ENTITIES.map((e) => [e as EntitySchema<ObjectLiteral>, shapeOf(e as EntitySchema<ObjectLiteral>)]));

export const REBUILT_TABLES: readonly string[] = FACT_TABLES;

export function keyColumnsOf(table: string): readonly string[] {
  for (const shape of SHAPES.values()) if (shape.table === table) return shape.keyColumns;
  throw new Error(`not a reporting fact table: ${table}`);
}

interface PendingRow {
  readonly shape: TableShape;
  readonly row: ObjectLiteral;
}

/**
 * A batch of partial rows, merged per row key in arrival order: applying the batch is the same as
 * upserting each event's row in turn (a later contract overwrites the columns it knows), in a few
 * multi-row statements instead of one round trip per event.
 */
export class RowBatch {
  private readonly rows = new Map<string, PendingRow>();
  private applied = 0;

  /** Returns whether the event changes a fact row (other contract types are read and ignored). */
  add(event: IntegrationEvent): boolean {
    const projected = projectedRow(event);
    if (!projected) return false;
    const shape = SHAPES.get(projected.entity);
    if (!shape) throw new Error(`no table shape for ${projected.entity.options.name}`);
    const key = `${shape.table}\u0000${projected.keys.map((k) => String(projected.row[k])).join('\u0000')}`;
    const pending = this.rows.get(key);
    if (pending) Object.assign(pending.row, projected.row);
    else this.rows.set(key, { shape, row: { ...projected.row } });
    this.applied += 1;
    return true;
  }

  get size(): number {
    return this.applied;
  }

  /** Upserts the merged rows into `schema`, grouped by table and column set. */
  async writeTo(client: PoolClient, schema: string): Promise<void> {
    const groups = new Map<string, PendingRow[]>();
    for (const pending of this.rows.values()) {
      const signature = `${pending.shape.table}\u0000${Object.keys(pending.row).sort().join(',')}`;
      const group = groups.get(signature) ?? [];
      group.push(pending);
      groups.set(signature, group);
    }
    for (const group of groups.values()) await upsertGroup(client, assertIdentifier(schema), group);
    this.rows.clear();
    this.applied = 0;
  }
}

const MAX_PARAMETERS = 30_000;

async function upsertGroup(client: PoolClient, schema: string, group: readonly PendingRow[]): Promise<void> {
  const { shape } = group[0] as PendingRow;
  const properties = Object.keys((group[0] as PendingRow).row).sort();
  const columns = properties.map((p) => shape.columns.get(p) ?? p);
  const updates = columns.filter((c) => !shape.keyColumns.includes(c));
  const onConflict = updates.length ? `DO UPDATE SET ${updates.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : 'DO NOTHING';
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / properties.length));
  for (let start = 0; start < group.length; start += perStatement) {
    const slice = group.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = slice.map(({ row }) => `(${properties.map((p) => `$${values.push(row[p] ?? null)}`).join(', ')})`);
    await client.query(`INSERT INTO ${schema}.${shape.table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (${shape.keyColumns.join(', ')}) ${onConflict}`, values);
  }
}
