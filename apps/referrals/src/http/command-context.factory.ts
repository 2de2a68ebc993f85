import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { Permission, Principal, ROLES, rolesGrant } from '@lien/shared-auth';
import { ExpectedRevision } from '@lien/shared-event-store';
import { CommandContext } from '@lien/referrals-application';

const CORRELATION_ID = /^[A-Za-z0-9-]{8,64}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Who acts, for which district, in which role (the one that grants the permission), and on which revision. */
export function commandContext(
  request: Request,
  district: string,
  principal: Principal,
  permission: Permission,
  expectedRevision?: ExpectedRevision,
): CommandContext {
  const role = ROLES.find((r) => principal.roles.includes(r) && rolesGrant([r], permission)) ?? principal.roles[0] ?? 'unknown';
  const correlation = request.headers['x-correlation-id'];
  const traceparent = request.headers['traceparent'];
  return {
    district,
    actor: { userId: principal.userId, role },
    correlationId: typeof correlation === 'string' && CORRELATION_ID.test(correlation) ? correlation : randomUUID(),
    at: new Date(),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    ...(typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? { traceparent } : {}),
  };
}
