import { EventMetadata, EventStore, ExpectedRevision, StreamRevisionConflict } from '@lien/shared-event-store';
import { Decider } from '@lien/shared-kernel';
import { EventCodec } from './event-codec';
import { UpcasterRegistry } from './upcaster-registry';

export interface CommandHandlerConfig<Command, Event extends { readonly type: string }, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly codec: EventCodec<Event>;
  readonly upcasters?: UpcasterRegistry;
  /**
   * How many times to read again and decide again after another writer got in first. The default, 0,
   * surfaces the conflict to the caller: retry only where deciding on newer state is always right.
   */
  readonly maxRetries?: number;
}

export interface HandleCommandOptions {
  /** Stamped on every new event; its district is also the district the stream is read for. */
  readonly metadata: EventMetadata;
  /**
   * The revision the caller decided on, e.g. from HTTP If-Match. It replaces the revision read, and a
   * conflict on it is never retried: the caller saw an older state and must look again.
   */
  readonly expectedRevision?: ExpectedRevision;
}

export interface CommandHandled<Event, State> {
  readonly newEvents: readonly Event[];
  readonly newState: State;
  /** The revision to expect on the next command (e.g. the ETag); `no-stream` when the stream still does not exist. */
  readonly nextExpectedRevision: bigint | 'no-stream';
}

interface StreamState<State> {
  readonly state: State;
  readonly revision: bigint | 'no-stream';
}

/** Read the stream, fold it, decide, append with the revision read: one command on one stream. */
export class CommandHandler<Command, Event extends { readonly type: string }, State> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly config: CommandHandlerConfig<Command, Event, State>,
  ) {}

  async handle(streamName: string, command: Command, options: HandleCommandOptions): Promise<CommandHandled<Event, State>> {
    const maxRetries = options.expectedRevision === undefined ? (this.config.maxRetries ?? 0) : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.handleOnce(streamName, command, options);
      } catch (error) {
        if (!(error instanceof StreamRevisionConflict) || attempt >= maxRetries) throw error;
      }
    }
  }

  private async handleOnce(streamName: string, command: Command, options: HandleCommandOptions): Promise<CommandHandled<Event, State>> {
    const { state, revision } = await this.readState(streamName, options.metadata.district);
    const expectedRevision = options.expectedRevision ?? revision;
    // Checked before deciding: a caller who saw an older state gets a conflict, not a decision on a state it never saw.
    if (!holds(expectedRevision, revision)) throw new StreamRevisionConflict(streamName, expectedRevision, revision === 'no-stream' ? 'none' : revision);
    const newEvents = this.config.decider.decide(command, state);
    if (newEvents.length === 0) return { newEvents, newState: state, nextExpectedRevision: revision };
    const toAppend = newEvents.map((event) => ({ ...this.config.codec.encode(event), metadata: options.metadata }));
    const appended = await this.eventStore.append(streamName, toAppend, { expectedRevision });
    return { newEvents, newState: this.fold(state, newEvents), nextExpectedRevision: appended.nextExpectedRevision };
  }

  private async readState(streamName: string, district: string): Promise<StreamState<State>> {
    const stored = await this.eventStore.readStream(streamName, { district });
    const events = stored.map((event) => this.config.codec.decode(this.config.upcasters?.upcast(event) ?? event));
    const last = stored[stored.length - 1];
    return { state: this.fold(this.config.decider.initialState(), events), revision: last ? last.revision : 'no-stream' };
  }

  private fold(state: State, events: readonly Event[]): State {
    return events.reduce((current, event) => this.config.decider.evolve(current, event), state);
  }
}

function holds(expected: ExpectedRevision, actual: bigint | 'no-stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'stream-exists') return actual !== 'no-stream';
  return expected === actual;
}
