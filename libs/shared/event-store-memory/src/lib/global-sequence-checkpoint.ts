import { Checkpoint, START } from '@lien/shared-event-store';

const DIGITS = 16;

/** The checkpoint after the event at this 1-based global sequence number; zero-padded so checkpoints sort as text. */
export function checkpointAfterSequence(sequence: number): Checkpoint {
  return sequence === 0 ? START : (String(sequence).padStart(DIGITS, '0') as Checkpoint);
}

/** How many events of the global log lie at or before the checkpoint. */
export function sequenceOfCheckpoint(checkpoint: Checkpoint): number {
  if (checkpoint === START) return 0;
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(checkpoint)) throw new RangeError('Not a checkpoint of the in-memory event store');
  return Number(checkpoint);
}
