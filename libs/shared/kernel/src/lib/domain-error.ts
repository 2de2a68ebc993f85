/**
 * What kind of rule a domain error guards. Adapters map kinds to transport statuses
 * (HTTP 409 for a broken business rule or a concurrency conflict, 404 for something absent),
 * so the domain never knows about HTTP.
 */
export type DomainErrorKind = 'rule-violation' | 'conflict' | 'not-found' | 'invalid-input' | 'forbidden';

/**
 * Base of every typed domain error. `code` is stable and public (clients switch on it);
 * `message` must never contain personal data, because it reaches logs and problem details.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  /** Extra, non-personal facts a client may use, e.g. the expected and the actual revision. */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;

  protected constructor(message: string, details: Record<string, string | number | boolean | null> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
