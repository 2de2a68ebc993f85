import { JsonObject, JsonValue } from '@lien/shared-event-store';
import { ERASED_VALUE, readPersonal } from '@lien/shared-personal-data';
import { Personal } from '@lien/referrals-domain';

/** Stored data that does not have the shape its type promises. The codec hides the message: it may quote data. */
export class MalformedStoredData extends Error {}

export function objectAt(data: JsonObject, key: string): JsonObject {
  const value = data[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedStoredData(`${key} is not an object`);
  return value;
}

export function arrayAt<T>(data: JsonObject, key: string, read: (item: JsonObject) => T): T[] {
  const value = data[key];
  if (!Array.isArray(value)) throw new MalformedStoredData(`${key} is not an array`);
  return value.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new MalformedStoredData(`${key} holds a non-object`);
    return read(item);
  });
}

export function textAt(data: JsonObject, key: string): string {
  const value = data[key];
  if (typeof value !== 'string') throw new MalformedStoredData(`${key} is not text`);
  return value;
}

export function textsAt(data: JsonObject, key: string): string[] {
  const value = data[key];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) throw new MalformedStoredData(`${key} is not a list of text`);
  return value;
}

export function oneOfAt<T extends string>(data: JsonObject, key: string, allowed: readonly T[]): T {
  const value = textAt(data, key);
  if (!(allowed as readonly string[]).includes(value)) throw new MalformedStoredData(`${key} is not a known value`);
  return value as T;
}

export function booleanAt(data: JsonObject, key: string): boolean {
  const value = data[key];
  if (typeof value !== 'boolean') throw new MalformedStoredData(`${key} is not a boolean`);
  return value;
}

/** A list of text whose every item is one of `allowed`. */
export function oneOfEachAt<T extends string>(data: JsonObject, key: string, allowed: readonly T[]): T[] {
  const values = textsAt(data, key);
  if (!values.every((value) => (allowed as readonly string[]).includes(value))) throw new MalformedStoredData(`${key} holds an unknown value`);
  return values as T[];
}

export function integerAt(data: JsonObject, key: string): number {
  const value = data[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new MalformedStoredData(`${key} is not an integer`);
  return value;
}

/** Reads `key` with `read` when present; `undefined` when the event did not carry it. */
export function optionalAt<T>(data: JsonObject, key: string, read: (data: JsonObject, key: string) => T): T | undefined {
  return data[key] === undefined || data[key] === null ? undefined : read(data, key);
}

/** A field written with `personal()`: the text, or the erased marker once its owner's key is gone. */
export function personalTextAt(data: JsonObject, key: string): Personal<string> {
  const value = readPersonal<JsonValue>(data[key]);
  if (value === ERASED_VALUE) return { erased: true };
  if (typeof value !== 'string') throw new MalformedStoredData(`${key} is not personal text`);
  return value;
}
