import { Checkpoint, START } from '@lien/shared-event-store';

/**
 * A place in the global log: the writing transaction's id, then the global position inside it. Both
 * are decimal strings (xid8 and bigint exceed a JS number's exact range).
 */
export interface LogPosition {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const LOG_START: LogPosition = { transactionId: '0', globalPosition: '0' };

const DIGITS = 20;
const CHECKPOINT = new RegExp(`^(\\d{${DIGITS}})-(\\d{${DIGITS}})$`);

/** Zero-padded so that checkpoints of this store sort as text in log order. */
export function checkpointOf(position: LogPosition): Checkpoint {
  return `${position.transactionId.padStart(DIGITS, '0')}-${position.globalPosition.padStart(DIGITS, '0')}` as Checkpoint;
}

export function positionOfCheckpoint(checkpoint: Checkpoint): LogPosition {
  if (checkpoint === START) return LOG_START;
  const [, transactionId, globalPosition] = CHECKPOINT.exec(checkpoint) ?? [];
  if (transactionId === undefined || globalPosition === undefined) throw new RangeError('Not a checkpoint of the SQL event store');
  return { transactionId: BigInt(transactionId).toString(), globalPosition: BigInt(globalPosition).toString() };
}
