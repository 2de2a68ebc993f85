import { DistrictSeals } from '@lien/shared-audit';
import { AuditedStore } from '../audit-context';
import { withPersonalFieldsMasked } from '../commands/personal-fields';
import { AuditReader, entitledToPersonalData, logCaseAccess, roleFor } from './audit-reader';
import { eventView, findCase } from './case-history';

export const CASE_HISTORY_EXPORT = 'lien.case-history.v1';

export interface CaseExport {
  /** Whether the case's hash chain verified: an export of a broken chain still comes out, flagged. */
  readonly intact: boolean;
  readonly personalData: 'included' | 'redacted';
  /** JSON lines: a header (verification, latest seal), then one line per event. */
  readonly lines: readonly string[];
}

/**
 * A case's history for an external auditor. Personal fields are opened only when the reader's roles
 * grant `case:read`, otherwise redacted (or marked erased); the export is in the access log before
 * anything is returned. A case is small (tens of events), so the lines are built in memory.
 */
export async function exportCase(stores: readonly AuditedStore[], district: string, stream: string, reader: AuditReader): Promise<CaseExport> {
  const { store, events: stored } = await findCase(stores, district, stream);
  const entitled = entitledToPersonalData(reader);
  const role = roleFor(reader, entitled ? 'case:read' : 'events:audit');
  const verification = await store.raw.verifyStream(stream, { district });
  const seal = (await new DistrictSeals(store.raw).list(district)).at(-1);
  await logCaseAccess(store.raw, district, stream, 'export', reader, role);
  const events = entitled ? (await store.protected.readStream(stream, { district })).map((event) => ({ event, data: event.data })) : await withPersonalFieldsMasked(stored, store.keys);
  const intact = verification.firstBreak === undefined;
  const personalData = entitled ? 'included' : 'redacted';
  const header = {
    export: CASE_HISTORY_EXPORT, district, stream, service: store.service, exportedAt: new Date().toISOString(), exportedBy: { userId: reader.userId, role },
    personalData,
    verification: { intact, eventsChecked: verification.eventsChecked, ...(verification.firstBreak ? { firstBreakAtRevision: Number(verification.firstBreak.revision) } : {}) },
    latestSeal: seal ? { root: seal.root, eventCount: seal.eventCount, sealedAt: seal.sealedAt } : null,
  };
  return { intact, personalData, lines: [JSON.stringify(header), ...events.map(({ event, data }) => JSON.stringify(eventView(event, data)))] };
}
