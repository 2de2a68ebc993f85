import { computeEventHash, GENESIS_HASH, HashedForm } from '@lien/shared-event-store';
import { checkInline, HashJob, ParallelHashChecker } from './parallel-hashing';

const metadata = { district: 'luxembourg', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'coordinator' }, occurredAt: '2026-05-01T09:00:00.000Z' };
const forms: HashedForm[] = [
  { id: 'e1', type: 't.A.v1', streamName: 'case-1', revision: 0n, data: { b: 1, a: [{ z: 'é', y: null }, 'ﬁ\u2028'], nested: { deep: { k: true } } }, metadata, recordedAt: '2026-05-01T09:00:00.000Z' },
  { id: 'e2', type: 't.B.v1', streamName: 'case-1', revision: 1n, data: { $sealed: { subject: 's', ciphertext: 'QUJD' }, n: -0.5 }, metadata: { ...metadata, traceparent: '00-ab-cd-01' }, recordedAt: '2026-05-01T09:00:01.000Z' },
  { id: 'e3', type: 't.C.v1', streamName: 'case-1', revision: 12345678901234n, data: { skipped: undefined as unknown as null, emoji: '👧' }, metadata, recordedAt: '2026-05-01T09:00:02.000Z' },
];

function chain(): HashJob[] {
  let previous = GENESIS_HASH;
  return forms.map((form) => {
    const storedHash = computeEventHash(previous, form);
    const job = { previousHash: previous, form, storedHash };
    previous = storedHash;
    return job;
  });
}

describe('hash checks in worker threads', () => {
  const checker = new ParallelHashChecker(2);
  afterAll(() => checker.close());

  it('given a chain hashed by the event store, when checked in a worker, then every hash agrees (the worker’s JavaScript copy has not drifted)', async () => {
    expect(await checker.check(chain())).toEqual([]);
    expect(checkInline(chain())).toEqual([]);
  });

  it('given one altered event, when checked in a worker, then exactly its index comes back, as inline', async () => {
    const jobs = chain();
    const altered = jobs.map((j, i) => (i === 1 ? { ...j, form: { ...j.form, data: { ...j.form.data, n: 7 } } } : j));
    expect(await checker.check(altered)).toEqual([1]);
    expect(checkInline(altered)).toEqual([1]);
  });
});
