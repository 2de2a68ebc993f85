/** A progress line on stderr (events, events/s); silent when stderr is not a terminal, as in CI logs. */
export function progressPrinter(label: string): (done: number) => void {
  const started = Date.now();
  return (done) => {
    if (!process.stderr.isTTY) return;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    process.stderr.write(`\r${label}: ${done} events, ${rate} events/s   `);
  };
}
