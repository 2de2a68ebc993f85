import { RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { anEvent, aStreamName } from '@lien/shared-event-store-testing';
import { UpcasterRegistry } from './upcaster-registry';

async function stored(type: string, data: Record<string, string>): Promise<RecordedEvent> {
  const store = new InMemoryEventStore();
  const stream = aStreamName('person');
  await store.append(stream, [anEvent({ type, data })], { expectedRevision: 'no-stream' });
  const [event] = await store.readStream(stream, { district: 'luxembourg' });
  return event;
}

/** v1 held one `name`; v2 split it; v3 renamed `family` to `familyName`. */
const registry = () =>
  new UpcasterRegistry()
    .register('people.PersonNamed.v1', 'people.PersonNamed.v2', (data) => {
      const [given, family] = String(data['name']).split(' ');
      return { given: given ?? '', family: family ?? '' };
    })
    .register('people.PersonNamed.v2', 'people.PersonNamed.v3', (data) => ({ given: data['given'] ?? '', familyName: data['family'] ?? '' }));

describe('upcaster registry', () => {
  it('given a stored v1 event and upcasters v1→v2→v3, when upcast, then it arrives as v3 with both steps applied', async () => {
    const event = await stored('people.PersonNamed.v1', { name: 'Ada Lovelace' });
    expect(registry().upcast(event)).toMatchObject({ type: 'people.PersonNamed.v3', data: { given: 'Ada', familyName: 'Lovelace' } });
  });

  it('given a stored v2 event, when upcast, then only the v2→v3 step applies', async () => {
    const event = await stored('people.PersonNamed.v2', { given: 'Ada', family: 'Byron' });
    expect(registry().upcast(event).data).toEqual({ given: 'Ada', familyName: 'Byron' });
  });

  it('given an upcast event, then its stream, revision, position and hash stay those stored', async () => {
    const event = await stored('people.PersonNamed.v1', { name: 'Ada Lovelace' });
    const { streamName, revision, position, hash, id, metadata } = event;
    expect(registry().upcast(event)).toMatchObject({ streamName, revision, position, hash, id, metadata });
  });

  it('given an event of a type without upcasters, when upcast, then it is returned unchanged', async () => {
    const event = await stored('people.PersonMoved.v1', { to: 'Esch' });
    expect(registry().upcast(event)).toBe(event);
  });

  it('given an upcaster from a type, when another one from the same type is registered, then registration fails', () => {
    expect(() => registry().register('people.PersonNamed.v1', 'people.PersonNamed.v4', (data) => data)).toThrow(/already registered/);
  });

  it('given v1→v2→v3, when v3→v1 is registered, then registration fails because upcasting would loop', () => {
    expect(() => registry().register('people.PersonNamed.v3', 'people.PersonNamed.v1', (data) => data)).toThrow(/loop/);
  });

  it('given a transform that throws on odd old data, when upcast, then UnreadableStoredEvent says unparseable-data at that event', async () => {
    const event = await stored('people.PersonNamed.v1', { name: 'Ada' });
    const failing = new UpcasterRegistry().register('people.PersonNamed.v1', 'people.PersonNamed.v2', () => {
      throw new Error('no family name in "Ada"');
    });
    expect(() => failing.upcast(event)).toThrow(UnreadableStoredEvent);
    expect(() => failing.upcast(event)).toThrow(expect.objectContaining({ reason: 'unparseable-data', revision: 0n, eventType: 'people.PersonNamed.v1' }));
  });
});
