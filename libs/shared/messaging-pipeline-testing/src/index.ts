export * from './lib/kafka-tools';
export * from './lib/pipeline-fixture';
