import { JsonObject, JsonValue, RecordedEvent } from '@lien/shared-event-store';
import { isObject, KeyStore, SEALED } from '@lien/shared-personal-data';

/** What stands in for a personal field when the reader is not entitled to it. */
export const REDACTED = { $redacted: 'personal data' } as const;
/** What stands in for a personal field whose person was erased (key deleted): nobody can read it any more. */
export const ERASED_FIELD = { $erased: true } as const;

function sealedSubjects(value: JsonValue, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => sealedSubjects(v, into));
  else if (isObject(value)) {
    const sealed = value[SEALED];
    if (isObject(sealed)) into.add(String(sealed['subject']));
    else Object.values(value).forEach((v) => sealedSubjects(v, into));
  }
  return into;
}

function masked(value: JsonValue, erased: ReadonlySet<string>): JsonValue {
  if (Array.isArray(value)) return value.map((v) => masked(v, erased));
  if (!isObject(value)) return value;
  const sealed = value[SEALED];
  if (isObject(sealed)) return erased.has(String(sealed['subject'])) ? { ...ERASED_FIELD } : { ...REDACTED };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, erased)]));
}

/**
 * The events with every sealed personal field replaced by a mark: erased when the person's key is gone,
 * redacted otherwise. Neither the ciphertext nor the subject id leaves; only whether a key still
 * exists is asked, no key is loaded.
 */
export async function withPersonalFieldsMasked(events: readonly RecordedEvent[], keys: KeyStore): Promise<{ event: RecordedEvent; data: JsonObject }[]> {
  const subjects = new Set<string>();
  events.forEach((e) => sealedSubjects(e.data, subjects));
  const erased = new Set<string>();
  for (const subject of subjects) if (await keys.isErased(subject)) erased.add(subject);
  return events.map((event) => ({ event, data: masked(event.data, erased) as JsonObject }));
}
