import { EventStoreSchema } from './event-store-schema';
import { SqlQueryable } from './sql-executor';

/** Makes sure a district's event partition exists before its first append; asks the database once per district. */
export class DistrictPartitions {
  private readonly known = new Map<string, Promise<void>>();

  constructor(
    private readonly db: SqlQueryable,
    private readonly schema: EventStoreSchema,
  ) {}

  ensure(district: string): Promise<void> {
    let ensured = this.known.get(district);
    if (!ensured) {
      // Shared by concurrent first appends of this process; forgotten on failure so the next one retries.
      ensured = this.db.query(`SELECT ${this.schema.sql}.ensure_district_partition($1)`, [district]).then(() => undefined);
      ensured.catch(() => this.known.delete(district));
      this.known.set(district, ensured);
    }
    return ensured;
  }

  /** After an insert found no partition (someone dropped it): the next `ensure` asks the database again. */
  forget(district: string): void {
    this.known.delete(district);
  }
}
