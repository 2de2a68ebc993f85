import { Actor, EventMetadata, ExpectedRevision } from '@lien/shared-event-store';

/** Who asks, for which district, when, and on which revision they based the request. */
export interface CommandContext {
  readonly district: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly at: Date;
  /** From HTTP `If-Match`: the referral revision the caller saw. */
  readonly expectedRevision?: ExpectedRevision;
  readonly traceparent?: string;
}

/** The waiting-list policy acts under its own name, so the log shows no coordinator decided. */
export const WAITING_LIST_POLICY_ACTOR: Actor = { userId: 'system:waiting-list-policy', role: 'system' };

export function metadataOf(context: CommandContext): EventMetadata {
  return {
    district: context.district,
    correlationId: context.correlationId,
    causationId: context.correlationId,
    actor: context.actor,
    occurredAt: context.at.toISOString(),
    ...(context.traceparent ? { traceparent: context.traceparent } : {}),
  };
}

/** Date rules use the calendar of the districts (Belgium): a decision dated today is valid at 00:30 in Brussels. */
export function belgianCalendarDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
