import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '@lien/shared-event-store-testing';
import { optionalKurrentDbUrl } from '@lien/shared-testing';
import { KurrentDbEventStore, MalformedKurrentDbUrl, parseKurrentDbUrl, StoredStreamRead } from './index';
import { KurrentStoredEvent } from './lib/kurrentdb-event-mapping';
import { fromKurrentStreamName } from './lib/kurrentdb-stream-name';

/** `tools/ci/test-all.mjs` prints this file's lines under "not run:" in its summary. */
const NOT_RUN_REPORT = join(__dirname, '../../../..', 'reports/not-run.txt');

/**
 * KurrentDB events cannot be changed through its API; what an operator with disk access (or the
 * redaction tool) can do is change what a read returns. This store alters exactly that, so the contract
 * can prove that `verifyStream` notices.
 */
class TamperableKurrentDbEventStore extends KurrentDbEventStore {
  private readonly altered = new Set<string>();

  async tamper(streamName: string, revision: bigint): Promise<void> {
    this.altered.add(`${streamName}@${revision}`);
  }

  protected override async readStoredStream(kurrentStreamName: string, read: StoredStreamRead): Promise<KurrentStoredEvent[]> {
    const streamName = fromKurrentStreamName(kurrentStreamName)?.streamName;
    const events = await super.readStoredStream(kurrentStreamName, read);
    return events.map((event) =>
      this.altered.has(`${streamName}@${event.revision}`) ? { ...event, data: { ...(event.data as object), altered: true } } : event,
    );
  }
}

function reportNotRun(line: string): void {
  process.stderr.write(`NOT RUN: ${line}\n`);
  mkdirSync(join(NOT_RUN_REPORT, '..'), { recursive: true });
  const already = existsSync(NOT_RUN_REPORT) && readFileSync(NOT_RUN_REPORT, 'utf8').split('\n').includes(line);
  if (!already) appendFileSync(NOT_RUN_REPORT, `${line}\n`);
}

describe('connecting the KurrentDB event store', () => {
  it('given a KURRENTDB_URL that is not a KurrentDB connection string, when connecting, then it is refused at once, naming the reason and not the password', () => {
    let refusal: unknown;
    try {
      KurrentDbEventStore.connect('https://admin:s3cret@kurrent.lien.lu:2113');
    } catch (error) {
      refusal = error;
    }
    // Thrown synchronously by `connect`: no client was created, so nothing went over the network.
    expect(refusal).toBeInstanceOf(MalformedKurrentDbUrl);
    expect((refusal as Error).message).toMatch(/scheme must be one of kurrentdb, /);
    expect((refusal as Error).message).not.toContain('s3cret');
  });

  it('given a well-formed URL of a server that does not exist, when connecting and closing, then neither waits for the server', async () => {
    const store = KurrentDbEventStore.connect('kurrentdb://admin:changeit@127.0.0.1:1?tls=false');
    await expect(store.close()).resolves.toBeUndefined();
  });
});

const url = optionalKurrentDbUrl();
if (url) {
  describeEventStoreContract('KurrentDB', async () => {
    const store = new TamperableKurrentDbEventStore(KurrentDBClient.connectionString(parseKurrentDbUrl(url).connectionString));
    return { store, tamper: (streamName, revision) => store.tamper(streamName, revision), dispose: () => store.close() };
  });
} else {
  // Registers none of the suite's tests: a suite that cannot run must not show up as passed (or as skipped).
  reportNotRun('kurrentdb-contract-suite: KURRENTDB_URL not set');
}
