/** The five kinds of users (product brief, "Users"). */
export const ROLES = ['practitioner', 'coordinator', 'auditor', 'ministry-analyst', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'case:read',
  'case:write',
  'intake:decide',
  'decision:cosign',
  'capacity:manage',
  'events:audit',
  'aggregates:read',
  'platform:operate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who may do what, in one table. The ministry reads suppressed aggregates only; the operator deploys
 * and rebuilds but sees no case content; the auditor reads one district's events, read-only.
 */
export const PERMISSIONS_BY_ROLE: Readonly<Record<Role, readonly Permission[]>> = {
  practitioner: ['case:read', 'case:write'],
  coordinator: ['case:read', 'case:write', 'intake:decide', 'decision:cosign', 'capacity:manage'],
  auditor: ['events:audit'],
  'ministry-analyst': ['aggregates:read'],
  operator: ['platform:operate'],
};

export function rolesGrant(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => PERMISSIONS_BY_ROLE[role].includes(permission));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
