import { createKafkaTransport, parseBrokers } from '@lien/shared-messaging-kafka-platformatic';
import { runDeadLettersCommand, USAGE } from './dead-letters.command';

async function main(): Promise<number> {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    console.error(`KAFKA_BROKERS is not set\n${USAGE}`);
    return 2;
  }
  const transport = createKafkaTransport({ brokers: parseBrokers(brokers), clientId: 'lien-dead-letters' });
  try {
    return await runDeadLettersCommand(process.argv.slice(2), transport, (line) => console.log(line));
  } finally {
    await transport.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  },
);
