import { IncomingMessage, OutgoingMessage } from './message';

/** The versioned integration contract a translator produced from one domain event. */
export interface IntegrationEvent {
  /** The stored event's id: the dedupe key all the way to the consumers' inbox. */
  readonly id: string;
  /** Contract type with its version, e.g. `referrals.ReferralRegistered.v1`. */
  readonly type: string;
  /** `/lien/<service>/<district>`. */
  readonly source: string;
  /** The case's stream id, e.g. `referral-3f2c…`: also the Kafka key, so one case keeps its order. */
  readonly subject: string;
  /** When it happened in the world, ISO-8601 UTC. */
  readonly time: string;
  readonly district: string;
  /** W3C trace context, carried as the standard `traceparent` header. */
  readonly traceparent?: string;
  /** The contract's payload: primitives only. Personal data may live here, never in headers. */
  readonly data: { readonly [key: string]: unknown };
}

/** An integration event as received, with the record it came from (for dead letters and logs). */
export interface ReceivedEvent extends IntegrationEvent {
  readonly message: IncomingMessage;
}

export const CONTENT_TYPE = 'application/json';
export const SPEC_VERSION = '1.0';

export class InvalidCloudEvent extends Error {
  constructor(reason: string) {
    super(`Invalid CloudEvent: ${reason}`);
    this.name = 'InvalidCloudEvent';
  }
}

// Header values are visible to anyone who can read the topic: each is held to a shape that leaves
// no room for free text, so a name or a birth date cannot slip into a header by mistake.
const SAFE_HEADER: Record<string, RegExp> = {
  id: /^[A-Za-z0-9-]{1,64}$/,
  type: /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/,
  source: /^\/lien\/[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/,
  subject: /^[a-z][a-z0-9]*-[A-Za-z0-9-]{1,64}$/,
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/,
  district: /^[a-z][a-z0-9-]*$/,
  traceparent: /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/,
};

function checked(attribute: keyof typeof SAFE_HEADER, value: string | undefined): string {
  if (value === undefined || !SAFE_HEADER[attribute].test(value)) throw new InvalidCloudEvent(`${attribute} does not match ${SAFE_HEADER[attribute].source}`);
  return value;
}

export function eventSource(service: string, district: string): string {
  return checked('source', `/lien/${service}/${district}`);
}

/** CloudEvents 1.0 Kafka binding, binary content mode: attributes in `ce_*` headers, data as the JSON value. */
export function toKafkaMessage(topic: string, event: IntegrationEvent): OutgoingMessage {
  const headers: Record<string, string> = {
    ce_specversion: SPEC_VERSION,
    ce_id: checked('id', event.id),
    ce_type: checked('type', event.type),
    ce_source: checked('source', event.source),
    ce_subject: checked('subject', event.subject),
    ce_time: checked('time', event.time),
    ce_district: checked('district', event.district),
    'content-type': CONTENT_TYPE,
  };
  if (event.traceparent !== undefined) headers['traceparent'] = checked('traceparent', event.traceparent);
  return { topic, key: event.subject, value: Buffer.from(JSON.stringify(event.data), 'utf8'), headers };
}

/** Reads a binary-mode record back; throws `InvalidCloudEvent` for anything else (a poison message). */
export function fromKafkaMessage(message: IncomingMessage): ReceivedEvent {
  const h = message.headers;
  if (h['ce_specversion'] !== SPEC_VERSION) throw new InvalidCloudEvent(`specversion must be ${SPEC_VERSION}`);
  if (h['content-type'] !== CONTENT_TYPE) throw new InvalidCloudEvent(`content-type must be ${CONTENT_TYPE}`);
  if (message.value === null) throw new InvalidCloudEvent('a record without data is not an integration event');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new InvalidCloudEvent('data is not JSON');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InvalidCloudEvent('data must be a JSON object');
  return {
    id: checked('id', h['ce_id']),
    type: checked('type', h['ce_type']),
    source: checked('source', h['ce_source']),
    subject: checked('subject', h['ce_subject']),
    time: checked('time', h['ce_time']),
    district: checked('district', h['ce_district']),
    ...(h['traceparent'] !== undefined ? { traceparent: checked('traceparent', h['traceparent']) } : {}),
    data: data as IntegrationEvent['data'],
    message,
  };
}
