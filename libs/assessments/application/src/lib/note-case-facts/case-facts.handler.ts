import { ReceivedEvent, topicName } from '@lien/shared-messaging';
import { IntegrationEventHandler } from '@lien/shared-messaging-consumer';
import { REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { SESSION_LIFECYCLE_FAMILY, SESSION_LIFECYCLE_VERSION, SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { commandForFact } from './case-facts.translation';

export const CASE_FACTS_GROUP = 'assessments.case-facts';

/** The referrals and sessions topics of the districts served. */
export function caseFactTopics(districts: readonly string[]): string[] {
  return districts.flatMap((district) => [
    topicName({ district, service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION }),
    topicName({ district, service: SESSIONS_SERVICE, family: SESSION_LIFECYCLE_FAMILY, version: SESSION_LIFECYCLE_VERSION }),
  ]);
}

/**
 * Notes in the case's assessment file what the other services report: the case opened with its mandate,
 * mandate changes, sessions held or missed, incidents. The effect lands in the event store, not in the
 * inbox's transaction: it is idempotent on its own (the file remembers each contract id it noted), so a
 * crash between the two only means one more no-op delivery.
 */
export function caseFactsHandler<Tx>(files: CaseFileRepository, districts: readonly string[]): IntegrationEventHandler<Tx> {
  return {
    groupId: CASE_FACTS_GROUP,
    topics: caseFactTopics(districts),
    async handle(event: ReceivedEvent): Promise<void> {
      const command = commandForFact(event);
      if (!command) return;
      const publisher = event.source.split('/')[2] ?? 'unknown';
      await files.run(command, {
        district: event.district,
        actor: { userId: publisher, role: 'system' },
        correlationId: event.id,
        causationId: event.id,
        issuedAt: event.time,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
      });
    },
  };
}
