import { StreamNotInDistrict } from '@lien/shared-event-store';
import { rejectionOf } from '../eventually';
import { aDistrict, anEvent, aStreamName } from '../test-events';
import { ContractContext } from './contract-context';

export function describeDistrictContract({ store }: ContractContext): void {
  describe('a stream belongs to the district of its first event', () => {
    const [owner, stranger] = [aDistrict(), aDistrict()];

    async function aStreamOfTheOwner(): Promise<string> {
      const stream = aStreamName();
      await store().append(stream, [anEvent({ metadata: { district: owner } })], { expectedRevision: 'no-stream' });
      return stream;
    }

    it('given a stream of one district, when another district appends to it, then StreamNotInDistrict and nothing is appended', async () => {
      const stream = await aStreamOfTheOwner();
      const error = await rejectionOf(store().append(stream, [anEvent({ metadata: { district: stranger } })], { expectedRevision: 0n }));
      expect(error).toBeInstanceOf(StreamNotInDistrict);
      expect(error).toMatchObject({ streamName: stream, kind: 'not-found' });
      expect(await store().readStream(stream, { district: owner })).toHaveLength(1);
    });

    it('given a stream of one district, when another district appends with no-stream, then StreamNotInDistrict rather than a conflict that would reveal the stream', async () => {
      const stream = await aStreamOfTheOwner();
      const error = await rejectionOf(store().append(stream, [anEvent({ metadata: { district: stranger } })], { expectedRevision: 'no-stream' }));
      expect(error).toBeInstanceOf(StreamNotInDistrict);
    });

    it('given a stream of one district, when its own district appends with any, then the event is appended', async () => {
      const stream = await aStreamOfTheOwner();
      const result = await store().append(stream, [anEvent({ metadata: { district: owner } })], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('given a stream of one district, when another district reads it, then it reads as empty', async () => {
      const stream = await aStreamOfTheOwner();
      expect(await store().readStream(stream, { district: stranger })).toEqual([]);
      expect(await store().readStream(stream, { district: stranger, direction: 'backwards' })).toEqual([]);
    });

    it('given a stream of one district, when another district verifies it, then no event is checked', async () => {
      const stream = await aStreamOfTheOwner();
      expect(await store().verifyStream(stream, { district: stranger })).toEqual({ streamName: stream, eventsChecked: 0 });
    });

    it('given no stream, when one batch mixes two districts, then StreamNotInDistrict and nothing is stored', async () => {
      const stream = aStreamName();
      const batch = [anEvent({ metadata: { district: owner } }), anEvent({ metadata: { district: stranger } })];
      expect(await rejectionOf(store().append(stream, batch, { expectedRevision: 'no-stream' }))).toBeInstanceOf(StreamNotInDistrict);
      expect(await store().readStream(stream, { district: owner })).toEqual([]);
    });
  });
}
