#!/usr/bin/env node
// For laptops with a Docker engine: `LIEN_INFRA=testcontainers npm test` runs PostgreSQL and Kafka in
// containers instead of the local server and the jar-based broker. Never required: CI has no engine.
// Prints DATABASE_URL=… and KAFKA_BROKERS=… then holds the containers until SIGTERM/SIGINT.
import { KafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer } from '@testcontainers/postgresql';

const POSTGRES_IMAGE = 'postgres:17.9-bookworm';
const KAFKA_IMAGE = 'confluentinc/cp-kafka:7.9.0';

try {
  const [postgres, kafka] = await Promise.all([
    new PostgreSqlContainer(POSTGRES_IMAGE).withDatabase('test').withUsername('postgres').withPassword('postgres').start(),
    new KafkaContainer(KAFKA_IMAGE).withKraft().start(),
  ]);
  console.log(`DATABASE_URL=${postgres.getConnectionUri()}`);
  console.log(`KAFKA_BROKERS=${kafka.getHost()}:${kafka.getMappedPort(9093)}`);
  const stop = async () => {
    await Promise.allSettled([postgres.stop(), kafka.stop()]);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 60_000);
} catch (error) {
  console.error(`testcontainers: ${error instanceof Error ? error.message : error} (LIEN_INFRA=testcontainers needs a running Docker engine; without it, npm test uses the local PostgreSQL and the jar-based Kafka)`);
  process.exit(1);
}
