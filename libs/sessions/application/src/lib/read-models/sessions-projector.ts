import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint, EventStore, RecordedEvent, Subscription } from '@lien/shared-event-store';
import { followProjection } from '@lien/shared-observability';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { sessionPlanCodec } from '../plan-store/session-plan.codec';
import { projectCalendar } from './calendar.projection';
import { projectCaseTimeline, projectParticipants } from './case-timeline.projection';
import { SessionsReadModelTables } from './sessions-read-model.schema';

const PROJECTION = 'sessions-read-models';

/** Applies one stored plan event to every read model, inside the district's RLS-bound transaction. */
export async function applyToReadModels(recorded: RecordedEvent, manager: EntityManager, tables: SessionsReadModelTables): Promise<void> {
  const event = sessionPlanCodec.decode(recorded);
  await projectCalendar(event, recorded, manager, tables);
  await projectCaseTimeline(event, recorded, manager, tables);
  await projectParticipants(event, recorded, manager, tables);
}

/**
 * Follows the plan streams and keeps the read models up to date. The checkpoint is saved in the same
 * transaction as the rows, and every projection is idempotent, so a crash between the two is harmless.
 */
export class SessionsProjector {
  private subscription?: Subscription;
  private caughtUp = false;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly db: DistrictScopedDatabase,
    private readonly tables: SessionsReadModelTables,
  ) {}

  async start(): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT checkpoint FROM ${this.tables.checkpoints} WHERE projection = $1`, [PROJECTION])) as { checkpoint: string }[];
    this.subscription = followProjection('sessions', this.store, {
      ...(row ? { after: row.checkpoint as Checkpoint } : {}),
      filter: { categories: ['sessionplan'] },
      handler: (event, checkpoint) =>
        this.db.inDistrict(event.metadata.district, async (manager) => {
          await applyToReadModels(event, manager, this.tables);
          await this.saveCheckpoint(manager, checkpoint);
        }),
      onCheckpoint: (checkpoint) => this.saveCheckpoint(this.dataSource.manager, checkpoint),
      onCaughtUp: () => (this.caughtUp = true),
    });
    // A failed projection stops here instead of skipping an event; readiness reports it.
    this.subscription.done.catch(() => undefined);
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private async saveCheckpoint(manager: EntityManager, checkpoint: Checkpoint): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.tables.checkpoints} (projection, checkpoint) VALUES ($1, $2) ON CONFLICT (projection) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = now()`,
      [PROJECTION, checkpoint],
    );
  }
}
