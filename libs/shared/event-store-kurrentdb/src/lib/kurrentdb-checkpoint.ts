import { Checkpoint, START } from '@lien/shared-event-store';

/** A place in KurrentDB's transaction log, as the client reports it for every `$all` event. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event; the same literal as the client's `START`, so it can be passed to it unchanged. */
export const LOG_START = 'start';
export type LogPositionOrStart = LogPosition | typeof LOG_START;

/** The digits of an unsigned 64-bit number, so checkpoints also sort as text. */
const DIGITS = 20;
const MAX_U64 = 2n ** 64n - 1n;
const CHECKPOINT = /^kdb:(\d{20})\.(\d{20})$/;

/** A checkpoint that this adapter did not issue (or that was cut short): resuming from it could skip events. */
export class MalformedCheckpoint extends RangeError {
  constructor() {
    super('Not a checkpoint of the KurrentDB event store');
    this.name = 'MalformedCheckpoint';
  }
}

/**
 * Both halves are kept: commit alone is ambiguous for events of one explicit transaction, and a checkpoint
 * resumed with only its commit position can miss an event (kurrent-io/KurrentDB#4975).
 */
export function encodeCheckpoint(position: LogPosition): Checkpoint {
  for (const half of [position.commit, position.prepare]) {
    if (half < 0n || half > MAX_U64) throw new RangeError('A KurrentDB log position is an unsigned 64-bit number');
  }
  return `kdb:${pad(position.commit)}.${pad(position.prepare)}` as Checkpoint;
}

/** `START` (the empty checkpoint) means before the first event; anything else must be one of ours. */
export function decodeCheckpoint(checkpoint: Checkpoint): LogPositionOrStart {
  if (checkpoint === START) return LOG_START;
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new MalformedCheckpoint();
  const [, commit = '', prepare = ''] = match;
  const position = { commit: BigInt(commit), prepare: BigInt(prepare) };
  if (position.commit > MAX_U64 || position.prepare > MAX_U64) throw new MalformedCheckpoint();
  return position;
}

/** Log order, as KurrentDB compares positions: commit first, then prepare. */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The checkpoint `START` stands for `LOG_START`, which every event lies after. */
export function encodeReadFrom(from: LogPositionOrStart): Checkpoint {
  return from === LOG_START ? START : encodeCheckpoint(from);
}

/** True when `position` lies strictly after `from`. */
export function isAfter(position: LogPosition, from: LogPositionOrStart): boolean {
  return from === LOG_START || compareLogPositions(position, from) > 0;
}

export function laterOf(a: LogPositionOrStart, b: LogPositionOrStart): LogPositionOrStart {
  if (a === LOG_START) return b;
  if (b === LOG_START) return a;
  return compareLogPositions(a, b) >= 0 ? a : b;
}

function pad(value: bigint): string {
  return value.toString(10).padStart(DIGITS, '0');
}
