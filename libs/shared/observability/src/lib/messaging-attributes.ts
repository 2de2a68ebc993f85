import { Attributes } from '@opentelemetry/api';

/** Semantic-convention attributes of a Kafka record: topic, partition, offset and CloudEvents id only. */
export function kafkaAttributes(operation: 'send' | 'process', topic: string, messageId: string | undefined, place?: { partition: number; offset: string }): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
    'messaging.destination.name': topic,
    ...(messageId ? { 'messaging.message.id': messageId } : {}),
    ...(place ? { 'messaging.destination.partition.id': String(place.partition), 'messaging.kafka.offset': Number(place.offset) } : {}),
  };
}
