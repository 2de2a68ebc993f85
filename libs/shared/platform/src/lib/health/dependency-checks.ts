import { ReadinessIndicator } from './readiness-indicator';

/** One dependency a service needs before it takes traffic. */
export interface DependencyCheck {
  readonly name: string;
  /** Default 2 s: below the probe's own 3 s, so the answer names the dependency that hung. */
  readonly timeoutMs?: number;
  check(): Promise<void>;
}

const DEFAULT_DEPENDENCY_TIMEOUT_MS = 2000;

async function bounded(dependency: DependencyCheck): Promise<void> {
  const timeoutMs = dependency.timeoutMs ?? DEFAULT_DEPENDENCY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dependency.check(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } catch (error) {
    // The dependency's name and the error's message only: driver errors can echo connection strings otherwise.
    throw new Error(`${dependency.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A service's readiness over its dependencies (event store, broker, read model), checked side by side,
 * each within its own timeout. One indicator per service, so a host mounting several lists each once.
 */
export function dependenciesReadiness(name: string, dependencies: readonly DependencyCheck[]): ReadinessIndicator {
  return {
    name,
    check: async () => {
      const results = await Promise.allSettled(dependencies.map(bounded));
      const down = results.flatMap((result) => (result.status === 'rejected' ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : []));
      if (down.length > 0) throw new Error(down.join('; '));
    },
  };
}

/** The event store answers a one-event read of its log (the sealed store: nothing to decrypt). */
export function eventStoreCheck(store: { readAll(options: { maxCount: number }): Promise<unknown> }): DependencyCheck {
  return { name: 'event-store', check: async () => void (await store.readAll({ maxCount: 1 })) };
}

/** The broker answers a metadata request (creating no topic: the list is empty). */
export function brokerCheck(admin: { createTopics(topics: readonly never[]): Promise<void> }): DependencyCheck {
  return { name: 'broker', check: () => admin.createTopics([]) };
}
