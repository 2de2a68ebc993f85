/** Held by the one active instance of a relay; released on stop, or by the database when the holder dies. */
export interface Lease {
  release(): Promise<void>;
}

/**
 * Keeps a relay single: two instances of the same relay would interleave their sends and checkpoints.
 * A standby instance keeps asking and takes over when the holder is gone.
 */
export abstract class LeaseProvider {
  /** The lease when it was free, `undefined` when another instance holds it. */
  abstract tryAcquire(name: string): Promise<Lease | undefined>;
}
