import { createHash } from 'node:crypto';
import { streamName } from '@lien/shared-event-store';
import { MandantType, normaliseMandateReference } from '@lien/referrals-domain';

export const REFERRAL_CATEGORY = 'referral';
/** Apart from `referral`, so that projections and the relay following referrals never see reservations. */
export const MANDATE_REFERENCE_CATEGORY = 'referralref';
export const DISTRICT_CAPACITY_CATEGORY = 'casecapacity';

export function referralStream(referralId: string): string {
  return streamName(REFERRAL_CATEGORY, referralId);
}

/**
 * One stream per (district, mandant type, normalised reference). The reference is hashed: stream names
 * reach logs and tools, and a docket number points at a family's court file.
 */
export function mandateReferenceStream(district: string, mandantType: MandantType, reference: string): string {
  const digest = createHash('sha256').update(`${mandantType}:${normaliseMandateReference(reference)}`).digest('hex').slice(0, 40);
  return streamName(MANDATE_REFERENCE_CATEGORY, `${district}.${digest}`);
}

export function districtCapacityStream(district: string): string {
  return streamName(DISTRICT_CAPACITY_CATEGORY, district);
}
