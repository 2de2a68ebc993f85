import { computeEventHash, EventMetadata, GENESIS_HASH, RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';
import { decodeCheckpoint } from './kurrentdb-checkpoint';
import { fromKurrentStoredEvent, isReservedMetadataKey, KurrentStoredEvent, toKurrentEventData } from './kurrentdb-event-mapping';

const metadata: EventMetadata = {
  district: 'luxembourg',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: 'c0ffee00-0000-4000-8000-000000000002',
  actor: { userId: 'u-1', role: 'case-worker' },
  occurredAt: '2025-03-14T09:30:00.000Z',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
};

function aRecordedForm(): Omit<RecordedEvent, 'position'> {
  const form = { id: '3f2c09a1-0000-4000-8000-000000000000', type: 'referrals.ReferralRegistered.v1', streamName: 'referral-1', revision: 4n, data: { text: 'Ünïcødé', list: [1, 2.5, null] }, metadata, recordedAt: '2025-03-14T09:30:01.123Z' };
  return { ...form, hash: computeEventHash(GENESIS_HASH, form) };
}

/** The written event as the client hands it back: JSON round-tripped, with a stream, revision and position. */
function asStoredByKurrent(form: Omit<RecordedEvent, 'position'>, overrides: Partial<KurrentStoredEvent> = {}): KurrentStoredEvent {
  const written = toKurrentEventData(form);
  return {
    streamId: `${form.metadata.district}/${form.streamName}`,
    id: written.id,
    revision: form.revision,
    type: written.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    position: { commit: 900n, prepare: 900n },
    ...overrides,
  };
}

describe('our event ↔ KurrentDB event', () => {
  it('given a recorded event, when written, then id, type and data are KurrentDB\'s own fields and the metadata carries ours plus recordedAt, hash and KurrentDB\'s correlation keys', () => {
    const form = aRecordedForm();
    expect(toKurrentEventData(form)).toEqual({
      id: form.id,
      contentType: 'application/json',
      type: form.type,
      data: form.data,
      metadata: { ...metadata, recordedAt: form.recordedAt, hash: form.hash, $correlationId: metadata.correlationId, $causationId: metadata.causationId },
    });
  });

  it('given a written event read back, when mapped, then it equals what was written, with its position as a checkpoint', () => {
    const form = aRecordedForm();
    const read = fromKurrentStoredEvent(asStoredByKurrent(form));
    expect(read).toEqual({ ...form, position: expect.any(String) });
    expect(read && decodeCheckpoint(read.position)).toEqual({ commit: 900n, prepare: 900n });
  });

  it('given a written event read back, when its hash is recomputed, then it matches: the stored form is exactly what was hashed', () => {
    const read = fromKurrentStoredEvent(asStoredByKurrent(aRecordedForm()));
    if (!read) throw new Error('expected our event back');
    expect(computeEventHash(GENESIS_HASH, read)).toBe(read.hash);
  });

  it('given an event of a system or claim stream, when mapped, then it is not ours', () => {
    expect(fromKurrentStoredEvent(asStoredByKurrent(aRecordedForm(), { streamId: '$stats-127.0.0.1:2113' }))).toBeUndefined();
    expect(fromKurrentStoredEvent(asStoredByKurrent(aRecordedForm(), { streamId: '_lien/event-id/x' }))).toBeUndefined();
  });

  it.each<[string, Partial<KurrentStoredEvent>]>([
    ['binary data', { isJson: false, data: new Uint8Array([1]) }],
    ['data that is not an object', { data: 'text' }],
    ['no metadata', { metadata: undefined }],
    ['metadata without hash', { metadata: { ...metadata, recordedAt: '2025-03-14T09:30:01.123Z' } }],
    ['metadata of another district than its stream', { streamId: 'diekirch/referral-1' }],
  ])('given a stored event of our stream with %s, when mapped, then UnreadableStoredEvent names stream, revision and type', (_, overrides) => {
    const error = (() => {
      try {
        fromKurrentStoredEvent(asStoredByKurrent(aRecordedForm(), overrides));
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnreadableStoredEvent);
    expect(error).toMatchObject({ reason: 'unparseable-data', streamName: 'referral-1', revision: 4n, eventType: 'referrals.ReferralRegistered.v1' });
  });

  it('given a server that returns no position, when mapped, then it fails with the server version needed', () => {
    expect(() => fromKurrentStoredEvent(asStoredByKurrent(aRecordedForm(), { position: undefined }))).toThrow(/22\.6/);
  });

  it('given metadata keys, then recordedAt, hash and every $-key are reserved and the port\'s own keys are not', () => {
    expect(['recordedAt', 'hash', '$correlationId', '$anything'].every(isReservedMetadataKey)).toBe(true);
    expect(Object.keys(metadata).some(isReservedMetadataKey)).toBe(false);
  });
});
