import { EventStore, Subscription } from '@lien/shared-event-store';
import { followProjection } from '@lien/shared-observability';
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
  private readonly applied = new ProjectedRevisions();

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
    this.subscription = followProjection('referrals', this.store, {
      ...(after === undefined ? {} : { after }),
      filter: { categories: [REFERRAL_CATEGORY] },
      handler: async (event, checkpoint) => {
        await this.database.inDistrict(event.metadata.district, async (manager) => {
          await this.projection.apply(manager, event);
          await this.projection.saveCheckpoint(manager, checkpoint);
        });
        this.applied.record(event.streamName, event.revision);
      },
      onCheckpoint: (checkpoint) => this.projection.saveCheckpoint(this.dataSource.manager, checkpoint),
      onCaughtUp: () => markCaughtUp(),
    });
    this.subscription.done.catch((error: unknown) => this.onFailure(error));
  }

  /**
   * Resolves once this process projected the stream up to `revision`, or after `timeoutMs`: lets a
   * command answer only when a following read sees it (read-your-writes), without ever blocking long.
   */
  waitUntilProjected(streamName: string, revision: bigint, timeoutMs = 1000): Promise<boolean> {
    return this.applied.wait(streamName, revision, timeoutMs);
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

const REMEMBERED_STREAMS = 10_000;

/** The last revision projected per stream, for the streams touched lately, and who waits for which. */
class ProjectedRevisions {
  private readonly last = new Map<string, bigint>();
  private readonly waiters = new Map<string, Array<{ revision: bigint; resolve: (reached: boolean) => void }>>();

  record(streamName: string, revision: bigint): void {
    this.last.delete(streamName);
    this.last.set(streamName, revision);
    // A Map iterates in insertion order: the first key is the stream touched longest ago.
    if (this.last.size > REMEMBERED_STREAMS) this.last.delete(this.last.keys().next().value as string);
    const waiting = this.waiters.get(streamName) ?? [];
    const still = waiting.filter((waiter) => (waiter.revision <= revision ? (waiter.resolve(true), false) : true));
    if (still.length > 0) this.waiters.set(streamName, still);
    else this.waiters.delete(streamName);
  }

  wait(streamName: string, revision: bigint, timeoutMs: number): Promise<boolean> {
    const last = this.last.get(streamName);
    if (last !== undefined && last >= revision) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { revision, resolve };
      this.waiters.set(streamName, [...(this.waiters.get(streamName) ?? []), waiter]);
      setTimeout(() => {
        const others = (this.waiters.get(streamName) ?? []).filter((w) => w !== waiter);
        if (others.length > 0) this.waiters.set(streamName, others);
        else this.waiters.delete(streamName);
        resolve(false);
      }, timeoutMs).unref();
    });
  }
}
