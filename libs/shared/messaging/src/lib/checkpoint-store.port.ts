import { Checkpoint } from '@lien/shared-event-store';

/** Where a relay remembers how far into its event store the broker has acknowledged. */
export abstract class CheckpointStore {
  /** The saved checkpoint of that relay, or `undefined` before its first save (start of the log). */
  abstract load(relayName: string): Promise<Checkpoint | undefined>;
  /** Called only after the broker acknowledged every event up to `checkpoint`. */
  abstract save(relayName: string, checkpoint: Checkpoint): Promise<void>;
}
