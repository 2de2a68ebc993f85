import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint, EventStore, Subscription } from '@lien/shared-event-store';
import { followProjection } from '@lien/shared-observability';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { caseFileCodec } from '../case-file-store/case-file.codec';
import { projectReportDeadlines, REPORT_DEADLINE_EVENT_TYPES } from './report-deadlines.projection';
import { AssessmentsReadModelTables } from './report-deadlines.schema';

const PROJECTION = 'assessments-report-deadlines';

/**
 * Follows the assessment files (as stored: the events it reads carry no personal data) and keeps the
 * deadlines read model. The checkpoint is saved in the same transaction as the rows; a failure stops
 * the projector at that event rather than skip it.
 */
export class ReportDeadlinesProjector {
  private subscription?: Subscription;
  private caughtUp = false;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly db: DistrictScopedDatabase,
    private readonly tables: AssessmentsReadModelTables,
  ) {}

  async start(): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT checkpoint FROM ${this.tables.checkpoints} WHERE projection = $1`, [PROJECTION])) as { checkpoint: string }[];
    this.subscription = followProjection('assessments.report-deadlines', this.store, {
      ...(row ? { after: row.checkpoint as Checkpoint } : {}),
      filter: { categories: ['assessmentfile'], eventTypes: REPORT_DEADLINE_EVENT_TYPES },
      handler: (recorded, checkpoint) =>
        this.db.inDistrict(recorded.metadata.district, async (manager) => {
          await projectReportDeadlines(caseFileCodec.decode(recorded), recorded.metadata.district, manager, this.tables);
          await this.saveCheckpoint(manager, checkpoint);
        }),
      onCheckpoint: (checkpoint) => this.saveCheckpoint(this.dataSource.manager, checkpoint),
      onCaughtUp: () => (this.caughtUp = true),
    });
    this.subscription.done.catch(() => undefined);
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  /** Where the projector has got to: tests wait for it to pass a given event. */
  checkpoint(): Checkpoint | undefined {
    return this.subscription?.checkpoint();
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
