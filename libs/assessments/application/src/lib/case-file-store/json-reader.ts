import { JsonObject, JsonValue } from '@lien/shared-event-store';

/** Readers for stored event data: each throws on a shape it does not expect, so the codec never guesses. */
export function valueAt(data: JsonObject, key: string): JsonValue {
  const value = data[key];
  if (value === undefined) throw new Error(`${key} is missing`);
  return value;
}

export function textAt(data: JsonObject, key: string): string {
  const value = valueAt(data, key);
  if (typeof value !== 'string') throw new Error(`${key} is not a text`);
  return value;
}

export function optionalTextAt(data: JsonObject, key: string): string | null {
  const value = data[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`${key} is not a text`);
  return value;
}

export function numberAt(data: JsonObject, key: string): number {
  const value = valueAt(data, key);
  if (typeof value !== 'number') throw new Error(`${key} is not a number`);
  return value;
}

export function objectAt(data: JsonObject, key: string): JsonObject {
  const value = valueAt(data, key);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${key} is not an object`);
  return value;
}

export function arrayAt(data: JsonObject, key: string): JsonValue[] {
  const value = valueAt(data, key);
  if (!Array.isArray(value)) throw new Error(`${key} is not a list`);
  return value;
}

export function textsAt(data: JsonObject, key: string): string[] {
  return arrayAt(data, key).map((item) => {
    if (typeof item !== 'string') throw new Error(`${key} holds a non-text`);
    return item;
  });
}

export function asObject(value: JsonValue): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value;
}
