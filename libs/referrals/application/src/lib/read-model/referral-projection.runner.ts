import { EventStore, Subscription } from '@lien/shared-event-store';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { DataSource } from 'typeorm';
import { REFERRAL_CATEGORY } from '../shared/referral-streams';
import { ReferralProjection } from './referral.projection';

/**
 * Keeps the read model following the event store. Each event is applied and its checkpoint saved in
 * one district-scoped transaction, so a crash can only replay events the guard then ignores.
 */
export class ReferralProjectionRunner {
  private subscription?: Subscription;
  private caughtUp = Promise.resolve();
  private readonly projection = new ReferralProjection();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly database: DistrictScopedDatabase,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const after = await this.projection.loadCheckpoint(this.dataSource.manager);
    let markCaughtUp: () => void = () => undefined;
    this.caughtUp = new Promise((resolve) => (markCaughtUp = resolve));
    this.subscription = this.store.subscribe({
      ...(after === undefined ? {} : { after }),
      filter: { categories: [REFERRAL_CATEGORY] },
      handler: (event, checkpoint) =>
        this.database.inDistrict(event.metadata.district, async (manager) => {
          await this.projection.apply(manager, event);
          await this.projection.saveCheckpoint(manager, checkpoint);
        }),
      onCheckpoint: (checkpoint) => this.projection.saveCheckpoint(this.dataSource.manager, checkpoint),
      onCaughtUp: () => markCaughtUp(),
    });
    this.subscription.done.catch((error: unknown) => this.onFailure(error));
  }

  /** Resolves once the projection first reached the end of the log. */
  whenCaughtUp(): Promise<void> {
    return this.caughtUp;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop().catch(() => undefined);
    this.subscription = undefined;
  }

  /** For the operator: empty the read model and replay the whole log into it. */
  async rebuild(): Promise<void> {
    await this.stop();
    const schema = (this.dataSource.options as { schema?: string }).schema ?? 'public';
    await this.dataSource.query(`TRUNCATE ${schema}.referrals, ${schema}.projection_checkpoints`);
    await this.start();
  }
}
