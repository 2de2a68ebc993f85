import { RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { anEvent, aStreamName } from '@lien/shared-event-store-testing';
import { EventCodec } from './event-codec';

type RoomEvent = { type: 'RoomBooked'; roomId: string; nights: number } | { type: 'BookingCancelled'; roomId: string };

const codec = new EventCodec<RoomEvent>({
  RoomBooked: {
    storedType: 'bookings.RoomBooked.v1',
    encode: ({ roomId, nights }) => ({ roomId, nights }),
    decode: (data) => {
      if (typeof data['roomId'] !== 'string' || typeof data['nights'] !== 'number') throw new Error('not a RoomBooked.v1');
      return { type: 'RoomBooked', roomId: data['roomId'], nights: data['nights'] };
    },
  },
  BookingCancelled: { storedType: 'bookings.BookingCancelled.v1', encode: ({ roomId }) => ({ roomId }), decode: (data) => ({ type: 'BookingCancelled', roomId: String(data['roomId']) }) },
});

async function stored(type: string, data: Record<string, string | number>): Promise<RecordedEvent> {
  const store = new InMemoryEventStore();
  const stream = aStreamName('booking');
  await store.append(stream, [anEvent(), anEvent({ type, data })], { expectedRevision: 'no-stream' });
  return (await store.readStream(stream, { district: 'luxembourg', fromRevision: 1n }))[0];
}

describe('event codec', () => {
  it('given a domain event, when encoded, then it gets its explicit versioned stored name and its data', () => {
    expect(codec.encode({ type: 'RoomBooked', roomId: 'r-12', nights: 3 })).toEqual({ type: 'bookings.RoomBooked.v1', data: { roomId: 'r-12', nights: 3 } });
  });

  it('given a stored event of a known type, when decoded, then the domain event comes back', async () => {
    expect(codec.decode(await stored('bookings.RoomBooked.v1', { roomId: 'r-12', nights: 3 }))).toEqual({ type: 'RoomBooked', roomId: 'r-12', nights: 3 });
  });

  it('given a stored event of an unknown type, when decoded, then UnreadableStoredEvent says unknown-type with its stream, revision and type', async () => {
    const event = await stored('bookings.RoomUpgraded.v1', { roomId: 'r-12' });
    const decode = () => codec.decode(event);
    expect(decode).toThrow(UnreadableStoredEvent);
    expect(decode).toThrow(expect.objectContaining({ reason: 'unknown-type', streamName: event.streamName, revision: 1n, eventType: 'bookings.RoomUpgraded.v1' }));
  });

  it('given stored data the mapping cannot parse, when decoded, then UnreadableStoredEvent says unparseable-data', async () => {
    const event = await stored('bookings.RoomBooked.v1', { roomId: 'r-12', nights: 'three' });
    expect(() => codec.decode(event)).toThrow(expect.objectContaining({ reason: 'unparseable-data', revision: 1n }));
  });

  it('given two domain events mapped to the same stored name, when the codec is built, then it fails', () => {
    const same = { storedType: 'bookings.RoomBooked.v1', encode: () => ({}), decode: () => ({ type: 'BookingCancelled' as const, roomId: '' }) };
    expect(() => new EventCodec<RoomEvent>({ RoomBooked: { ...same, decode: () => ({ type: 'RoomBooked', roomId: '', nights: 0 }) }, BookingCancelled: same })).toThrow(/Two domain events/);
  });
});
