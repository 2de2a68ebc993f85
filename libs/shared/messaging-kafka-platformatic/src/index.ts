export * from './lib/kafka-options';
export * from './lib/kafka-producer.adapter';
export * from './lib/kafka-consumer.adapter';
export * from './lib/kafka-admin.adapter';
export * from './lib/kafka-transport';
