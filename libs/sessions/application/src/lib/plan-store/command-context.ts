import { EventMetadata } from '@lien/shared-event-store';

/** Who asks, for which district, and when: the only clock the domain ever sees is `issuedAt`. */
export interface CommandContext {
  readonly district: string;
  readonly actor: { readonly userId: string; readonly role: string };
  readonly correlationId: string;
  readonly causationId?: string;
  /** ISO-8601 UTC, read once by the caller (HTTP request, received contract). */
  readonly issuedAt: string;
  readonly traceparent?: string;
}

export function metadataOf(context: CommandContext): EventMetadata {
  return {
    district: context.district,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.correlationId,
    actor: context.actor,
    occurredAt: context.issuedAt,
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
  };
}
