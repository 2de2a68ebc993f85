import { computeEventHash, GENESIS_HASH } from '@lien/shared-event-store';
import { aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

const DISTRICT = 'luxembourg';

export function describeHashChainContract({ store, tamper }: ContractContext): void {
  describe('hash chain', () => {
    async function aStreamOfThree(): Promise<string> {
      const stream = aStreamName();
      await store().append(stream, numberedEvents(2), { expectedRevision: 'no-stream' });
      await store().append(stream, numberedEvents(1), { expectedRevision: 1n });
      return stream;
    }

    it('given a stream of three events, then anyone can recompute the chain: the first hash follows GENESIS_HASH and each next one its predecessor', async () => {
      const events = await store().readStream(await aStreamOfThree(), { district: DISTRICT });
      const previousHashes = [GENESIS_HASH, ...events.slice(0, -1).map((event) => event.hash)];
      expect(events.map((event, index) => computeEventHash(previousHashes[index], event))).toEqual(events.map((event) => event.hash));
    });

    it('given an untouched stream, when verifying it, then every event is checked and no break is reported', async () => {
      const stream = await aStreamOfThree();
      const verification = await store().verifyStream(stream, { district: DISTRICT });
      expect(verification).toEqual({ streamName: stream, eventsChecked: 3 });
    });

    it('given no stream, when verifying it, then nothing is checked and no break is reported', async () => {
      const stream = aStreamName();
      expect(await store().verifyStream(stream, { district: DISTRICT })).toEqual({ streamName: stream, eventsChecked: 0 });
    });

    it('given a stored event altered behind the store, when verifying its stream, then the first break names that revision, its stored hash and the recomputed one', async () => {
      const alter = tamper();
      if (!alter) throw new Error('not run: this adapter gives the contract no tamper hook, so tamper detection is unproven');
      const stream = await aStreamOfThree();
      const [, original] = await store().readStream(stream, { district: DISTRICT });
      await alter(stream, 1n);
      const verification = await store().verifyStream(stream, { district: DISTRICT });
      expect(verification).toMatchObject({ streamName: stream, eventsChecked: 3, firstBreak: { revision: 1n, storedHash: original.hash } });
      expect(verification.firstBreak?.expectedHash).not.toBe(original.hash);
    });
  });
}
