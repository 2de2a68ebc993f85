import { randomUUID } from 'node:crypto';
import { EventMetadata, JsonObject, NewEvent } from '@lien/shared-event-store';

export interface TestEventOverrides {
  readonly id?: string;
  readonly type?: string;
  readonly data?: JsonObject;
  readonly metadata?: Partial<EventMetadata>;
}

/** A random suffix made of letters and digits only, so it fits inside a category or a type name. */
function uniqueSuffix(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

/** A category no other test uses: a shared database may hold other tests' streams. */
export function aCategory(): string {
  return `contract${uniqueSuffix()}`;
}

export function aStreamName(category: string = aCategory()): string {
  return `${category}-${randomUUID()}`;
}

/** A stored event type no other test uses, e.g. `contract.Happened3f2c09a1b7d4e6c8.v1`. */
export function anEventType(): string {
  return `contract.Happened${uniqueSuffix()}.v1`;
}

export function aDistrict(): string {
  return `district${uniqueSuffix()}`;
}

export function someMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    district: 'luxembourg',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: randomUUID(), role: 'case-worker' },
    occurredAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  };
}

/** A valid new event; every field can be overridden, metadata field by field. */
export function anEvent(overrides: TestEventOverrides = {}): NewEvent {
  return {
    ...(overrides.id === undefined ? {} : { id: overrides.id }),
    type: overrides.type ?? 'contract.SomethingHappened.v1',
    data: overrides.data ?? { note: 'something happened' },
    metadata: someMetadata(overrides.metadata),
  };
}

/** `count` valid events whose data numbers them from 0, so order is visible in assertions. */
export function numberedEvents(count: number, overrides: TestEventOverrides = {}): NewEvent[] {
  return Array.from({ length: count }, (_, index) => anEvent({ ...overrides, data: { ...overrides.data, index } }));
}
