import { runCli } from './run-cli';

void runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`)).then((code) => {
  process.exitCode = code;
});
