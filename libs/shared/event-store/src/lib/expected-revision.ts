/**
 * What the caller believes about a stream before appending:
 * `any` (no check), `no-stream` (must not exist), `stream-exists` (must exist), or the exact revision
 * of its last event.
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | bigint;

export function describeRevision(revision: ExpectedRevision | 'none'): string {
  return typeof revision === 'bigint' ? revision.toString() : revision;
}
