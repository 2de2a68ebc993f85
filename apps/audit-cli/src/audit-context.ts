import { EventStore } from '@lien/shared-event-store';
import { KeyStore } from '@lien/shared-personal-data';
import { InfrastructureConfig, infrastructureFromEnv, OpenedEventStore, openEventStore } from '@lien/shared-wiring';
import { CliError, ExitCode } from './exit-codes';

export const EVENT_SOURCED_SERVICES = ['referrals', 'sessions', 'assessments'] as const;

export interface AuditedStore {
  readonly service: string;
  /** The store as persisted: auditors verify what is stored, sealed data included. */
  readonly raw: EventStore;
  /** The store as services read it: personal fields opened, or erased; only for entitled exports. */
  readonly protected: EventStore;
  /** Asked only whether a person's key still exists (erased or not); no key leaves it. */
  readonly keys: KeyStore;
}

export interface AuditContext {
  readonly stores: readonly AuditedStore[];
  readonly out: (line: string) => void;
  /** For progress lines: stderr, never mixed with a command's output. */
  readonly err: (line: string) => void;
  readonly infrastructure: InfrastructureConfig;
  /** Aborted on SIGINT/SIGTERM: long commands stop between two pages and leave nothing half-done. */
  readonly signal?: AbortSignal;
  close(): Promise<void>;
}

/** Opens the raw event store of each service asked for (`--service a,b`), on the parts the environment names. */
export async function openAuditContext(options: Readonly<Record<string, string>>, io: Pick<AuditContext, 'out' | 'err' | 'signal'>): Promise<AuditContext> {
  const wanted = (options['service'] ?? EVENT_SOURCED_SERVICES.join(',')).split(',');
  const unknown = wanted.filter((s) => !(EVENT_SOURCED_SERVICES as readonly string[]).includes(s));
  if (unknown.length) throw new CliError(`unknown service: ${unknown.join(', ')}`, ExitCode.usage);
  const infrastructure = infrastructureFromEnv();
  const opened: { service: string; handle: OpenedEventStore }[] = [];
  for (const service of wanted) opened.push({ service, handle: await openEventStore(infrastructure, service) });
  return {
    stores: opened.map(({ service, handle }) => ({ service, raw: handle.raw, protected: handle.store, keys: handle.keys })),
    ...io,
    infrastructure,
    close: async () => {
      for (const { handle } of opened) await handle.close();
    },
  };
}
