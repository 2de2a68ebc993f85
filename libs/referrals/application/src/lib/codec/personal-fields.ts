import { JsonObject } from '@lien/shared-event-store';
import { personal } from '@lien/shared-personal-data';
import { isErased, Personal } from '@lien/referrals-domain';

/** Marks a value as personal data of `subject`, to be sealed under that person's key. */
export function personalText(subject: string, value: Personal<string>): JsonObject {
  // An erased value cannot be recorded again: it would have to be invented.
  if (isErased(value)) throw new Error('an erased value cannot be recorded');
  return personal(subject, value);
}

export function optionalPersonalText(key: string, subject: string, value: Personal<string> | undefined): JsonObject {
  return value === undefined ? {} : { [key]: personalText(subject, value) };
}
