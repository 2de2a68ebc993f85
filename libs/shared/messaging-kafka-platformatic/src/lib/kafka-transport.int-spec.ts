import { describeMessageTransportContract } from '@lien/shared-messaging-testing';
import { requiredEnv } from '@lien/shared-testing';
import { parseBrokers } from './kafka-options';
import { createKafkaTransport } from './kafka-transport';

describeMessageTransportContract('Kafka (@platformatic/kafka)', async () => {
  const transport = createKafkaTransport({ brokers: parseBrokers(requiredEnv('KAFKA_BROKERS')), clientId: 'contract-test' });
  return { transport, close: () => transport.close() };
});
