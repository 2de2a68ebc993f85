import { DomainError } from '@lien/shared-kernel';
import { describeRevision, ExpectedRevision } from './expected-revision';

/** The stream was not at the revision the caller expected; nothing was appended. */
export class StreamRevisionConflict extends DomainError {
  readonly code = 'STREAM_REVISION_CONFLICT';
  readonly kind = 'conflict' as const;
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or `none` when the stream does not exist. */
    readonly actual: bigint | 'none',
  ) {
    super(`Stream ${streamName} is at revision ${describeRevision(actual)}, not ${describeRevision(expected)}`, {
      stream: streamName,
      expectedRevision: describeRevision(expected),
      actualRevision: describeRevision(actual),
    });
  }
}

/** A stream belongs to one district; an append or read from another district is refused as if it did not exist. */
export class StreamNotInDistrict extends DomainError {
  readonly code = 'STREAM_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} not found`, { stream: streamName });
  }
}

/** An event was refused before storage: missing metadata, invalid type name, data that is not plain JSON. */
export class InvalidEvent extends DomainError {
  readonly code = 'INVALID_EVENT';
  readonly kind = 'invalid-input' as const;
  constructor(reason: string) {
    super(`Invalid event: ${reason}`);
  }
}

/** A stored event could not be turned back into a known, current event. Readers stop here, never skip. */
export class UnreadableStoredEvent extends DomainError {
  readonly code = 'UNREADABLE_STORED_EVENT';
  readonly kind = 'rule-violation' as const;
  constructor(
    readonly reason: 'unknown-type' | 'unparseable-data' | 'hash-mismatch',
    readonly streamName: string,
    readonly revision: bigint,
    readonly eventType: string,
  ) {
    super(`Stored event ${eventType} at ${streamName}@${revision} is unreadable: ${reason}`, {
      reason,
      stream: streamName,
      revision: revision.toString(),
      eventType,
    });
  }
}
