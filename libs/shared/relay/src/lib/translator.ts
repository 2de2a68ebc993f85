import { RecordedEvent } from '@lien/shared-event-store';
import { eventSource, IntegrationEvent, OutgoingMessage, toKafkaMessage, topicName } from '@lien/shared-messaging';

/** What a domain event becomes for the outside world: a versioned integration contract. */
export interface IntegrationContract {
  /** The topic family, e.g. `case-lifecycle`, and its major version (the topic's `.v<n>`). */
  readonly family: string;
  readonly familyVersion: number;
  /** The contract type with its version, e.g. `referrals.ReferralRegistered.v1`. */
  readonly type: string;
  /** Primitives only; what other services may know, nothing more. */
  readonly data: { readonly [key: string]: string | number | boolean | null };
}

/**
 * Maps a stored domain event to its integration contract, or to nothing when the event stays inside
 * the service. Pure: the relay calls it again for the same event after a restart and must get the same.
 */
export type Translator = (event: RecordedEvent) => IntegrationContract | undefined;

/** The record for one event: id, subject and time come from the stored event, so a re-send is identical. */
export function relayedMessage(service: string, event: RecordedEvent, contract: IntegrationContract): OutgoingMessage {
  const district = event.metadata.district;
  const integrationEvent: IntegrationEvent = {
    id: event.id,
    type: contract.type,
    source: eventSource(service, district),
    subject: event.streamName,
    time: event.metadata.occurredAt,
    district,
    ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
    data: contract.data,
  };
  return toKafkaMessage(topicName({ district, service, family: contract.family, version: contract.familyVersion }), integrationEvent);
}
