import { ReceivedEvent, topicName } from '@lien/shared-messaging';
import { IntegrationEventHandler } from '@lien/shared-messaging-consumer';
import { DistrictSettingsCatalog } from '../district-settings/district-session-settings';
import { PlanCommandRunner } from '../plan-store/plan-command-runner';
import { CASE_OPENED_V1, REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { caseForSessions } from './case-opened.translation';

export const CASE_OPENED_GROUP = 'sessions.open-plan-on-case-opened';

export function referralTopics(districts: readonly string[]): string[] {
  return districts.map((district) => topicName({ district, service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION }));
}

/**
 * Opens a case's session plan when the referrals service says the case is open. The effect lands in
 * the event store, not in the inbox's transaction: it is idempotent on its own (a plan opens once, a
 * second delivery decides nothing), so a crash between the two only means one more no-op delivery.
 */
export function caseOpenedHandler<Tx>(runner: PlanCommandRunner, settings: DistrictSettingsCatalog, districts: readonly string[]): IntegrationEventHandler<Tx> {
  return {
    groupId: CASE_OPENED_GROUP,
    topics: referralTopics(districts),
    async handle(event: ReceivedEvent): Promise<void> {
      if (event.type !== CASE_OPENED_V1) return;
      const { caseId, participants, measures } = caseForSessions(event.data);
      const { template, safety } = settings.forDistrict(event.district);
      await runner.run(
        caseId,
        { type: 'OpenSessionPlan', caseId, template, safety, participants, measures, openedFrom: event.id },
        {
          district: event.district,
          actor: { userId: REFERRALS_PUBLISHER, role: 'system' },
          correlationId: event.id,
          causationId: event.id,
          issuedAt: event.time,
          ...(event.traceparent ? { traceparent: event.traceparent } : {}),
        },
      );
    },
  };
}
