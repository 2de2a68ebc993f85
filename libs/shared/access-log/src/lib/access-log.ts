import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent, streamName } from '@lien/shared-event-store';

export const ACCESS_PURPOSES = ['case-work', 'supervision', 'report', 'audit', 'export'] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export const CASE_ACCESSED = 'platform.CaseAccessed.v1';

export interface CaseAccess {
  readonly district: string;
  /** The case's stream name (pseudonymous), never a person's name. */
  readonly caseStream: string;
  readonly kind: 'read' | 'export';
  readonly purpose: AccessPurpose;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly at: Date;
  readonly correlationId?: string;
}

/**
 * Who read which case, when and why, as events of the district. One stream per district and day
 * (`accesslog-<district>.<date>`), apart from the case streams, so logging a read never changes a
 * case's history or its hash chain.
 */
export class AccessLog {
  constructor(private readonly store: EventStore) {}

  async record(access: CaseAccess): Promise<void> {
    const day = access.at.toISOString().slice(0, 10);
    const correlationId = access.correlationId ?? randomUUID();
    await this.store.append(
      accessLogStream(access.district, day),
      [
        {
          type: CASE_ACCESSED,
          data: { caseStream: access.caseStream, kind: access.kind, purpose: access.purpose },
          metadata: { district: access.district, correlationId, causationId: correlationId, actor: access.actor, occurredAt: access.at.toISOString() },
        },
      ],
      { expectedRevision: 'any' },
    );
  }

  /** Accesses of one day, for auditors. */
  readDay(district: string, day: string): Promise<RecordedEvent[]> {
    return this.store.readStream(accessLogStream(district, day), { district });
  }
}

export function accessLogStream(district: string, day: string): string {
  return streamName('accesslog', `${district}.${day}`);
}
