import { randomUUID } from 'node:crypto';
import { eventSource, IntegrationEvent, MessageProducer, toKafkaMessage, topicName } from '@lien/shared-messaging';
import {
  CASE_CLOSED_V1, CASE_OPENED_V1, CaseClosedV1, CaseOpenedV1, REFERRAL_ACCEPTED_V1, REFERRAL_DECLINED_V1, REFERRAL_LIFECYCLE_FAMILY, REFERRAL_RECEIVED_V1,
  REFERRAL_WAITLISTED_V1, REFERRAL_WITHDRAWN_V1, ReferralAcceptedV1, ReferralDeclinedV1, ReferralReceivedV1, ReferralWaitlistedV1, ReferralWithdrawnV1, REFERRALS_PUBLISHER,
} from '@lien/referrals-contracts';
import { IncidentReportedV1, SESSION_CONTRACT_TYPES, SESSION_LIFECYCLE_FAMILY, SessionCancelledV1, SessionHeldV1, SessionNoShowV1, SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { ASSESSMENT_CONTRACT_TYPES, ASSESSMENTS_SERVICE, AssessmentRecordedV1, BondDecisionSignedV1, CASE_ASSESSMENTS_FAMILY, ReportSentV1 } from '@lien/assessments-contracts';

/** Integration events as the three services publish them, typed on their contracts. */
function event(service: string, district: string, type: string, subject: string, time: string, data: object): IntegrationEvent {
  return { id: randomUUID(), type, source: eventSource(service, district), subject, time, district, data: data as IntegrationEvent['data'] };
}

const referralEvent = (district: string, type: string, referralId: string, time: string, data: object) => event(REFERRALS_PUBLISHER, district, type, `referral-${referralId}`, time, data);

export const contracts = {
  referralReceived: (district: string, data: ReferralReceivedV1) => referralEvent(district, REFERRAL_RECEIVED_V1, data.referralId, data.receivedAt, data),
  referralAccepted: (district: string, data: ReferralAcceptedV1) => referralEvent(district, REFERRAL_ACCEPTED_V1, data.referralId, data.acceptedAt, data),
  referralDeclined: (district: string, data: ReferralDeclinedV1) => referralEvent(district, REFERRAL_DECLINED_V1, data.referralId, data.declinedAt, data),
  referralWaitlisted: (district: string, data: ReferralWaitlistedV1) => referralEvent(district, REFERRAL_WAITLISTED_V1, data.referralId, data.waitlistedAt, data),
  referralWithdrawn: (district: string, data: ReferralWithdrawnV1) => referralEvent(district, REFERRAL_WITHDRAWN_V1, data.referralId, data.withdrawnAt, data),
  caseOpened: (district: string, data: CaseOpenedV1) => referralEvent(district, CASE_OPENED_V1, data.referralId, data.openedAt, data),
  caseClosed: (district: string, data: CaseClosedV1) => referralEvent(district, CASE_CLOSED_V1, data.referralId, data.closedAt, data),
  sessionHeld: (district: string, time: string, data: SessionHeldV1) => event(SESSIONS_SERVICE, district, SESSION_CONTRACT_TYPES.sessionHeld, `sessionplan-${data.caseId}`, time, data),
  sessionCancelled: (district: string, time: string, data: SessionCancelledV1) => event(SESSIONS_SERVICE, district, SESSION_CONTRACT_TYPES.sessionCancelled, `sessionplan-${data.caseId}`, time, data),
  noShow: (district: string, time: string, data: SessionNoShowV1) => event(SESSIONS_SERVICE, district, SESSION_CONTRACT_TYPES.noShow, `sessionplan-${data.caseId}`, time, data),
  incidentReported: (district: string, time: string, data: IncidentReportedV1) => event(SESSIONS_SERVICE, district, SESSION_CONTRACT_TYPES.incidentReported, `sessionplan-${data.caseId}`, time, data),
  assessmentRecorded: (district: string, time: string, data: AssessmentRecordedV1) => event(ASSESSMENTS_SERVICE, district, ASSESSMENT_CONTRACT_TYPES.assessmentRecorded, `assessmentfile-${data.caseId}`, time, data),
  bondDecisionSigned: (district: string, data: BondDecisionSignedV1) => event(ASSESSMENTS_SERVICE, district, ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned, `assessmentfile-${data.caseId}`, data.signedAt, data),
  reportSent: (district: string, time: string, data: ReportSentV1) => event(ASSESSMENTS_SERVICE, district, ASSESSMENT_CONTRACT_TYPES.reportSent, `assessmentfile-${data.caseId}`, time, data),
};

const FAMILY_OF: Readonly<Record<string, string>> = { [REFERRALS_PUBLISHER]: REFERRAL_LIFECYCLE_FAMILY, [SESSIONS_SERVICE]: SESSION_LIFECYCLE_FAMILY, [ASSESSMENTS_SERVICE]: CASE_ASSESSMENTS_FAMILY };

/** The topic the producing service would put the event on: `lien.<district>.<service>.<family>.v1`. */
export function topicOf(event: IntegrationEvent): string {
  const service = event.source.split('/')[2];
  return topicName({ district: event.district, service, family: FAMILY_OF[service], version: 1 });
}

/** Sends events the way the services' relays do: CloudEvents binary mode, keyed by stream. */
export async function publish(producer: MessageProducer, events: readonly IntegrationEvent[]): Promise<void> {
  await producer.send(events.map((e) => toKafkaMessage(topicOf(e), e)));
}
