/**
 * Sends a wake-up without making anyone wait for it, at most one at a time. A request made while one is
 * in flight is not dropped: it asks for exactly one more after it, because the one in flight may have
 * been sent before the caller's append committed, and a subscriber woken by it could read too early.
 * Failures are swallowed: a lost wake-up only delays subscribers until their next poll.
 */
export class CoalescingNotifier {
  private inFlight: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly send: () => Promise<unknown>) {}

  /** Fire and forget; never throws, never leaves a rejection unhandled. */
  request(): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.sendUntilQuiet();
  }

  /** Stops taking requests and waits for the one in flight (so the pool can end cleanly after it). */
  async close(): Promise<void> {
    this.closed = true;
    await this.inFlight;
  }

  private async sendUntilQuiet(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.send();
      } catch {
        // Swallowed on purpose, see the class comment.
      }
    } while (this.again && !this.closed);
    this.inFlight = undefined;
  }
}
