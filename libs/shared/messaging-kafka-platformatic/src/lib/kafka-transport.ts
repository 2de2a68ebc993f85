import { MessageTransport } from '@lien/shared-messaging';
import { KafkaTopicAdmin } from './kafka-admin.adapter';
import { KafkaConsumerOptions, KafkaMessageConsumer } from './kafka-consumer.adapter';
import { KafkaMessageProducer } from './kafka-producer.adapter';

/** The Kafka transport of one process: one producer, one consumer factory, one admin. */
export function createKafkaTransport(options: KafkaConsumerOptions): MessageTransport {
  const producer = new KafkaMessageProducer(options);
  const consumer = new KafkaMessageConsumer(options);
  const admin = new KafkaTopicAdmin(options);
  return {
    producer,
    consumer,
    admin,
    async close() {
      await consumer.close();
      await producer.close();
      await admin.close();
    },
  };
}
