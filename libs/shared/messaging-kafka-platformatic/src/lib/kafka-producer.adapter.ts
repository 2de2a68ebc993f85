import { MessageProducer, OutgoingMessage } from '@lien/shared-messaging';
import { ProduceAcks, Producer, stringSerializer } from '@platformatic/kafka';
import { baseOptions, KafkaConnectionOptions } from './kafka-options';

type StringKeyProducer = Producer<string, Buffer, string, string>;

/**
 * Idempotent producer (KIP-98): the broker drops a retried batch it already has, so the client's own
 * retries never duplicate a record, and acks=all means every in-sync replica has it before `send` resolves.
 */
export class KafkaMessageProducer extends MessageProducer {
  private readonly producer: StringKeyProducer;

  constructor(options: KafkaConnectionOptions) {
    super();
    this.producer = new Producer({
      ...baseOptions(options),
      idempotent: true,
      acks: ProduceAcks.ALL,
      // Topics are created on purpose (TopicAdmin), never as a side effect of a typo in a name.
      autocreateTopics: false,
      serializers: { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer },
    });
  }

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      messages: messages.map((m) => ({ topic: m.topic, key: m.key, value: m.value ?? undefined, headers: { ...m.headers } })),
    });
  }

  async close(): Promise<void> {
    await this.producer.close();
  }
}
