import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../../..');
const kafkaScript = join(workspaceRoot, 'tools/infra/kafka.sh');

/** One record as the official console consumer printed it. */
export interface ConsoleRecord {
  readonly headers: Record<string, string>;
  readonly key: string;
  readonly value: string;
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('bash', [kafkaScript, ...args], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`kafka.sh ${args[0]} failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolvePromise(stdout);
    });
  });
}

/**
 * Reads a topic with Kafka's own `ConsoleConsumer` from the broker's jars, so what we check is what
 * any Kafka tool sees, not what our client believes it wrote. Header values hold no `,` (ours never do).
 */
export async function readWithConsoleConsumer(brokers: string, topic: string, maxMessages: number, timeoutMs = 60_000): Promise<ConsoleRecord[]> {
  const out = await run(
    [
      'run-class', 'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server', brokers, '--topic', topic, '--from-beginning', '--max-messages', String(maxMessages), '--timeout-ms', String(timeoutMs - 10_000),
      '--formatter-property', 'print.headers=true', '--formatter-property', 'print.key=true',
    ],
    process.env,
    timeoutMs,
  );
  return out
    .split('\n')
    // Only record lines: the tool also prints notices (deprecations, KIP-848 hints) on stdout.
    .filter((line) => line.split('\t').length >= 3)
    .map((line) => {
      const [headerText, key, ...value] = line.split('\t');
      const headers = headerText === 'NO_HEADERS' ? {} : Object.fromEntries(headerText.split(',').map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]));
      return { headers, key, value: value.join('\t') };
    });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A broker of the test's own (own ports, own data dir), for tests that stop and restart it: the
 * shared broker of the test run is never touched.
 */
export class OwnKafkaBroker {
  private constructor(
    readonly brokers: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<OwnKafkaBroker> {
    const [port, controllerPort] = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'lien-kafka-'));
    // Without KAFKA_BROKERS, kafka.sh manages a broker instead of pointing at the shared one.
    const env: NodeJS.ProcessEnv = { ...process.env, KAFKA_BROKERS: '', KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_DATA_DIR: join(dataDir, 'kafka') };
    delete env['KAFKA_BROKERS'];
    const broker = new OwnKafkaBroker(`127.0.0.1:${port}`, env, dataDir);
    await broker.restart();
    return broker;
  }

  async stop(): Promise<void> {
    await run(['stop'], this.env, 60_000);
  }

  async restart(): Promise<void> {
    await run(['start'], this.env, 120_000);
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
