import { ExpectedRevision, StreamRevisionConflict } from '@lien/shared-event-store';
import { aCategory, anEvent, aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

const RACERS = 8;

export function describeConcurrencyContract({ store }: ContractContext): void {
  async function race(stream: string, expectedRevision: ExpectedRevision): Promise<PromiseSettledResult<unknown>[]> {
    return Promise.allSettled(Array.from({ length: RACERS }, () => store().append(stream, [anEvent()], { expectedRevision })));
  }

  function outcomes(results: readonly PromiseSettledResult<unknown>[]): { won: number; conflicts: number } {
    const won = results.filter((result) => result.status === 'fulfilled').length;
    const conflicts = results.filter((result) => result.status === 'rejected' && result.reason instanceof StreamRevisionConflict).length;
    return { won, conflicts };
  }

  describe('concurrent appends', () => {
    it('given a stream at revision 0, when eight appends race with expected revision 0, then exactly one wins and the others get StreamRevisionConflict', async () => {
      const stream = aStreamName();
      await store().append(stream, [anEvent()], { expectedRevision: 'no-stream' });
      expect(outcomes(await race(stream, 0n))).toEqual({ won: 1, conflicts: RACERS - 1 });
      expect(await store().readStream(stream, { district: 'luxembourg' })).toHaveLength(2);
    });

    it('given no stream, when eight appends race with no-stream, then exactly one creates it and the others get StreamRevisionConflict', async () => {
      const stream = aStreamName();
      expect(outcomes(await race(stream, 'no-stream'))).toEqual({ won: 1, conflicts: RACERS - 1 });
      expect(await store().readStream(stream, { district: 'luxembourg' })).toHaveLength(1);
    });

    it('given a stream, when eight appends race with any, then all succeed at distinct revisions with an unbroken hash chain', async () => {
      const stream = aStreamName();
      await store().append(stream, [anEvent()], { expectedRevision: 'no-stream' });
      expect(outcomes(await race(stream, 'any'))).toEqual({ won: RACERS, conflicts: 0 });
      const events = await store().readStream(stream, { district: 'luxembourg' });
      expect(events.map((event) => event.revision)).toEqual(Array.from({ length: RACERS + 1 }, (_, index) => BigInt(index)));
      expect((await store().verifyStream(stream, { district: 'luxembourg' })).firstBreak).toBeUndefined();
    });

    it('given ten streams, when appends to all of them race, then all succeed and readAll holds each event exactly once, in revision order per stream', async () => {
      const category = aCategory();
      const streams = Array.from({ length: 10 }, () => aStreamName(category));
      await Promise.all(streams.map((stream) => store().append(stream, numberedEvents(3), { expectedRevision: 'no-stream' })));
      const events = [];
      let page = await store().readAll({ filter: { categories: [category] }, maxCount: 7 });
      events.push(...page.events);
      while (!page.isEnd) {
        page = await store().readAll({ after: page.checkpoint, filter: { categories: [category] }, maxCount: 7 });
        events.push(...page.events);
      }
      expect(events).toHaveLength(30);
      expect(new Set(events.map((event) => event.id)).size).toBe(30);
      for (const stream of streams) {
        expect(events.filter((event) => event.streamName === stream).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
      }
    });
  });
}
