import {
  deadLetterTopic,
  fromKafkaMessage,
  IncomingMessage,
  Inbox,
  InboxOutcome,
  InvalidCloudEvent,
  MessageConsumer,
  MessageProducer,
  ReceivedEvent,
  toDeadLetter,
  TopicAdmin,
  TopicSubscription,
} from '@lien/shared-messaging';
import { outsideAnyTrace, processMetrics } from '@lien/shared-observability';
import { ConsumerLagTracker, inConsumerSpan, inReadModelWriteSpan, observeProjectionLag } from './consumer-telemetry';

/** What one consumer group does with the integration events it receives. */
export interface IntegrationEventHandler<Tx> {
  /** One group per purpose, e.g. `reporting.case-counts`: each purpose keeps its own offsets and inbox. */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Applies the effect inside `tx`, the same transaction in which the inbox records the message. */
  handle(event: ReceivedEvent, tx: Tx): Promise<void>;
}

export interface RetryPolicy {
  /** Tries before a message goes to the dead-letter topic (default 5). */
  readonly attempts?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface IdempotentConsumerOptions<Tx> {
  readonly consumer: MessageConsumer;
  /** Sends dead letters. */
  readonly producer: MessageProducer;
  readonly inbox: Inbox<Tx>;
  readonly handler: IntegrationEventHandler<Tx>;
  /** When given, the dead-letter topics are created at start. */
  readonly admin?: TopicAdmin;
  readonly retry?: RetryPolicy;
  /** Errors that no retry can fix (default: an invalid CloudEvent); they go to the dead letters at once. */
  readonly isPermanent?: (error: unknown) => boolean;
  readonly now?: () => Date;
  /** For logs and metrics: which record, which outcome; never the payload. */
  readonly onOutcome?: (outcome: ConsumerOutcome) => void;
}

export interface ConsumerOutcome {
  readonly kind: InboxOutcome | 'retrying' | 'dead-lettered';
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly messageId?: string;
  readonly attempt?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts one consumer group: each record is parsed as a CloudEvent, handled once per `ce_id` through the
 * inbox, retried with backoff when it fails, and sent to `<topic>.dlq` when it still fails, after which
 * the partition moves on. A record is never dropped silently: if even the dead letter cannot be sent,
 * the subscription stops on that record without committing it.
 */
export async function startIdempotentConsumer<Tx>(options: IdempotentConsumerOptions<Tx>): Promise<TopicSubscription> {
  const { handler } = options;
  await options.admin?.createTopics(handler.topics.map((topic) => ({ name: deadLetterTopic(topic), partitions: 1 })));
  const lag = new ConsumerLagTracker(handler.groupId, handler.topics);
  if (options.admin) await lag.markStart(options.admin);
  const subscription = await outsideAnyTrace(() => options.consumer.subscribe({
    groupId: handler.groupId,
    topics: handler.topics,
    handler: async (message) => {
      await inConsumerSpan(handler.groupId, message, () => consumeOne(options, message));
      lag.handled(message);
    },
  }));
  const stopSampling = options.admin ? lag.sampleWith(options.admin) : () => undefined;
  void subscription.done.finally(stopSampling).catch(() => undefined);
  return {
    done: subscription.done,
    stop: async () => {
      stopSampling();
      await subscription.stop();
    },
  };
}

async function consumeOne<Tx>(options: IdempotentConsumerOptions<Tx>, message: IncomingMessage): Promise<void> {
  const { handler, retry = {} } = options;
  const metrics = processMetrics();
  const attempts = retry.attempts ?? 5;
  const isPermanent = options.isPermanent ?? ((error: unknown) => error instanceof InvalidCloudEvent);
  const where = { topic: message.topic, partition: message.partition, offset: message.offset };
  let delay = retry.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    let event: ReceivedEvent | undefined;
    try {
      event = fromKafkaMessage(message);
      const parsed = event;
      const outcome = await inReadModelWriteSpan(handler.groupId, () => options.inbox.handleOnce(handler.groupId, parsed.id, (tx) => handler.handle(parsed, tx)));
      metrics.consumed.inc({ group: handler.groupId, outcome });
      if (outcome === 'handled') observeProjectionLag(handler.groupId, parsed.time, options.now?.() ?? new Date());
      options.onOutcome?.({ kind: outcome, ...where, messageId: parsed.id, attempt });
      return;
    } catch (error) {
      const messageId = event?.id;
      if (isPermanent(error) || attempt >= attempts) {
        await sendDeadLetter(options, message, error, attempt);
        metrics.consumed.inc({ group: handler.groupId, outcome: 'dead-lettered' });
        metrics.deadLetters.inc({ group: handler.groupId, topic: message.topic });
        options.onOutcome?.({ kind: 'dead-lettered', ...where, ...(messageId ? { messageId } : {}), attempt });
        return;
      }
      options.onOutcome?.({ kind: 'retrying', ...where, ...(messageId ? { messageId } : {}), attempt });
      await sleep(delay);
      delay = Math.min(delay * 2, retry.maxDelayMs ?? 5_000);
    }
  }
}

async function sendDeadLetter<Tx>(options: IdempotentConsumerOptions<Tx>, message: IncomingMessage, error: unknown, attempts: number): Promise<void> {
  const letter = toDeadLetter(message, { groupId: options.handler.groupId, error, attempts, failedAt: (options.now?.() ?? new Date()).toISOString() });
  let delay = options.retry?.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      await options.producer.send([letter]);
      return;
    } catch (sendError) {
      // Giving up here rejects the handler: the subscription stops on this record, uncommitted.
      if (attempt >= 5) throw sendError;
      await sleep(delay);
      delay = Math.min(delay * 2, options.retry?.maxDelayMs ?? 5_000);
    }
  }
}
