/** The default schema of the event store tables. */
export const DEFAULT_EVENT_STORE_SCHEMA = 'lien_events';

// Short enough that derived names (the NOTIFY channel) stay under PostgreSQL's 63-byte identifier limit.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** Where the event store lives in the database, with the names derived from it. */
export class EventStoreSchema {
  /** The schema as a quoted identifier, ready to interpolate into SQL. */
  readonly sql: string;
  /** LISTEN/NOTIFY channel on which appends are announced. */
  readonly channel: string;

  constructor(readonly name: string = DEFAULT_EVENT_STORE_SCHEMA) {
    // Identifiers cannot be bound as parameters; the pattern is what makes interpolating them safe.
    if (!SCHEMA_NAME.test(name)) throw new RangeError(`Event store schema must match ${SCHEMA_NAME}`);
    this.sql = `"${name}"`;
    this.channel = `${name}_appended`;
  }
}
