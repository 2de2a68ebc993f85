import { EventMetadata } from '@lien/shared-event-store';
import { CalendarDate, Clinician } from '@lien/assessments-domain';

/** Who asks, for which district, and when: the only clock the domain ever sees is `issuedAt`. */
export interface CommandContext {
  readonly district: string;
  readonly actor: Clinician;
  readonly correlationId: string;
  readonly causationId?: string;
  /** ISO-8601 UTC, read once by the caller (HTTP request, received contract, scheduler tick). */
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

const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Date rules use the districts' calendar: an assessment dated today is valid at 00:30 in Brussels. */
export function brusselsDateOf(instant: string): CalendarDate {
  return BRUSSELS_DATE.format(new Date(instant));
}
