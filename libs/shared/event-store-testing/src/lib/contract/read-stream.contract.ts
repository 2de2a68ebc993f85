import { aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

const DISTRICT = 'luxembourg';

export function describeReadStreamContract({ store }: ContractContext): void {
  describe('readStream', () => {
    let stream: string;

    beforeAll(async () => {
      stream = aStreamName();
      await store().append(stream, numberedEvents(5), { expectedRevision: 'no-stream' });
    });

    async function read(options: { direction?: 'forwards' | 'backwards'; fromRevision?: bigint; maxCount?: number }): Promise<Array<[bigint, unknown]>> {
      const events = await store().readStream(stream, { district: DISTRICT, ...options });
      return events.map((event) => [event.revision, event.data['index']]);
    }

    it('given a stream of five events, when reading forwards, then all come in revision order', async () => {
      expect(await read({})).toEqual([[0n, 0], [1n, 1], [2n, 2], [3n, 3], [4n, 4]]);
    });

    it('given a stream of five events, when reading forwards from revision 1 with maxCount 2, then revisions 1 and 2 come', async () => {
      expect(await read({ fromRevision: 1n, maxCount: 2 })).toEqual([[1n, 1], [2n, 2]]);
    });

    it('given a stream of five events, when reading backwards, then they come from the last to the first', async () => {
      expect(await read({ direction: 'backwards' })).toEqual([[4n, 4], [3n, 3], [2n, 2], [1n, 1], [0n, 0]]);
    });

    it('given a stream of five events, when reading backwards with maxCount 1, then only the last comes', async () => {
      expect(await read({ direction: 'backwards', maxCount: 1 })).toEqual([[4n, 4]]);
    });

    it('given a stream of five events, when reading backwards from revision 3 with maxCount 2, then revisions 3 and 2 come', async () => {
      expect(await read({ direction: 'backwards', fromRevision: 3n, maxCount: 2 })).toEqual([[3n, 3], [2n, 2]]);
    });

    it('given a stream of five events, when reading forwards from past its end, then nothing comes', async () => {
      expect(await read({ fromRevision: 5n })).toEqual([]);
    });

    it('given no stream, when reading it, then nothing comes', async () => {
      expect(await store().readStream(aStreamName(), { district: DISTRICT })).toEqual([]);
    });
  });
}
