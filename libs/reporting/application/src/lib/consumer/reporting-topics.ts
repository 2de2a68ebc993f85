import { topicName } from '@lien/shared-messaging';
import { REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { SESSION_LIFECYCLE_FAMILY, SESSION_LIFECYCLE_VERSION, SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { ASSESSMENTS_SERVICE, CASE_ASSESSMENTS_FAMILY, CASE_ASSESSMENTS_VERSION } from '@lien/assessments-contracts';

/** The three contract families reporting reads, one topic per district each. */
export const REPORTING_SOURCES = [
  { service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION },
  { service: SESSIONS_SERVICE, family: SESSION_LIFECYCLE_FAMILY, version: SESSION_LIFECYCLE_VERSION },
  { service: ASSESSMENTS_SERVICE, family: CASE_ASSESSMENTS_FAMILY, version: CASE_ASSESSMENTS_VERSION },
] as const;

export function reportingTopics(districts: readonly string[]): string[] {
  return districts.flatMap((district) => REPORTING_SOURCES.map((source) => topicName({ district, ...source })));
}

/** The district a topic belongs to: `lien.<district>.<service>.<family>.v<n>`. */
export function districtOfTopic(topic: string): string | undefined {
  return /^lien\.([a-z][a-z0-9-]*)\./.exec(topic)?.[1];
}
