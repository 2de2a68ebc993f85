import { RecordedEvent } from '@lien/shared-event-store';
import { eventSource, IntegrationEvent } from '@lien/shared-messaging';
import { Translator } from '@lien/shared-relay';
import { REFERRAL_CATEGORY, translateReferralEvent } from '@lien/referrals-application';
import { REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { translateSessionEvent } from '@lien/sessions-application';
import { SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { translateCaseFileEvent } from '@lien/assessments-application';
import { ASSESSMENTS_SERVICE } from '@lien/assessments-contracts';

/** One service's event store as the reporting read model sees it: through the relay's own translator and filter. */
export interface ContractSource {
  readonly service: string;
  readonly categories: readonly string[];
  readonly translate: Translator;
}

/** The same translators and categories as the three services' relays, so a rebuild sees the contracts the topics carry. */
export const REPORTING_SOURCES: readonly ContractSource[] = [
  { service: REFERRALS_PUBLISHER, categories: [REFERRAL_CATEGORY], translate: translateReferralEvent },
  { service: SESSIONS_SERVICE, categories: ['sessionplan'], translate: translateSessionEvent },
  { service: ASSESSMENTS_SERVICE, categories: ['assessmentfile'], translate: translateCaseFileEvent },
];

/** The integration event the relay would have published for a stored event (see `relayedMessage`). */
export function contractOf(source: ContractSource, event: RecordedEvent): IntegrationEvent | undefined {
  const contract = source.translate(event);
  if (!contract) return undefined;
  const district = event.metadata.district;
  return { id: event.id, type: contract.type, source: eventSource(source.service, district), subject: event.streamName, time: event.metadata.occurredAt, district, data: contract.data };
}
