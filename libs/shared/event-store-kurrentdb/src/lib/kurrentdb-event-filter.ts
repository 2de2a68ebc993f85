import { EventFilter, RecordedEvent, streamCategory } from '@lien/shared-event-store';
import { escapeRegex, isDistrictCode, LIEN_STREAM_PATTERN } from './kurrentdb-stream-name';

/**
 * The part of an `EventFilter` that KurrentDB evaluates on the server. KurrentDB takes one filter per
 * read or subscription, on the stream name or on the event type, never both.
 */
export type ServerFilter =
  | { readonly on: 'stream-name'; readonly prefixes: readonly string[] }
  | { readonly on: 'stream-name'; readonly regex: string }
  | { readonly on: 'event-type'; readonly regex: string };

/** Matches no name at all: an empty list of allowed values allows nothing. */
const MATCH_NOTHING = '(?!)';
const DISTRICT_PART = '[a-z][a-z0-9-]*';

/**
 * Districts and categories are both parts of the KurrentDB stream name (`<district>/<category>-<id>`),
 * so they go to the server as one stream-name filter: districts alone as prefixes, with categories as
 * one regex. Event types go to the server only when no stream criterion is given; otherwise the
 * stream-name filter wins (it also keeps system and claim streams out) and `matchesEventFilter`
 * checks the types on the client. Every filter excludes streams that are not ours.
 */
export function planServerFilter(filter: EventFilter | undefined): ServerFilter {
  const districts = filter?.districts;
  const categories = filter?.categories;
  if (districts === undefined && categories === undefined) {
    const eventTypes = filter?.eventTypes;
    if (eventTypes === undefined) return { on: 'stream-name', regex: LIEN_STREAM_PATTERN };
    return { on: 'event-type', regex: eventTypes.length === 0 ? MATCH_NOTHING : `^${alternation(eventTypes)}$` };
  }
  const usableDistricts = districts?.filter(isDistrictCode);
  if (usableDistricts?.length === 0 || categories?.length === 0) return { on: 'stream-name', regex: MATCH_NOTHING };
  if (categories === undefined) return { on: 'stream-name', prefixes: (usableDistricts ?? []).map((district) => `${district}/`) };
  const districtPart = usableDistricts === undefined ? DISTRICT_PART : alternation(usableDistricts);
  // The category is the stream name up to its first `-`, or the whole name when it has none.
  return { on: 'stream-name', regex: `^${districtPart}/${alternation(categories)}(?:-|$)` };
}

/** Every given criterion must match (AND); within one, any value matches (OR). Applied to everything read. */
export function matchesEventFilter(filter: EventFilter | undefined, event: RecordedEvent): boolean {
  if (filter === undefined) return true;
  return (
    allows(filter.categories, streamCategory(event.streamName)) &&
    allows(filter.eventTypes, event.type) &&
    allows(filter.districts, event.metadata.district)
  );
}

function allows(values: readonly string[] | undefined, value: string): boolean {
  return values === undefined || values.includes(value);
}

function alternation(literals: readonly string[]): string {
  return `(?:${literals.map(escapeRegex).join('|')})`;
}
