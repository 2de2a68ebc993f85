import { DistrictSeals } from '@lien/shared-audit';
import { districtOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';

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
    for (const { service, raw } of context.stores) {
      const seal = await new DistrictSeals(raw).seal(district, new Date(), OPERATOR);
      context.out(`${service}: sealed ${seal.eventCount} events, root ${seal.root}, at ${seal.sealedAt}`);
    }
    if (every !== undefined) await pause(every * 60_000, context.signal);
  } while (every !== undefined && !context.signal?.aborted);
  return ExitCode.ok;
}

/** Checks every earlier seal of the district: a mismatch proves something before it changed. */
export async function checkSealsCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  let mismatches = 0;
  let seals = 0;
  for (const { service, raw } of context.stores) {
    const sealsOfStore = new DistrictSeals(raw);
    for (const seal of await sealsOfStore.list(district)) {
      seals += 1;
      const check = await sealsOfStore.check(seal);
      context.out(`${service}: seal of ${seal.sealedAt} (${seal.eventCount} events) ${check.matches ? 'matches' : `DOES NOT MATCH (root now ${check.rootNow})`}`);
      if (!check.matches) mismatches += 1;
    }
  }
  if (seals === 0) context.out(`no seal for district ${district}`);
  return mismatches ? ExitCode.sealMismatch : ExitCode.ok;
}
