import { Checkpoint } from '@lien/shared-event-store';
import { CheckpointStore, MessageTransport } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { createKafkaTransport } from '@lien/shared-messaging-kafka-platformatic';
import { PostgresCheckpointStore } from '@lien/shared-messaging-postgres';
import { Pool } from 'pg';
import { InfrastructureConfig } from './infrastructure-config';

/** The transport a service publishes and consumes contracts on, and whether its log outlives the process. */
export interface ServiceTransport {
  readonly transport: MessageTransport;
  /**
   * Kafka keeps its log; the in-process log starts empty at every start. A relay publishing to it must
   * then start from the beginning of its store, or a contract published but not yet consumed before a
   * crash would be lost downstream (the consumers' inboxes drop the replayed duplicates).
   */
  readonly durable: boolean;
}

/** Kafka when `KAFKA_BROKERS` is set, else the in-process transport (contracts flow only inside this process). */
export function openServiceTransport(config: InfrastructureConfig, clientId: string): ServiceTransport {
  if (config.mode === 'real' && config.kafkaBrokers) {
    const groupPrefix = config.kafkaGroupPrefix ? { groupPrefix: config.kafkaGroupPrefix } : {};
    return { transport: createKafkaTransport({ brokers: [...config.kafkaBrokers], clientId, ...groupPrefix }), durable: true };
  }
  return { transport: createEmbeddedTransport(), durable: false };
}

/**
 * A transport several services share in one process: each service "closes" it when it stops, so the
 * real close is left to its owner (the host), once every service has stopped.
 */
export function sharedTransport(shared: ServiceTransport): ServiceTransport {
  const { producer, consumer, admin } = shared.transport;
  return { durable: shared.durable, transport: { producer, consumer, admin, close: async () => undefined } };
}

/** Relay checkpoints kept for the process only: with a volatile log every start republishes from the start. */
export class VolatileCheckpointStore extends CheckpointStore {
  private readonly saved = new Map<string, Checkpoint>();

  async load(relayName: string): Promise<Checkpoint | undefined> {
    return this.saved.get(relayName);
  }

  async save(relayName: string, checkpoint: Checkpoint): Promise<void> {
    this.saved.set(relayName, checkpoint);
  }
}

/** Durable checkpoints in the service's schema for a durable log; volatile ones for the in-process log. */
export async function openRelayCheckpoints(pool: Pool, schema: string, transport: ServiceTransport): Promise<CheckpointStore> {
  if (!transport.durable) return new VolatileCheckpointStore();
  const checkpoints = new PostgresCheckpointStore(pool, { schema });
  await checkpoints.migrate();
  return checkpoints;
}
