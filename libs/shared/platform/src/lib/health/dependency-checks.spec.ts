import { brokerCheck, dependenciesReadiness, eventStoreCheck } from './dependency-checks';

describe('readiness over a service dependencies', () => {
  it('given every dependency answering, when checked, then the service is ready', async () => {
    const readiness = dependenciesReadiness('referrals', [eventStoreCheck({ readAll: async () => ({ events: [] }) }), brokerCheck({ createTopics: async () => undefined })]);
    await expect(readiness.check()).resolves.toBeUndefined();
  });

  it('given a broker that hangs and a store that fails, when checked, then both are named, within the dependency timeout', async () => {
    const started = Date.now();
    const readiness = dependenciesReadiness('referrals', [
      { name: 'read-model', check: async () => undefined },
      { ...eventStoreCheck({ readAll: async () => Promise.reject(new Error('connection refused')) }) },
      { ...brokerCheck({ createTopics: () => new Promise<void>(() => undefined) }), timeoutMs: 100 },
    ]);
    await expect(readiness.check()).rejects.toThrow('event-store: connection refused; broker: no answer within 100 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('given the broker check, when run, then it asks for metadata only and creates no topic', async () => {
    const asked: unknown[] = [];
    await brokerCheck({ createTopics: async (topics) => void asked.push(topics) }).check();
    expect(asked).toEqual([[]]);
  });
});
