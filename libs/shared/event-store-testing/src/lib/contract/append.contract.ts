import { randomUUID } from 'node:crypto';
import { ExpectedRevision, InvalidEvent, StreamRevisionConflict } from '@lien/shared-event-store';
import { rejectionOf } from '../eventually';
import { anEvent, aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

const DISTRICT = 'luxembourg';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function describeAppendContract({ store }: ContractContext): void {
  async function aStreamAtRevision(revision: number): Promise<string> {
    const stream = aStreamName();
    await store().append(stream, numberedEvents(revision + 1), { expectedRevision: 'no-stream' });
    return stream;
  }

  async function revisionsOf(stream: string): Promise<bigint[]> {
    return (await store().readStream(stream, { district: DISTRICT })).map((event) => event.revision);
  }

  async function expectConflict(stream: string, expected: ExpectedRevision, actual: bigint | 'none'): Promise<void> {
    const error = await rejectionOf(store().append(stream, [anEvent()], { expectedRevision: expected }));
    expect(error).toBeInstanceOf(StreamRevisionConflict);
    expect(error).toMatchObject({ streamName: stream, expected, actual });
  }

  describe('append with an expected revision', () => {
    it('given no stream, when appending two events with no-stream, then they are stored at revisions 0 and 1 and the next expected revision is 1', async () => {
      const stream = aStreamName();
      const result = await store().append(stream, numberedEvents(2), { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(1n);
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    it('given an existing stream, when appending with no-stream, then StreamRevisionConflict says expected no-stream, actual its last revision, and nothing is appended', async () => {
      const stream = await aStreamAtRevision(1);
      await expectConflict(stream, 'no-stream', 1n);
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    it('given an existing stream, when appending with stream-exists, then the event is appended', async () => {
      const stream = await aStreamAtRevision(0);
      const result = await store().append(stream, [anEvent()], { expectedRevision: 'stream-exists' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('given no stream, when appending with stream-exists, then StreamRevisionConflict says actual none and the stream stays absent', async () => {
      const stream = aStreamName();
      await expectConflict(stream, 'stream-exists', 'none');
      expect(await revisionsOf(stream)).toEqual([]);
    });

    it('given a stream at revision 1, when appending with expected revision 1, then the events are appended from revision 2', async () => {
      const stream = await aStreamAtRevision(1);
      const result = await store().append(stream, numberedEvents(2), { expectedRevision: 1n });
      expect(result.nextExpectedRevision).toBe(3n);
      expect(await revisionsOf(stream)).toEqual([0n, 1n, 2n, 3n]);
    });

    it('given a stream at revision 1, when appending with expected revision 0, then StreamRevisionConflict says expected 0, actual 1, and nothing is appended', async () => {
      const stream = await aStreamAtRevision(1);
      await expectConflict(stream, 0n, 1n);
      expect(await revisionsOf(stream)).toEqual([0n, 1n]);
    });

    it('given no stream, when appending with expected revision 0, then StreamRevisionConflict says actual none', async () => {
      await expectConflict(aStreamName(), 0n, 'none');
    });

    it('given no stream and then an existing one, when appending with any, then both appends succeed', async () => {
      const stream = aStreamName();
      await store().append(stream, [anEvent()], { expectedRevision: 'any' });
      const result = await store().append(stream, [anEvent()], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('given a StreamRevisionConflict, then it is a typed conflict error that names the revisions', async () => {
      const stream = await aStreamAtRevision(2);
      const error = await rejectionOf(store().append(stream, [anEvent()], { expectedRevision: 0n }));
      expect(error).toMatchObject({ code: 'STREAM_REVISION_CONFLICT', kind: 'conflict', details: { expectedRevision: '0', actualRevision: '2' } });
    });
  });

  describe('append stores exactly what it was given', () => {
    it('given an event without id, when appended, then the store assigns a UUID', async () => {
      const stream = aStreamName();
      await store().append(stream, [anEvent()], { expectedRevision: 'no-stream' });
      const [stored] = await store().readStream(stream, { district: DISTRICT });
      expect(stored?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    it('given an event with an id, when appended, then it keeps that id', async () => {
      const stream = aStreamName();
      const id = randomUUID();
      await store().append(stream, [anEvent({ id })], { expectedRevision: 'no-stream' });
      expect((await store().readStream(stream, { district: DISTRICT }))[0]?.id).toBe(id);
    });

    it('given an event id already stored in another stream, when a batch reuses it, then InvalidEvent and nothing of the batch is stored', async () => {
      const id = randomUUID();
      await store().append(aStreamName(), [anEvent({ id })], { expectedRevision: 'no-stream' });
      const stream = aStreamName();
      const error = await rejectionOf(store().append(stream, [anEvent(), anEvent({ id })], { expectedRevision: 'no-stream' }));
      expect(error).toBeInstanceOf(InvalidEvent);
      expect(await revisionsOf(stream)).toEqual([]);
    });

    it('given a batch whose second event is invalid, when appending, then InvalidEvent and none of the batch is stored', async () => {
      const stream = await aStreamAtRevision(0);
      const invalid = anEvent({ type: 'NotVersioned' });
      const error = await rejectionOf(store().append(stream, [anEvent(), invalid, anEvent()], { expectedRevision: 0n }));
      expect(error).toBeInstanceOf(InvalidEvent);
      expect(await revisionsOf(stream)).toEqual([0n]);
    });

    it('given an empty batch, when appending, then InvalidEvent', async () => {
      expect(await rejectionOf(store().append(aStreamName(), [], { expectedRevision: 'any' }))).toBeInstanceOf(InvalidEvent);
    });

    it('given type, data and metadata, when read back, then they are unchanged, with a stream name, revision, position and recordedAt', async () => {
      const stream = aStreamName();
      const event = anEvent({ type: 'contract.ThingRecorded.v2', data: { text: 'Ünïcødé ✓', nested: { list: [1, 2.5, null, true] } }, metadata: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
      const result = await store().append(stream, [event], { expectedRevision: 'no-stream' });
      const [stored] = await store().readStream(stream, { district: DISTRICT });
      expect(stored).toMatchObject({ type: event.type, data: event.data, metadata: event.metadata, streamName: stream, revision: 0n, position: result.position });
      expect(stored?.recordedAt).toMatch(ISO_UTC);
    });

    it('given the caller changes its data after appending, when read back, then the stored data is unchanged', async () => {
      const stream = aStreamName();
      const data = { list: [1, 2], count: 1 };
      await store().append(stream, [anEvent({ data })], { expectedRevision: 'no-stream' });
      data.list.push(3);
      data.count = 99;
      expect((await store().readStream(stream, { district: DISTRICT }))[0]?.data).toEqual({ list: [1, 2], count: 1 });
    });
  });
}
