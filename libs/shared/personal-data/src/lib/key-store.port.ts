import { DomainError } from '@lien/shared-kernel';

/**
 * Per-person data keys. Here a PostgreSQL table; in production a KMS holds or wraps them.
 * Deleting a person's key erases every personal field ever written for them (crypto-shredding).
 */
export abstract class KeyStore {
  /** The person's key, created on first use. Refuses to recreate the key of an erased person. */
  abstract keyFor(subject: string, district: string): Promise<Buffer>;
  /** Keys of several people at once; erased or unknown people are absent from the map. */
  abstract existingKeys(subjects: readonly string[]): Promise<Map<string, Buffer>>;
  /** Deletes the key for good and records when. Idempotent. */
  abstract erase(subject: string, district: string): Promise<void>;
  abstract isErased(subject: string): Promise<boolean>;
}

export class PersonErased extends DomainError {
  readonly code = 'PERSON_ERASED';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('This person was erased; no new personal data can be recorded for them');
  }
}
