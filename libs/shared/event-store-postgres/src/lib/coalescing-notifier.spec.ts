import { CoalescingNotifier } from './coalescing-notifier';

/** A `send` whose calls stay pending until the test settles them, one by one. */
function aControlledSend(): { send: () => Promise<unknown>; calls: number; settle: (error?: Error) => Promise<void> } {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const control = {
    calls: 0,
    send: () =>
      new Promise<unknown>((resolve, reject) => {
        control.calls += 1;
        pending.push({ resolve: () => resolve(undefined), reject });
      }),
    settle: async (error?: Error) => {
      const call = pending.shift();
      if (!call) throw new Error('no send in flight');
      if (error) call.reject(error);
      else call.resolve();
      // Lets the notifier's continuation run.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return control;
}

describe('coalescing notifier', () => {
  it('given nothing in flight, when a wake-up is requested, then it is sent at once', () => {
    const control = aControlledSend();
    new CoalescingNotifier(control.send).request();
    expect(control.calls).toBe(1);
  });

  it('given a wake-up in flight, when more are requested meanwhile, then none is sent until it ends, and then exactly one more', async () => {
    const control = aControlledSend();
    const notifier = new CoalescingNotifier(control.send);
    notifier.request();
    notifier.request();
    notifier.request();
    expect(control.calls).toBe(1);
    await control.settle();
    expect(control.calls).toBe(2);
    await control.settle();
    expect(control.calls).toBe(2);
  });

  it('given a wake-up in flight and no request meanwhile, when it ends, then nothing more is sent and the next request is sent at once', async () => {
    const control = aControlledSend();
    const notifier = new CoalescingNotifier(control.send);
    notifier.request();
    await control.settle();
    expect(control.calls).toBe(1);
    notifier.request();
    expect(control.calls).toBe(2);
  });

  it('given a wake-up that fails, when a request came meanwhile, then the failure is swallowed and the follow-up is still sent', async () => {
    const control = aControlledSend();
    const notifier = new CoalescingNotifier(control.send);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      notifier.request();
      notifier.request();
      await control.settle(new Error('connection refused'));
      expect(control.calls).toBe(2);
      await control.settle();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('given a send that throws instead of rejecting, then the request does not throw', async () => {
    const notifier = new CoalescingNotifier(() => {
      throw new Error('pool ended');
    });
    expect(() => notifier.request()).not.toThrow();
    await notifier.close();
  });

  it('given a wake-up in flight, when closed, then close waits for it, the pending follow-up is dropped and later requests are ignored', async () => {
    const control = aControlledSend();
    const notifier = new CoalescingNotifier(control.send);
    notifier.request();
    notifier.request();
    let closed = false;
    const closing = notifier.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    await control.settle();
    await closing;
    notifier.request();
    expect(control.calls).toBe(1);
  });
});
