import { verifyDistrict } from '@lien/shared-audit';
import { districtOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { ExitCode } from '../exit-codes';
import { progressBar } from '../progress';

/** Recomputes every hash chain of the district, store by store, and reports the first break per stream. */
export async function verifyCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  let total = 0;
  let broken = 0;
  for (const { service, raw } of context.stores) {
    const bar = progressBar(`${service}: verifying`, context.err);
    const result = await verifyDistrict(raw, district, { onProgress: (done) => bar.update(done) });
    bar.finish();
    total += result.eventsChecked;
    context.out(`${service}: ${result.eventsChecked} events in ${result.streamsChecked} streams, root ${result.root}`);
    for (const b of result.breaks) context.out(`${service}: BREAK in ${b.streamName} at revision ${b.revision} (${b.reason})`);
    broken += result.breaks.length;
  }
  if (total === 0) {
    context.out(`no events for district ${district}`);
    return ExitCode.unknownDistrict;
  }
  context.out(broken === 0 ? `district ${district}: every chain verifies` : `district ${district}: ${broken} broken stream(s)`);
  return broken === 0 ? ExitCode.ok : ExitCode.chainBroken;
}
