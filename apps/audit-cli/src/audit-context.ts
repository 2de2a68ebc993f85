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
  const infrastructure = infrastructureFromEnv();
  const opened = await openAuditedStores(infrastructure, options['service']);
  return { stores: opened.stores, ...io, infrastructure, close: opened.close };
}

export interface OpenedAuditedStores {
  readonly stores: readonly AuditedStore[];
  close(): Promise<void>;
}

/** The stores the CLI commands and the auditor API read: `services` is a comma list (default: all three). */
export async function openAuditedStores(infrastructure: InfrastructureConfig, services?: string): Promise<OpenedAuditedStores> {
  const wanted = (services ?? EVENT_SOURCED_SERVICES.join(',')).split(',');
  const unknown = wanted.filter((s) => !(EVENT_SOURCED_SERVICES as readonly string[]).includes(s));
  if (unknown.length) throw new CliError(`unknown service: ${unknown.join(', ')}`, ExitCode.usage);
  const opened: { service: string; handle: OpenedEventStore }[] = [];
  try {
    for (const service of wanted) opened.push({ service, handle: await openEventStore(infrastructure, service) });
  } catch (error) {
    for (const { handle } of opened) await handle.close();
    throw error;
  }
  // Once only: the API's shutdown may be asked twice (a signal handled by Nest, then by the CLI).
  let closing: Promise<void> | undefined;
  const closeAll = async () => {
    for (const { handle } of opened) await handle.close();
  };
  return {
    stores: opened.map(({ service, handle }) => ({ service, raw: handle.raw, protected: handle.store, keys: handle.keys })),
    close: () => (closing ??= closeAll()),
  };
}
