import { AppendOptions, AppendResult, NewEvent, StreamNotInDistrict, StreamRevisionConflict, UnreadableStoredEvent } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { anEvent, aStreamName, rejectionOf, someMetadata } from '@lien/shared-event-store-testing';
import { Decider, DomainError } from '@lien/shared-kernel';
import { CommandHandler, CommandHandlerConfig } from './command-handler';
import { EventCodec } from './event-codec';
import { UpcasterRegistry } from './upcaster-registry';

type CounterCommand = { type: 'Increment'; by: number } | { type: 'Reset' };
type CounterEvent = { type: 'Incremented'; by: number } | { type: 'WasReset' };

class CounterLimitReached extends DomainError {
  readonly code = 'COUNTER_LIMIT_REACHED';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('The counter may not exceed 10');
  }
}

const counter: Decider<CounterCommand, CounterEvent, number> = {
  initialState: () => 0,
  evolve: (value, event) => (event.type === 'Incremented' ? value + event.by : 0),
  decide: (command, value) => {
    if (command.type === 'Reset') return value === 0 ? [] : [{ type: 'WasReset' }];
    if (value + command.by > 10) throw new CounterLimitReached();
    return [{ type: 'Incremented', by: command.by }];
  },
};

const codec = new EventCodec<CounterEvent>({
  Incremented: {
    storedType: 'counters.Incremented.v2',
    encode: (event) => ({ by: event.by }),
    decode: (data) => {
      if (typeof data['by'] !== 'number') throw new Error('by is not a number');
      return { type: 'Incremented', by: data['by'] };
    },
  },
  WasReset: { storedType: 'counters.WasReset.v1', encode: () => ({}), decode: () => ({ type: 'WasReset' }) },
});

const upcasters = new UpcasterRegistry().register('counters.Incremented.v1', 'counters.Incremented.v2', (data) => ({ by: data['amount'] ?? 0 }));

/** Lets another writer append to the stream just before each of the next `times` appends, as a concurrent request would. */
class StoreWithRacingWriter extends InMemoryEventStore {
  races = 0;
  override async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.races > 0) {
      this.races -= 1;
      await super.append(streamName, [incremented(1)], { expectedRevision: 'any' });
    }
    return super.append(streamName, events, options);
  }
}

const metadata = someMetadata();
const incremented = (by: number): NewEvent => anEvent({ type: 'counters.Incremented.v2', data: { by } });

describe('command handler', () => {
  let store: StoreWithRacingWriter;
  let stream: string;

  beforeEach(() => {
    store = new StoreWithRacingWriter();
    stream = aStreamName('counter');
  });

  const handlerWith = (config: Partial<CommandHandlerConfig<CounterCommand, CounterEvent, number>> = {}) =>
    new CommandHandler(store, { decider: counter, codec, upcasters, ...config });

  async function given(...events: NewEvent[]): Promise<void> {
    await store.append(stream, events, { expectedRevision: 'no-stream' });
  }

  async function storedTypes(): Promise<string[]> {
    return (await store.readStream(stream, { district: metadata.district })).map((event) => event.type);
  }

  it('given no stream, when a command is decided, then its events are appended with the command metadata and the next expected revision is 0', async () => {
    const result = await handlerWith().handle(stream, { type: 'Increment', by: 2 }, { metadata });
    expect(result).toEqual({ newEvents: [{ type: 'Incremented', by: 2 }], newState: 2, nextExpectedRevision: 0n });
    expect(await store.readStream(stream, { district: metadata.district })).toMatchObject([{ type: 'counters.Incremented.v2', data: { by: 2 }, metadata }]);
  });

  it('given past events, when a command is decided, then it is decided on their folded state', async () => {
    await given(incremented(4), incremented(5));
    const error = await rejectionOf(handlerWith().handle(stream, { type: 'Increment', by: 2 }, { metadata }));
    expect(error).toBeInstanceOf(CounterLimitReached);
    expect(await storedTypes()).toHaveLength(2);
  });

  it('given a decision with no events, when handled, then nothing is appended and the next expected revision is the one read', async () => {
    await given(incremented(1), anEvent({ type: 'counters.WasReset.v1', data: {} }));
    const result = await handlerWith().handle(stream, { type: 'Reset' }, { metadata });
    expect(result).toEqual({ newEvents: [], newState: 0, nextExpectedRevision: 1n });
    expect(await storedTypes()).toHaveLength(2);
  });

  it('given a v1 event stored before the data changed shape, when handled, then it is upcast to v2 before folding', async () => {
    await given(anEvent({ type: 'counters.Incremented.v1', data: { amount: 9 } }));
    await expect(handlerWith().handle(stream, { type: 'Increment', by: 2 }, { metadata })).rejects.toBeInstanceOf(CounterLimitReached);
  });

  it('given another writer appends between read and append, when no retry is allowed, then StreamRevisionConflict surfaces', async () => {
    await given(incremented(1));
    store.races = 1;
    const error = await rejectionOf(handlerWith().handle(stream, { type: 'Increment', by: 2 }, { metadata }));
    expect(error).toMatchObject({ expected: 0n, actual: 1n });
    expect(error).toBeInstanceOf(StreamRevisionConflict);
  });

  it('given another writer appends between read and append, when one retry is allowed, then it decides again on the newer state and appends', async () => {
    await given(incremented(1));
    store.races = 1;
    const result = await handlerWith({ maxRetries: 1 }).handle(stream, { type: 'Increment', by: 2 }, { metadata });
    expect(result).toEqual({ newEvents: [{ type: 'Incremented', by: 2 }], newState: 4, nextExpectedRevision: 2n });
  });

  it('given another writer wins three times, when two retries are allowed, then the third conflict surfaces', async () => {
    await given(incremented(1));
    store.races = 3;
    await expect(handlerWith({ maxRetries: 2 }).handle(stream, { type: 'Increment', by: 1 }, { metadata })).rejects.toBeInstanceOf(StreamRevisionConflict);
    expect(await storedTypes()).toHaveLength(4);
  });

  it('given the caller expects the current revision, when handled, then the events are appended', async () => {
    await given(incremented(1), incremented(1));
    const result = await handlerWith().handle(stream, { type: 'Increment', by: 1 }, { metadata, expectedRevision: 1n });
    expect(result.nextExpectedRevision).toBe(2n);
  });

  it('given the caller expects an older revision, when handled, then StreamRevisionConflict is thrown without deciding, even with retries allowed', async () => {
    await given(incremented(1), incremented(1));
    const error = await rejectionOf(handlerWith({ maxRetries: 3 }).handle(stream, { type: 'Increment', by: 1 }, { metadata, expectedRevision: 0n }));
    expect(error).toMatchObject({ expected: 0n, actual: 1n });
    expect(await storedTypes()).toHaveLength(2);
  });

  it('given the caller expects a revision and another writer gets in first, when handled, then the conflict is never retried', async () => {
    await given(incremented(1));
    store.races = 1;
    await expect(handlerWith({ maxRetries: 3 }).handle(stream, { type: 'Increment', by: 1 }, { metadata, expectedRevision: 0n })).rejects.toBeInstanceOf(StreamRevisionConflict);
    expect(await storedTypes()).toHaveLength(2);
  });

  it('given a stored event of a type nobody knows, when handled, then UnreadableStoredEvent names its stream, revision and type', async () => {
    await given(incremented(1), anEvent({ type: 'counters.Doubled.v1', data: {} }));
    const error = await rejectionOf(handlerWith().handle(stream, { type: 'Increment', by: 1 }, { metadata }));
    expect(error).toBeInstanceOf(UnreadableStoredEvent);
    expect(error).toMatchObject({ reason: 'unknown-type', streamName: stream, revision: 1n, eventType: 'counters.Doubled.v1' });
  });

  it('given a stored event whose data the codec cannot parse, when handled, then UnreadableStoredEvent says unparseable-data', async () => {
    await given(anEvent({ type: 'counters.Incremented.v2', data: { by: 'two' } }));
    const error = await rejectionOf(handlerWith().handle(stream, { type: 'Increment', by: 1 }, { metadata }));
    expect(error).toMatchObject({ reason: 'unparseable-data', streamName: stream, revision: 0n, eventType: 'counters.Incremented.v2' });
  });

  it('given a stream of another district, when handled, then StreamNotInDistrict and nothing is appended', async () => {
    await given(anEvent({ type: 'counters.Incremented.v2', data: { by: 1 }, metadata: { district: 'diekirch' } }));
    await expect(handlerWith().handle(stream, { type: 'Increment', by: 1 }, { metadata })).rejects.toBeInstanceOf(StreamNotInDistrict);
  });
});
