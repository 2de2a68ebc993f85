import { JsonObject, JsonValue } from '@lien/shared-event-store';
import { openField, SealedField, sealField } from './field-cipher';
import { KeyStore } from './key-store.port';
import { ERASED, isObject, PERSONAL, SEALED } from './personal-field';

/** Seals personal marks before storage and opens them after reading, under one key per person. */
export class PersonalDataProtector {
  constructor(private readonly keys: KeyStore) {}

  async seal(data: JsonObject, district: string): Promise<JsonObject> {
    const subjects = new Set<string>();
    collect(data, PERSONAL, (mark) => subjects.add(String(mark['subject'])));
    const keys = new Map<string, Buffer>();
    for (const subject of subjects) keys.set(subject, await this.keys.keyFor(subject, district));
    return transform(data, PERSONAL, (mark) => {
      const subject = String(mark['subject']);
      return { [SEALED]: sealField(keys.get(subject) as Buffer, subject, mark['value'] ?? null) as unknown as JsonObject };
    }) as JsonObject;
  }

  async open(data: JsonObject): Promise<JsonObject> {
    const subjects = new Set<string>();
    collect(data, SEALED, (sealed) => subjects.add(String(sealed['subject'])));
    if (subjects.size === 0) return data;
    const keys = await this.keys.existingKeys([...subjects]);
    return transform(data, SEALED, (sealed): JsonObject => {
      const field = sealed as unknown as SealedField;
      const key = keys.get(field.subject);
      return key ? { [PERSONAL]: { subject: field.subject, value: openField(key, field) } } : { [ERASED]: { subject: field.subject } };
    }) as JsonObject;
  }
}

function collect(value: JsonValue, marker: string, visit: (inner: JsonObject) => void): void {
  if (Array.isArray(value)) value.forEach((item) => collect(item, marker, visit));
  else if (isObject(value)) {
    const inner = value[marker];
    if (isObject(inner)) visit(inner);
    else Object.values(value).forEach((item) => collect(item, marker, visit));
  }
}

function transform(value: JsonValue, marker: string, replace: (inner: JsonObject) => JsonObject): JsonValue {
  if (Array.isArray(value)) return value.map((item) => transform(item, marker, replace));
  if (!isObject(value)) return value;
  const inner = value[marker];
  if (isObject(inner)) return replace(inner);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, marker, replace)]));
}
