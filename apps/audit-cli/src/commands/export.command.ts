import { AccessLog } from '@lien/shared-access-log';
import { isRole, rolesGrant } from '@lien/shared-auth';
import { DistrictSeals } from '@lien/shared-audit';
import { JsonValue, RecordedEvent } from '@lien/shared-event-store';
import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';
import { withPersonalFieldsMasked } from './personal-fields';

function line(event: RecordedEvent, data: JsonValue): string {
  const { metadata } = event;
  return JSON.stringify({ id: event.id, revision: Number(event.revision), type: event.type, recordedAt: event.recordedAt, occurredAt: metadata.occurredAt, actor: metadata.actor, hash: event.hash, data });
}

/**
 * A case's history as JSON lines for an external auditor: a header with the verification of its hash
 * chain and the district's latest seal, then one line per event. Personal fields are opened only for a
 * role that may read case data (`case:read`), otherwise redacted (or marked erased); every export is in the access log.
 */
export async function exportCommand(options: Readonly<Record<string, string>>, context: AuditContext): Promise<number> {
  const district = districtOption(options);
  const stream = requireOption(options, 'stream');
  const role = options['role'] ?? 'auditor';
  if (!isRole(role)) throw new CliError(`not a role: ${role}`, ExitCode.usage);
  const userId = requireOption(options, 'user');
  const entitled = rolesGrant([role], 'case:read');
  for (const audited of context.stores) {
    const stored = await audited.raw.readStream(stream, { district });
    if (stored.length === 0) continue;
    const verification = await audited.raw.verifyStream(stream, { district });
    const seal = (await new DistrictSeals(audited.raw).list(district)).at(-1);
    await new AccessLog(audited.raw).record({ district, caseStream: stream, kind: 'export', purpose: 'audit', actor: { userId, role }, at: new Date() });
    const events = entitled ? (await audited.protected.readStream(stream, { district })).map((event) => ({ event, data: event.data })) : await withPersonalFieldsMasked(stored, audited.keys);
    const intact = verification.firstBreak === undefined;
    context.out(
      JSON.stringify({
        export: 'lien.case-history.v1', district, stream, service: audited.service, exportedAt: new Date().toISOString(), exportedBy: { userId, role },
        personalData: entitled ? 'included' : 'redacted',
        verification: { intact, eventsChecked: verification.eventsChecked, ...(verification.firstBreak ? { firstBreakAtRevision: Number(verification.firstBreak.revision) } : {}) },
        latestSeal: seal ? { root: seal.root, eventCount: seal.eventCount, sealedAt: seal.sealedAt } : null,
      }),
    );
    for (const { event, data } of events) context.out(line(event, data));
    return intact ? ExitCode.ok : ExitCode.chainBroken;
  }
  throw new CliError(`no stream ${stream} in district ${district}`, ExitCode.unknownEvent);
}
