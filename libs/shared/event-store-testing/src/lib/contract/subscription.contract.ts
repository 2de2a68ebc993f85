import { Checkpoint, RecordedEvent, SubscribeOptions, Subscription } from '@lien/shared-event-store';
import { eventually, rejectionOf } from '../eventually';
import { aCategory, anEvent, aStreamName, numberedEvents } from '../test-events';
import { ContractContext } from './contract-context';

interface Observed {
  readonly subscription: Subscription;
  /** Handled events as `index` data values, with `caught-up` where onCaughtUp fired. */
  readonly log: Array<number | 'caught-up'>;
  readonly checkpoints: Checkpoint[];
  readonly handled: RecordedEvent[];
}

export function describeSubscriptionContract({ store, track }: ContractContext): void {
  function observe(options: Partial<SubscribeOptions> & { category: string; failOnIndex?: number }): Observed {
    const log: Observed['log'] = [];
    const checkpoints: Checkpoint[] = [];
    const handled: RecordedEvent[] = [];
    const subscription = track(
      store().subscribe({
        ...(options.after ? { after: options.after } : {}),
        filter: { categories: [options.category] },
        handler: async (event, checkpoint) => {
          if (event.data['index'] === options.failOnIndex) throw new Error(`handler refused event ${options.failOnIndex}`);
          handled.push(event);
          checkpoints.push(checkpoint);
          log.push(event.data['index'] as number);
        },
        onCaughtUp: () => log.push('caught-up'),
        ...(options.onCheckpoint ? { onCheckpoint: options.onCheckpoint } : {}),
      }),
    );
    return { subscription, log, checkpoints, handled };
  }

  async function aStreamWith(category: string, count: number): Promise<string> {
    const stream = aStreamName(category);
    await store().append(stream, numberedEvents(count), { expectedRevision: 'no-stream' });
    return stream;
  }

  describe('subscribe', () => {
    it('given two events, when subscribing from the start, then it handles both in order and then reports that it caught up', async () => {
      const category = aCategory();
      await aStreamWith(category, 2);
      const observed = observe({ category });
      await eventually(() => expect(observed.log).toEqual([0, 1, 'caught-up']));
    });

    it('given a caught-up subscription, when events are appended, then it handles them live and reports caught up only once', async () => {
      const category = aCategory();
      const stream = await aStreamWith(category, 1);
      const observed = observe({ category });
      await eventually(() => expect(observed.log).toEqual([0, 'caught-up']));
      await store().append(stream, [anEvent({ data: { index: 1 } })], { expectedRevision: 0n });
      await store().append(stream, [anEvent({ data: { index: 2 } })], { expectedRevision: 1n });
      await eventually(() => expect(observed.log).toEqual([0, 'caught-up', 1, 2]));
    });

    it('given an event handled, then the checkpoint handed to the handler is that event\'s position and the subscription\'s checkpoint follows it', async () => {
      const category = aCategory();
      await aStreamWith(category, 2);
      const observed = observe({ category });
      await eventually(() => expect(observed.log).toContain('caught-up'));
      expect(observed.checkpoints).toEqual(observed.handled.map((event) => event.position));
    });

    it('given a subscription from a checkpoint, then only events after it are handled', async () => {
      const category = aCategory();
      const stream = await aStreamWith(category, 3);
      const [second] = await store().readStream(stream, { district: 'luxembourg', fromRevision: 1n, maxCount: 1 });
      const observed = observe({ category, after: second.position });
      await eventually(() => expect(observed.log).toEqual([2, 'caught-up']));
    });

    it('given a stopped subscription, when events are appended, then done resolves and it handles none of them', async () => {
      const category = aCategory();
      const stream = await aStreamWith(category, 1);
      const stopped = observe({ category });
      await eventually(() => expect(stopped.log).toEqual([0, 'caught-up']));
      await stopped.subscription.stop();
      await expect(stopped.subscription.done).resolves.toBeUndefined();
      await store().append(stream, [anEvent({ data: { index: 1 } })], { expectedRevision: 0n });
      const witness = observe({ category });
      await eventually(() => expect(witness.log).toEqual([0, 1, 'caught-up']));
      expect(stopped.log).toEqual([0, 'caught-up']);
    });

    it('given a handler that fails on the second event, then done rejects with its error and nothing after that event is handled', async () => {
      const category = aCategory();
      await aStreamWith(category, 3);
      const observed = observe({ category, failOnIndex: 1 });
      const error = await rejectionOf(observed.subscription.done);
      expect(error).toEqual(new Error('handler refused event 1'));
      expect(observed.log).toEqual([0]);
    });

    it('given a subscription stopped by a failing handler, when resubscribing from its checkpoint, then the failed event is handled first and then the rest', async () => {
      const category = aCategory();
      await aStreamWith(category, 3);
      const failed = observe({ category, failOnIndex: 1 });
      await rejectionOf(failed.subscription.done);
      const retried = observe({ category, after: failed.subscription.checkpoint() });
      await eventually(() => expect(retried.log).toEqual([1, 2, 'caught-up']));
    });

    it('given only filtered-out events after the last match, when caught up, then onCheckpoint was called and the checkpoint moved past them', async () => {
      const [wanted, unwanted] = [aCategory(), aCategory()];
      const { position } = await store().append(aStreamName(wanted), [anEvent({ data: { index: 0 } })], { expectedRevision: 'no-stream' });
      await aStreamWith(unwanted, 2);
      const reported: Checkpoint[] = [];
      const observed = observe({ category: wanted, after: position, onCheckpoint: async (checkpoint) => void reported.push(checkpoint) });
      await eventually(() => expect(observed.log).toEqual(['caught-up']));
      const checkpointWhenCaughtUp = observed.subscription.checkpoint();
      expect(reported).toContain(checkpointWhenCaughtUp);
      const behind = await store().readAll({ after: checkpointWhenCaughtUp, filter: { categories: [unwanted] } });
      expect(behind.events).toEqual([]);
    });
  });
}
