import { Transform, TransformCallback } from 'node:stream';
import { Checkpoint, EventFilter, RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';
import type { AllStreamSubscription, Position } from '@kurrent/kurrentdb-client';
import { decodeCheckpoint, LOG_START, LogPosition } from './kurrentdb-checkpoint';
import { toKurrentEventData } from './kurrentdb-event-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

type ServerMessage =
  | { kind: 'event'; index: number; commit: bigint; type?: string; unreadable?: boolean }
  | { kind: 'checkpoint'; commit: bigint }
  | { kind: 'caught-up'; commit: bigint };

/**
 * Stands in for the client's subscription stream (a Transform fed by gRPC): like the client, it emits
 * `caughtUp` and awaits `checkpointReached` in stream order, while events before them may still sit in
 * its buffer, unread.
 */
class ClientSubscriptionDouble extends Transform {
  unsubscribed = false;

  constructor(private readonly checkpointReached: (position: Position) => Promise<void>) {
    super({ objectMode: true });
  }

  override async _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): Promise<void> {
    const position = { commit: message.commit, prepare: message.commit };
    if (message.kind === 'caught-up') this.emit('caughtUp', { position });
    if (message.kind === 'checkpoint') await this.checkpointReached(position);
    if (message.kind === 'event') return next(null, { event: storedEvent(message, position) });
    next();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

function storedEvent(message: Extract<ServerMessage, { kind: 'event' }>, position: Position) {
  const form = {
    id: `00000000-0000-4000-8000-${String(message.index).padStart(12, '0')}`,
    type: message.type ?? 'contract.Happened.v1',
    data: { index: message.index },
    metadata: { district: 'luxembourg', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'r' }, occurredAt: '2025-03-14T09:30:00Z' },
    recordedAt: '2025-03-14T09:30:01Z',
    hash: 'h',
  };
  const written = toKurrentEventData(form);
  return { streamId: 'luxembourg/thing-1', id: form.id, revision: BigInt(message.index), type: form.type, isJson: !message.unreadable, data: written.data, metadata: written.metadata, created: new Date(), position };
}

function subscribe(options: { filter?: EventFilter; from?: LogPosition; failOnIndex?: number; handlerDelayMs?: number } = {}) {
  const log: Array<number | string> = [];
  const opened: ClientSubscriptionDouble[] = [];
  const subscription = new KurrentDbSubscription(
    (checkpointReached) => {
      const client = new ClientSubscriptionDouble(checkpointReached);
      opened.push(client);
      return client as unknown as AllStreamSubscription;
    },
    options.from ?? LOG_START,
    {
      handler: async (event: RecordedEvent) => {
        await new Promise((resolve) => setTimeout(resolve, options.handlerDelayMs ?? 0));
        if (event.data['index'] === options.failOnIndex) throw new Error(`refused ${options.failOnIndex}`);
        log.push(event.data['index'] as number);
      },
      onCheckpoint: async (checkpoint: Checkpoint) => void log.push(`checkpoint ${commitOf(checkpoint)}`),
      onCaughtUp: () => void log.push('caught-up'),
    },
    options.filter,
  );
  const [client] = opened;
  if (!client) throw new Error('the subscription did not open a client subscription');
  const send = (...messages: ServerMessage[]) => messages.forEach((message) => client.write(message));
  return { subscription, log, send, client: () => client };
}

function commitOf(checkpoint: Checkpoint): string {
  const position = decodeCheckpoint(checkpoint);
  return position === LOG_START ? 'start' : position.commit.toString();
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const event = (index: number, commit: number, extra: Partial<Extract<ServerMessage, { kind: 'event' }>> = {}): ServerMessage => ({ kind: 'event', index, commit: BigInt(commit), ...extra });

describe('KurrentDB subscription', () => {
  it('given two events and then caught up, when a slow handler runs, then both are handled in order before onCaughtUp', async () => {
    const { subscription, log, send } = subscribe({ handlerDelayMs: 15 });
    send(event(0, 10), event(1, 20), { kind: 'caught-up', commit: 20n });
    await until(() => log.includes('caught-up'));
    expect(log).toEqual([0, 1, 'caught-up']);
    await subscription.stop();
  });

  it('given a filter checkpoint while events are still buffered, then it is reported only after they are handled, and the subscription checkpoint follows', async () => {
    const { subscription, log, send } = subscribe({ handlerDelayMs: 15 });
    send(event(0, 10), event(1, 20), { kind: 'checkpoint', commit: 35n }, event(2, 40));
    await until(() => log.includes(2));
    expect(log).toEqual([0, 1, 'checkpoint 35', 2]);
    expect(commitOf(subscription.checkpoint())).toBe('40');
    await subscription.stop();
  });

  it('given a checkpoint behind the last handled event, then it is not reported and the checkpoint does not move back', async () => {
    const { subscription, log, send } = subscribe();
    send(event(0, 50), { kind: 'checkpoint', commit: 30n }, event(1, 60));
    await until(() => log.includes(1));
    expect(log).toEqual([0, 1]);
    expect(commitOf(subscription.checkpoint())).toBe('60');
    await subscription.stop();
  });

  it('given caught up after events that the client-side filter drops, then onCheckpoint reports the caught-up position before onCaughtUp', async () => {
    const { subscription, log, send } = subscribe({ filter: { eventTypes: ['contract.Wanted.v1'], categories: ['thing'] } });
    send(event(0, 10, { type: 'contract.Wanted.v1' }), event(1, 20), event(2, 30), { kind: 'caught-up', commit: 30n });
    await until(() => log.includes('caught-up'));
    expect(log).toEqual([0, 'checkpoint 30', 'caught-up']);
    expect(commitOf(subscription.checkpoint())).toBe('30');
    await subscription.stop();
  });

  it('given a handler that fails on the second event, then done rejects with its error, nothing after it is handled and the checkpoint stays before it', async () => {
    const { subscription, log, send, client } = subscribe({ failOnIndex: 1 });
    send(event(0, 10), event(1, 20), event(2, 30));
    await expect(subscription.done).rejects.toEqual(new Error('refused 1'));
    expect(log).toEqual([0]);
    expect(commitOf(subscription.checkpoint())).toBe('10');
    expect(client().unsubscribed).toBe(true);
  });

  it('given an unreadable stored event of our stream, then the subscription stops with UnreadableStoredEvent instead of skipping it', async () => {
    const { subscription, log, send } = subscribe();
    send(event(0, 10), event(1, 20, { unreadable: true }), event(2, 30));
    await expect(subscription.done).rejects.toBeInstanceOf(UnreadableStoredEvent);
    expect(log).toEqual([0]);
  });

  it('given a caught-up subscription, when stopped, then done resolves, the client subscription is cancelled and later events are not handled', async () => {
    const { subscription, log, send, client } = subscribe();
    send(event(0, 10), { kind: 'caught-up', commit: 10n });
    await until(() => log.includes('caught-up'));
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
    expect(client().unsubscribed).toBe(true);
    expect(log).toEqual([0, 'caught-up']);
  });

  it('given the server ends the stream, then done rejects rather than pretending to follow the log', async () => {
    const { subscription, client } = subscribe();
    client().end();
    await expect(subscription.done).rejects.toThrow(/ended the subscription/);
  });
});
