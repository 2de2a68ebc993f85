import { JsonObject, JsonValue } from '@lien/shared-event-store';

/**
 * How encoded event data marks personal data: `{ "$personal": { "subject": <person id>, "value": … } }`.
 * The protector replaces each mark with ciphertext under that person's key before storage, and
 * puts back either the value or `{ "$erased": … }` on read.
 */
export const PERSONAL = '$personal';
export const SEALED = '$sealed';
export const ERASED = '$erased';

export interface PersonalMark {
  readonly [PERSONAL]: { readonly subject: string; readonly value: JsonValue };
}

export interface ErasedMark {
  readonly [ERASED]: { readonly subject: string };
}

/** The value a reader gets for data whose owner was erased. */
export const ERASED_VALUE = Object.freeze({ erased: true as const });
export type Erased = typeof ERASED_VALUE;

export function personal(subject: string, value: JsonValue): JsonObject {
  return { [PERSONAL]: { subject, value } };
}

/** Reads back a field written with `personal()`: the value, or `ERASED_VALUE` when its owner was erased. */
export function readPersonal<T extends JsonValue>(field: JsonValue | undefined): T | Erased {
  if (isObject(field) && isObject(field[ERASED])) return ERASED_VALUE;
  if (isObject(field) && isObject(field[PERSONAL])) return field[PERSONAL]['value'] as T;
  throw new Error('not a personal field');
}

export function isErased(value: unknown): value is Erased {
  return value === ERASED_VALUE;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
