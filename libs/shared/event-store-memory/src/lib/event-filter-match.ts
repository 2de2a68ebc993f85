import { EventFilter, RecordedEvent, streamCategory } from '@lien/shared-event-store';

/** Every given criterion must match (AND); within one criterion any value matches (OR). */
export function matchesFilter(filter: EventFilter | undefined, event: RecordedEvent): boolean {
  return (
    filter === undefined ||
    (allows(filter.categories, streamCategory(event.streamName)) &&
      allows(filter.eventTypes, event.type) &&
      allows(filter.districts, event.metadata.district))
  );
}

function allows(values: readonly string[] | undefined, value: string): boolean {
  return values === undefined || values.includes(value);
}
