import { isRole, Role } from './roles';

/** The authenticated caller. `userId` is the token subject: pseudonymous, never a name. */
export interface Principal {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Districts the token grants; a request for any other district answers 404. */
  readonly districts: readonly string[];
}

/** Our claims: `sub`, `roles` (array of role codes) and `districts` (array of district codes). */
export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const { sub, roles, districts } = claims;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  if (!Array.isArray(roles) || !roles.every(isRole) || roles.length === 0) return undefined;
  if (!Array.isArray(districts) || !districts.every((d) => typeof d === 'string')) return undefined;
  return { userId: sub, roles, districts };
}

export function grantsDistrict(principal: Principal, district: string): boolean {
  return principal.districts.includes(district);
}
