import { ExpectedRevision } from '@lien/shared-event-store';

/** `actual` is the revision of the stream's last event, or `none` when the stream does not exist. */
export function expectedRevisionMatches(expected: ExpectedRevision, actual: bigint | 'none'): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 'none';
    case 'stream-exists':
      return actual !== 'none';
    default:
      return actual === expected;
  }
}
