import { districtOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { ExitCode } from '../exit-codes';
import { verifyDistrictStores } from '../operations/district-audit';
import { progressBar } from '../progress';

/** Recomputes every hash chain of the district, store by store, and reports the first break per stream. */
export async function verifyCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const report = await verifyDistrictStores(context.stores, district, (service) => progressBar(`${service}: verifying`, context.err));
  let broken = 0;
  for (const result of report.stores) {
    context.out(`${result.service}: ${result.eventsChecked} events in ${result.streamsChecked} streams, root ${result.root}`);
    for (const b of result.breaks) context.out(`${result.service}: BREAK in ${b.streamName} at revision ${b.revision} (${b.reason})`);
    broken += result.breaks.length;
  }
  context.out(report.intact ? `district ${district}: every chain verifies` : `district ${district}: ${broken} broken stream(s)`);
  return report.intact ? ExitCode.ok : ExitCode.chainBroken;
}
