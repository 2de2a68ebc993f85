import { JsonObject, JsonValue } from '@lien/shared-event-store';
import { personal, readPersonal } from '@lien/shared-personal-data';
import { Personal } from '@lien/assessments-domain';

/** Observations, the child's words and texts reasoning about the child are sealed under the child's key. */
export function sealedText(childId: string, text: Personal<string>): JsonObject {
  if (typeof text !== 'string') throw new Error('erased data is never written again');
  return personal(childId, text);
}

export function sealedOptionalText(childId: string, text: Personal<string> | null): JsonObject | null {
  return text === null ? null : sealedText(childId, text);
}

export function openedText(field: JsonValue | undefined): Personal<string> {
  const value = readPersonal<string>(field);
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'erased' in value) return { erased: true };
  throw new Error('personal text is not a text');
}

export function openedOptionalText(field: JsonValue | undefined): Personal<string> | null {
  return field === null || field === undefined ? null : openedText(field);
}
