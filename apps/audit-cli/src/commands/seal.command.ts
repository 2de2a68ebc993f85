import { districtOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { listDistrictSeals, sealDistrictStores } from '../operations/district-audit';

const OPERATOR = { userId: 'audit-cli', role: 'auditor' };

/** Resolves after `ms`, or at once when the signal is aborted. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Seals each store's part of the district: a Merkle root over its events up to now. With `--every
 * <minutes>` it goes on sealing periodically until stopped (Ctrl-C / SIGTERM), for a scheduler or a
 * sidecar; each seal is an event of the district's seal stream, so a gap in the periodic seals shows.
 */
export async function sealCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const every = options['every'] === undefined ? undefined : Number(options['every']);
  if (every !== undefined && !(Number.isFinite(every) && every > 0)) throw new CliError('--every must be a positive number of minutes', ExitCode.usage);
  do {
    for (const seal of await sealDistrictStores(context.stores, district, OPERATOR)) context.out(`${seal.service}: sealed ${seal.eventCount} events, root ${seal.root}, at ${seal.sealedAt}`);
    if (every !== undefined) await pause(every * 60_000, context.signal);
  } while (every !== undefined && !context.signal?.aborted);
  return ExitCode.ok;
}

/** Checks every earlier seal of the district: a mismatch proves something before it changed. */
export async function checkSealsCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const seals = await listDistrictSeals(context.stores, district, true);
  for (const seal of seals) context.out(`${seal.service}: seal of ${seal.sealedAt} (${seal.eventCount} events) ${seal.matches ? 'matches' : `DOES NOT MATCH (root now ${seal.rootNow})`}`);
  const mismatches = seals.filter((s) => !s.matches).length;
  if (seals.length === 0) context.out(`no seal for district ${district}`);
  return mismatches ? ExitCode.sealMismatch : ExitCode.ok;
}
