const WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** One progress line: bar, count, events/s since the start and the time left at that rate. */
export function progressLine(label: string, done: number, total: number | undefined, elapsedSeconds: number, startedAt = 0): string {
  const rate = elapsedSeconds > 0 ? (done - startedAt) / elapsedSeconds : 0;
  const count = `${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''} events, ${Math.round(rate).toLocaleString('en')} events/s`;
  if (!total) return `${label}: ${count}`;
  const share = Math.min(1, done / total);
  const filled = Math.round(share * WIDTH);
  const eta = rate > 0 ? duration((total - done) / rate) : '?';
  return `${label}: [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ${count}, ETA ${eta}`;
}

/**
 * A progress bar on stderr: redrawn in place on a terminal; without one (CI, a pipe) a plain line at
 * most every `everyMs`, plus the first and the last, through `line`.
 */
export function progressBar(label: string, line: (text: string) => void, tty = process.stderr.isTTY === true, everyMs = 1000): { update(done: number, total?: number): void; finish(): void } {
  const started = Date.now();
  let first: number | undefined;
  let lastShown = 0;
  let last = '';
  return {
    update(done, total) {
      first ??= done;
      last = progressLine(label, done, total, (Date.now() - started) / 1000, first);
      if (tty) process.stderr.write(`\r${last}   `);
      else if (lastShown === 0 || Date.now() - lastShown >= everyMs) {
        line(last);
        lastShown = Date.now();
      }
    },
    finish() {
      if (tty) process.stderr.write('\n');
      else if (last) line(last);
    },
  };
}
