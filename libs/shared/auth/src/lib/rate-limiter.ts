/** Fixed one-minute windows per token subject: enough to stop a runaway script without shared state. */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the seconds to wait, or 0 when the call is allowed. */
  take(key: string): number {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= 60_000) {
      this.windows.set(key, { startedAt: now, count: 1 });
      this.forgetOldWindows(now);
      return 0;
    }
    window.count += 1;
    return window.count > this.limitPerMinute ? Math.ceil((window.startedAt + 60_000 - now) / 1000) : 0;
  }

  private forgetOldWindows(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(key);
  }
}
