import { DomainError } from '@lien/shared-kernel';

/** A successful answer, kept so that a retry with the same key gets it again. */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type IdempotencyClaim =
  /** First time for this key (or its earlier attempt failed or was abandoned): run the request. */
  | { readonly outcome: 'claimed' }
  /** Answered before with the same request: send the stored answer. */
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  /** The key was used with another request. */
  | { readonly outcome: 'mismatch' }
  /** The first request with this key is still running. */
  | { readonly outcome: 'in-progress' };

export interface IdempotencyRequest {
  /** Who and where: user, method and path. A key only ever matches within its scope. */
  readonly scope: string;
  readonly key: string;
  /** Hash of the request body: what makes "the same request". */
  readonly fingerprint: string;
}

/**
 * Durable memory of `Idempotency-Key`s. Only successful answers are kept; a failed attempt gives the
 * key back, so a retry runs again (and gets the same refusal, rules being deterministic).
 */
export abstract class IdempotencyStore {
  abstract claim(request: IdempotencyRequest): Promise<IdempotencyClaim>;
  abstract complete(request: IdempotencyRequest, response: StoredResponse): Promise<void>;
  abstract release(request: IdempotencyRequest): Promise<void>;
}

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'invalid-input' as const;
  constructor() {
    super("Cette clé d'idempotence a déjà servi pour une autre requête.", { field: 'idempotency-key' });
  }
}

export class IdempotentRequestInProgress extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_IN_PROGRESS';
  readonly kind = 'conflict' as const;
  constructor() {
    super("La première requête avec cette clé d'idempotence est encore en cours ; réessayez dans un instant.");
  }
}
