import { parseArguments } from './arguments';
import { AuditContext, openAuditContext } from './audit-context';
import { activityCommand, asOfCommand } from './commands/history.command';
import { checkSealsCommand, sealCommand } from './commands/seal.command';
import { proveCommand, verifyProofCommand } from './commands/prove.command';
import { verifyCommand } from './commands/verify.command';
import { compareCommand, rebuildCommand } from './commands/rebuild.command';
import { exportCommand } from './commands/export.command';
import { serveCommand } from './commands/serve.command';
import { CliError, ExitCode } from './exit-codes';

export const HELP = `lien-audit: verify, seal, prove and export a district's event history; rebuild its reporting read model

Usage: npm run audit -- <command> [options]

Commands:
  verify        --district <code>                 recompute every hash chain; first break per stream
  seal          --district <code> [--every <minutes>]   store a Merkle root over the district's events;
                with --every, again every so many minutes until stopped (periodic sealing)
  check-seals   --district <code>                 recompute every earlier seal of the district
  prove         --district <code> --event <id>    inclusion proof (JSON) against the latest seal
  verify-proof  --file <proof.json>               check a proof offline, without any database
  as-of         --district <code> --stream <name> --at <ISO time> [--user <id>]
                a case stream as it stood then, personal fields redacted or erased; logged as a read
  activity      --district <code> --stream <name> [--from --to]      who did and who read what on a case
  export        --district <code> --stream <name> --user <id> [--role <role>]
                JSON lines: a header (chain verification, latest seal), then every event; personal
                fields opened only for a role that may read case data, otherwise redacted; logged.
                --role is the local operator's word; the API takes the role from the verified token
  serve         [--port <n> (default 3090, 0: any)] [--host <addr>]
                the same operations as an auditor-only HTTP API (permission events:audit, districts
                of the token) under /api/v1/audit/districts/<district>/; runs until Ctrl-C
  rebuild       --district <code> | --all  [--schema <read model>] [--restart] [--page-size <n>]
                rebuild the reporting read model from the event stores into a fresh schema, then switch
                the district over in one transaction; an interrupted run resumes (or --restart)
  compare       --district <code> [--schema <read model>] [--keep]
                rebuild beside the live tables (its own scratch schema, dropped unless --keep) and
                compare them row by row (exit 9 if they differ)

Options:
  --service referrals,sessions,assessments        which event stores (default: all three)
  --schema <name>                                 the reporting read model (default lien_reporting_read)

Progress (verify, rebuild, compare) goes to stderr: a bar with events/s and the time left on a
terminal, a plain line every second otherwise. Ctrl-C stops a rebuild between two pages (exit 10).

Environment: DATABASE_URL (and KURRENTDB_URL) for the real parts; otherwise the embedded data in LIEN_DATA_DIR.
Exit codes: 0 ok, 1 failure, 2 usage, 3 chain broken, 4 unknown district, 5 seal mismatch, 6 proof invalid, 7 unknown event or stream, 8 date before the case existed,
9 rebuild differs from the live projection, 10 interrupted.`;

const NEEDS_STORE: Record<string, (options: Readonly<Record<string, string>>, context: AuditContext) => Promise<number>> = {
  verify: verifyCommand,
  seal: sealCommand,
  'check-seals': checkSealsCommand,
  prove: proveCommand,
  'as-of': asOfCommand,
  activity: activityCommand,
  export: exportCommand,
  rebuild: rebuildCommand,
  compare: compareCommand,
};

/** Runs one command and returns its exit code; errors become one line, never a stack trace. */
export async function runCli(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, signal?: AbortSignal): Promise<number> {
  try {
    const { command, options } = parseArguments(argv);
    if (!command || command === '--help' || command === 'help') {
      out(HELP);
      return command ? ExitCode.ok : ExitCode.usage;
    }
    if (command === 'verify-proof') return verifyProofCommand(options, out);
    if (command === 'serve') return await serveCommand(options, { out, ...(signal ? { signal } : {}) });
    const handler = NEEDS_STORE[command];
    if (!handler) throw new CliError(`unknown command: ${command} (see --help)`, ExitCode.usage);
    const context = await openAuditContext(options, { out, err, ...(signal ? { signal } : {}) });
    try {
      return await handler(options, context);
    } finally {
      await context.close();
    }
  } catch (error) {
    err(`lien-audit: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof CliError ? error.exitCode : ExitCode.failure;
  }
}
