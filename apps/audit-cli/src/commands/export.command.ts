import { AccessLog } from '@lien/shared-access-log';
import { isRole, rolesGrant } from '@lien/shared-auth';
import { DistrictSeals } from '@lien/shared-audit';
import { JsonValue, RecordedEvent } from '@lien/shared-event-store';
import { isObject, SEALED } from '@lien/shared-personal-data';
import { districtOption, requireOption } from '../arguments';
import { AuditContext } from '../audit-context';
import { CliError, ExitCode } from '../exit-codes';

/** What stands in for a personal field when the reader is not entitled to it. */
export const REDACTED = { $redacted: 'personal data' } as const;

/** Replaces every sealed personal field by the redaction mark: nothing of it (not even its subject) leaves. */
export function redacted(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redacted);
  if (!isObject(value)) return value;
  if (SEALED in value) return { ...REDACTED };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(v)]));
}

function line(event: RecordedEvent, data: JsonValue): string {
  const { metadata } = event;
  return JSON.stringify({ id: event.id, revision: Number(event.revision), type: event.type, recordedAt: event.recordedAt, occurredAt: metadata.occurredAt, actor: metadata.actor, hash: event.hash, data });
}

/**
 * A case's history as JSON lines for an external auditor: a header with the verification of its hash
 * chain and the district's latest seal, then one line per event. Personal fields are opened only for a
 * role that may read case data (`case:read`), otherwise redacted; every export is in the access log.
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
    const events = entitled ? await audited.protected.readStream(stream, { district }) : stored;
    const intact = verification.firstBreak === undefined;
    context.out(
      JSON.stringify({
        export: 'lien.case-history.v1', district, stream, service: audited.service, exportedAt: new Date().toISOString(), exportedBy: { userId, role },
        personalData: entitled ? 'included' : 'redacted',
        verification: { intact, eventsChecked: verification.eventsChecked, ...(verification.firstBreak ? { firstBreakAtRevision: Number(verification.firstBreak.revision) } : {}) },
        latestSeal: seal ? { root: seal.root, eventCount: seal.eventCount, sealedAt: seal.sealedAt } : null,
      }),
    );
    for (const event of events) context.out(line(event, entitled ? event.data : redacted(event.data)));
    return intact ? ExitCode.ok : ExitCode.chainBroken;
  }
  throw new CliError(`no stream ${stream} in district ${district}`, ExitCode.unknownEvent);
}
