import { Checkpoint, EventFilter, RecordedEvent, START } from '@lien/shared-event-store';
import { aCategory, aDistrict, anEvent, anEventType, aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

export function describeReadAllContract({ store }: ContractContext): void {
  /** Every page from `after` to the visible end, following the checkpoints. */
  async function readToEnd(filter: EventFilter, after: Checkpoint = START, maxCount = 50): Promise<{ events: RecordedEvent[]; checkpoint: Checkpoint }> {
    const events: RecordedEvent[] = [];
    let checkpoint = after;
    for (;;) {
      const page = await store().readAll({ after: checkpoint, maxCount, filter });
      events.push(...page.events);
      checkpoint = page.checkpoint;
      if (page.isEnd) return { events, checkpoint };
    }
  }

  const idsOf = (events: readonly RecordedEvent[]): string[] => events.map((event) => event.id);

  describe('readAll', () => {
    it('given appends alternating between two streams, when reading all, then the events come in commit order across streams', async () => {
      const category = aCategory();
      const [first, second] = [aStreamName(category), aStreamName(category)];
      const order: string[] = [];
      for (const stream of [first, second, first, second, first]) {
        await store().append(stream, [anEvent()], { expectedRevision: 'any' });
        const [last] = await store().readStream(stream, { district: 'luxembourg', direction: 'backwards', maxCount: 1 });
        order.push(last.id);
      }
      expect(idsOf((await readToEnd({ categories: [category] })).events)).toEqual(order);
    });

    it('given seven events, when paging with maxCount 3 from checkpoint to checkpoint, then each comes exactly once, in order, and the last page says isEnd', async () => {
      const category = aCategory();
      const stream = aStreamName(category);
      await store().append(stream, numberedEvents(7), { expectedRevision: 'no-stream' });
      const pages: RecordedEvent[][] = [];
      let page = await store().readAll({ maxCount: 3, filter: { categories: [category] } });
      pages.push(page.events);
      while (!page.isEnd) {
        page = await store().readAll({ after: page.checkpoint, maxCount: 3, filter: { categories: [category] } });
        pages.push(page.events);
      }
      expect(pages[0]).toHaveLength(3);
      expect(pages.flat().map((event) => event.data['index'])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('given a reader at the end, when more events are appended, then reading after its checkpoint returns only those', async () => {
      const category = aCategory();
      const stream = aStreamName(category);
      await store().append(stream, numberedEvents(2), { expectedRevision: 'no-stream' });
      const atEnd = await readToEnd({ categories: [category] });
      await store().append(stream, numberedEvents(1, { data: { later: true } }), { expectedRevision: 1n });
      const next = await readToEnd({ categories: [category] }, atEnd.checkpoint);
      expect(next.events.map((event) => [event.revision, event.data['later']])).toEqual([[2n, true]]);
    });

    it('given the end of the unfiltered log, when events are appended, then reading after it without a filter returns them in order', async () => {
      let end = await store().readAll({ maxCount: 1000 });
      while (!end.isEnd) end = await store().readAll({ after: end.checkpoint, maxCount: 1000 });
      const stream = aStreamName();
      await store().append(stream, numberedEvents(2), { expectedRevision: 'no-stream' });
      const after = await store().readAll({ after: end.checkpoint });
      expect(after.events.filter((event) => event.streamName === stream).map((event) => event.revision)).toEqual([0n, 1n]);
    });

    it('given events read from a stream, when reading all, then each has the same position as in its stream', async () => {
      const category = aCategory();
      const stream = aStreamName(category);
      await store().append(stream, numberedEvents(3), { expectedRevision: 'no-stream' });
      const inStream = await store().readStream(stream, { district: 'luxembourg' });
      const inLog = (await readToEnd({ categories: [category] })).events;
      expect(inLog.map((event) => event.position)).toEqual(inStream.map((event) => event.position));
      expect(new Set(inLog.map((event) => event.position)).size).toBe(3);
    });

    it('given only filtered-out events after a match, when reading, then the checkpoint moves past them', async () => {
      const [wanted, unwanted] = [aCategory(), aCategory()];
      const { position } = await store().append(aStreamName(wanted), [anEvent()], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(unwanted), numberedEvents(3), { expectedRevision: 'no-stream' });
      const page = await readToEnd({ categories: [wanted] }, position);
      expect(page.events).toEqual([]);
      expect((await readToEnd({ categories: [unwanted] }, page.checkpoint)).events).toEqual([]);
    });
  });

  describe('readAll filters', () => {
    it('given streams of two categories, when filtering by one, then only its events come', async () => {
      const [wanted, other] = [aCategory(), aCategory()];
      await store().append(aStreamName(other), [anEvent()], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(wanted), numberedEvents(2), { expectedRevision: 'no-stream' });
      const events = (await readToEnd({ categories: [wanted, 'no-such-category'] })).events;
      expect(events.map((event) => event.streamName.split('-')[0])).toEqual([wanted, wanted]);
    });

    it('given streams of two categories, when filtering by both, then events of either come', async () => {
      const [first, second] = [aCategory(), aCategory()];
      await store().append(aStreamName(first), [anEvent()], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(second), [anEvent()], { expectedRevision: 'no-stream' });
      expect((await readToEnd({ categories: [first, second] })).events).toHaveLength(2);
    });

    it('given events of two types, when filtering by one type, then only events of that type come', async () => {
      const [wanted, other] = [anEventType(), anEventType()];
      await store().append(aStreamName(), [anEvent({ type: other }), anEvent({ type: wanted }), anEvent({ type: other })], { expectedRevision: 'no-stream' });
      const events = (await readToEnd({ eventTypes: [wanted] })).events;
      expect(events.map((event) => event.type)).toEqual([wanted]);
    });

    it('given events of two districts, when filtering by one district, then only that district\'s events come', async () => {
      const [wanted, other] = [aDistrict(), aDistrict()];
      await store().append(aStreamName(), [anEvent({ metadata: { district: other } })], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(), [anEvent({ metadata: { district: wanted } })], { expectedRevision: 'no-stream' });
      const events = (await readToEnd({ districts: [wanted] })).events;
      expect(events.map((event) => event.metadata.district)).toEqual([wanted]);
    });

    it('given a category holding two types, when filtering by the category and one type, then only events matching both come', async () => {
      const category = aCategory();
      const [wanted, other] = [anEventType(), anEventType()];
      await store().append(aStreamName(category), [anEvent({ type: wanted }), anEvent({ type: other })], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(), [anEvent({ type: wanted })], { expectedRevision: 'no-stream' });
      const events = (await readToEnd({ categories: [category], eventTypes: [wanted] })).events;
      expect(events.map((event) => [event.streamName.split('-')[0], event.type])).toEqual([[category, wanted]]);
    });

    it('given a category written by two districts, when filtering by the category and one district, then only events matching both come', async () => {
      const category = aCategory();
      const [wanted, other] = [aDistrict(), aDistrict()];
      await store().append(aStreamName(category), [anEvent({ metadata: { district: wanted } })], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(category), [anEvent({ metadata: { district: other } })], { expectedRevision: 'no-stream' });
      await store().append(aStreamName(), [anEvent({ metadata: { district: wanted } })], { expectedRevision: 'no-stream' });
      const events = (await readToEnd({ categories: [category], districts: [wanted] })).events;
      expect(events.map((event) => [event.streamName.split('-')[0], event.metadata.district])).toEqual([[category, wanted]]);
    });
  });
}
