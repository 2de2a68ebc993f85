import { randomUUID } from 'node:crypto';
import { Checkpoint, EventMetadata, NewEvent, RecordedEvent } from '@lien/shared-event-store';
import { CheckpointStore, Inbox, InboxOutcome, Lease, LeaseProvider } from '@lien/shared-messaging';

/**
 * A tiny example service for the messaging tests: cases are opened (published) and get notes (kept
 * inside). The child's name is personal data: it is stored in the event but never leaves the service.
 */
export const EXAMPLE_SERVICE = 'cases';
export const EXAMPLE_FAMILY = 'case-lifecycle';

export function exampleMetadata(district: string, overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    district,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: randomUUID(), role: 'case-worker' },
    occurredAt: new Date().toISOString(),
    ...overrides,
  };
}

export function caseOpened(caseId: string, district: string, childName = 'Marie Dupont'): NewEvent {
  return { type: 'cases.CaseOpened.v1', data: { caseId, childName, urgency: 'high' }, metadata: exampleMetadata(district) };
}

export function caseNoteAdded(caseId: string, district: string): NewEvent {
  return { type: 'cases.CaseNoteAdded.v1', data: { caseId, note: 'private note' }, metadata: exampleMetadata(district) };
}

/** The example translator: CaseOpened becomes the `cases.CaseOpened.v1` contract, without the name. */
export function exampleTranslator(event: RecordedEvent) {
  if (event.type !== 'cases.CaseOpened.v1') return undefined;
  return { family: EXAMPLE_FAMILY, familyVersion: 1, type: 'cases.CaseOpened.v1', data: { caseId: String(event.data['caseId']), urgency: String(event.data['urgency']) } };
}

export class InMemoryCheckpointStore extends CheckpointStore {
  readonly saved = new Map<string, Checkpoint>();

  async load(relayName: string): Promise<Checkpoint | undefined> {
    return this.saved.get(relayName);
  }

  async save(relayName: string, checkpoint: Checkpoint): Promise<void> {
    this.saved.set(relayName, checkpoint);
  }
}

/** Effects collected in a plain array; the "transaction" commits by appending to `effects`. */
export class InMemoryInbox extends Inbox<string[]> {
  readonly effects: string[] = [];
  private readonly handled = new Set<string>();

  async handleOnce(groupId: string, messageId: string, effect: (tx: string[]) => Promise<void>): Promise<InboxOutcome> {
    const key = `${groupId}\u0000${messageId}`;
    if (this.handled.has(key)) return 'duplicate';
    const tx: string[] = [];
    await effect(tx);
    this.handled.add(key);
    this.effects.push(...tx);
    return 'handled';
  }
}

/** Leases held in memory: what the advisory lock does across processes, within one. */
export class InMemoryLeaseProvider extends LeaseProvider {
  private readonly held = new Set<string>();

  async tryAcquire(name: string): Promise<Lease | undefined> {
    if (this.held.has(name)) return undefined;
    this.held.add(name);
    return { release: async () => void this.held.delete(name) };
  }
}
