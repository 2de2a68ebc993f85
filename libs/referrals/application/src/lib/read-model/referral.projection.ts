import { Checkpoint, RecordedEvent } from '@lien/shared-event-store';
import { EntityManager } from 'typeorm';
import { referralEventCodec, referralUpcasters } from '../codec/referral-event.codec';
import { ProjectionCheckpointEntity, ReferralRowEntity } from './referral-row.entity';
import { referralRowAfter } from './referral-row.evolve';

export const REFERRAL_PROJECTION = 'referral-read-model';

/** Applies one referral event to the read model inside the caller's district-scoped transaction. */
export class ReferralProjection {
  async apply(manager: EntityManager, stored: RecordedEvent): Promise<void> {
    const event = referralEventCodec.decode(referralUpcasters.upcast(stored));
    // Every replica runs this projection: they take turns per referral, and the revision guard makes the later one a no-op.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`referral-row:${event.referralId}`]);
    const repository = manager.getRepository(ReferralRowEntity);
    const row = await repository.findOneBy({ id: event.referralId });
    const next = referralRowAfter(row ?? undefined, { event, district: stored.metadata.district, revision: stored.revision, occurredAt: stored.metadata.occurredAt });
    if (next) await repository.save(next);
  }

  async saveCheckpoint(manager: EntityManager, checkpoint: Checkpoint): Promise<void> {
    await manager.getRepository(ProjectionCheckpointEntity).upsert({ name: REFERRAL_PROJECTION, checkpoint }, ['name']);
  }

  async loadCheckpoint(manager: EntityManager): Promise<Checkpoint | undefined> {
    const row = await manager.getRepository(ProjectionCheckpointEntity).findOneBy({ name: REFERRAL_PROJECTION });
    return row ? (row.checkpoint as Checkpoint) : undefined;
  }
}
