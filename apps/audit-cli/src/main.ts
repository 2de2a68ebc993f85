import { runCli } from './run-cli';

// A first Ctrl-C asks long commands to stop cleanly between two pages; a second one ends the process.
const stop = new AbortController();
const onSignal = () => (stop.signal.aborted ? process.exit(130) : stop.abort());
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

void runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`), stop.signal).then((code) => {
  process.exitCode = code;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
});
