import { AccessLog } from '@lien/shared-access-log';
import { Permission, Role, rolesGrant, PERMISSIONS_BY_ROLE } from '@lien/shared-auth';
import { EventStore } from '@lien/shared-event-store';

/**
 * Who runs an audit operation. Over the API: the verified token's subject and roles. On the CLI: the
 * operator's own word (`--user`, `--role`), who holds the database credentials anyway.
 */
export interface AuditReader {
  readonly userId: string;
  readonly roles: readonly Role[];
}

/** Personal fields open only for a reader whose roles may read case data. */
export function entitledToPersonalData(reader: AuditReader): boolean {
  return rolesGrant(reader.roles, 'case:read');
}

/** The one role the access log names: the role that grants what was done (a token may carry several). */
export function roleFor(reader: AuditReader, permission: Permission): string {
  return reader.roles.find((role) => PERMISSIONS_BY_ROLE[role].includes(permission)) ?? reader.roles[0] ?? 'unknown';
}

/** Every read or export of a case by an auditor goes to the district's access log, before anything is returned. */
export async function logCaseAccess(store: EventStore, district: string, caseStream: string, kind: 'read' | 'export', reader: AuditReader, role: string): Promise<void> {
  await new AccessLog(store).record({ district, caseStream, kind, purpose: 'audit', actor: { userId: reader.userId, role }, at: new Date() });
}
