import { JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { IntegrationContract, Translator } from '@lien/shared-relay';
import {
  CASE_CLOSED_V1, CASE_OPENED_V1, CaseOpenedV1, MANDATE_AMENDED_V1, REFERRAL_ACCEPTED_V1, REFERRAL_DECLINED_V1, REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION,
  encodeProtectiveMeasures, encodeReportDeadlines, REFERRAL_RECEIVED_V1, REFERRAL_WAITLISTED_V1, REFERRAL_WITHDRAWN_V1, ReferralContractType, ReferralContractTypes,
} from '@lien/referrals-contracts';
import { arrayAt, booleanAt, objectAt, optionalAt, textAt, textsAt } from '../codec/json-reader';
import { REFERRAL_EVENT_TYPES } from '../codec/referral-event.codec';

function contract<T extends ReferralContractType>(type: T, data: ReferralContractTypes[T]): IntegrationContract {
  return { family: REFERRAL_LIFECYCLE_FAMILY, familyVersion: REFERRAL_LIFECYCLE_FAMILY_VERSION, type, data };
}

type MandateFields = 'mandateDecisionDate' | 'reportDeadlines';
/**
 * This producer always sends every field of case-opened, also those optional for readers of the first v1
 * shape; the mandate's decision date and deadlines only for cases opened since the stored event records them.
 */
const caseOpened = (data: Required<Omit<CaseOpenedV1, MandateFields>> & Pick<CaseOpenedV1, MandateFields>): CaseOpenedV1 => data;

const deadlinesAt = (data: JsonObject, key: string) => arrayAt(data, key, (d) => ({ kind: textAt(d, 'kind'), dueOn: textAt(d, 'dueOn') }));

function mandateOf(data: JsonObject): Pick<CaseOpenedV1, MandateFields> {
  const decisionDate = optionalAt(data, 'mandateDecisionDate', textAt);
  const deadlines = optionalAt(data, 'reportDeadlines', deadlinesAt);
  return { ...(decisionDate === undefined ? {} : { mandateDecisionDate: decisionDate }), ...(deadlines === undefined ? {} : { reportDeadlines: encodeReportDeadlines(deadlines) }) };
}

const count = (data: JsonObject, key: string) => arrayAt(data, key, (item) => item).length;

/**
 * Domain event → integration contract, or nothing for events that stay inside the service (amendments
 * before acceptance, reservations, capacity). It reads only non-personal fields, so it gives the same answer on sealed
 * (raw) and opened events, and never lets a name, an address or a note out.
 */
export const translateReferralEvent: Translator = (event: RecordedEvent) => {
  const data = event.data;
  const at = event.metadata.occurredAt;
  const referralId = () => textAt(data, 'referralId');
  switch (event.type) {
    case REFERRAL_EVENT_TYPES.ReferralRegistered: {
      const mandate = objectAt(data, 'mandate');
      return contract(REFERRAL_RECEIVED_V1, {
        referralId: referralId(),
        mandantType: textAt(mandate, 'mandantType'),
        legalBasis: textAt(mandate, 'legalBasis'),
        division: optionalAt(data, 'division', textAt) ?? null,
        decisionDate: textAt(mandate, 'decisionDate'),
        childCount: count(data, 'children'),
        adultCount: count(data, 'adults'),
        protectiveMeasureCount: count(data, 'protectiveMeasures'),
        receivedAt: at,
      });
    }
    case REFERRAL_EVENT_TYPES.ReferralAccepted:
      return contract(REFERRAL_ACCEPTED_V1, { referralId: referralId(), caseId: textAt(data, 'caseId'), mode: textAt(data, 'mode'), acceptedAt: at });
    case REFERRAL_EVENT_TYPES.ReferralDeclined:
      return contract(REFERRAL_DECLINED_V1, { referralId: referralId(), reason: textAt(data, 'reason'), declinedAt: at });
    case REFERRAL_EVENT_TYPES.ReferralWaitlisted:
      return contract(REFERRAL_WAITLISTED_V1, { referralId: referralId(), waitlistedAt: at });
    case REFERRAL_EVENT_TYPES.ReferralWithdrawn:
      return contract(REFERRAL_WITHDRAWN_V1, { referralId: referralId(), withdrawnAt: at });
    case REFERRAL_EVENT_TYPES.CaseOpened:
      return contract(CASE_OPENED_V1, caseOpened({
        caseId: textAt(data, 'caseId'),
        referralId: referralId(),
        mandantType: textAt(data, 'mandantType'),
        legalBasis: textAt(data, 'legalBasis'),
        division: optionalAt(data, 'division', textAt) ?? null,
        childIds: textsAt(data, 'childIds').join(','),
        adultIds: textsAt(data, 'adultIds').join(','),
        adultRoles: textsAt(data, 'adultRoles').join(','),
        custodialAdultId: null,
        protectiveMeasures: encodeProtectiveMeasures(
          arrayAt(data, 'protectiveMeasures', (m) => ({ kind: textAt(m, 'kind'), restrainedPersonId: textAt(m, 'restrainedPersonId'), protectedPersonIds: textsAt(m, 'protectedPersonIds') })),
        ),
        supervisedContactAllowed: booleanAt(data, 'supervisedContactAllowed'),
        ...mandateOf(data),
        openedAt: at,
      }));
    case REFERRAL_EVENT_TYPES.MandateAmended: {
      const caseId = optionalAt(data, 'caseId', textAt);
      if (caseId === undefined) return undefined;
      const deadlines = optionalAt(data, 'reportDeadlines', deadlinesAt);
      return contract(MANDATE_AMENDED_V1, {
        caseId,
        referralId: referralId(),
        kind: textAt(data, 'kind'),
        decisionDate: textAt(data, 'decisionDate'),
        reportDeadlines: deadlines === undefined ? null : encodeReportDeadlines(deadlines),
        amendedAt: at,
      });
    }
    case REFERRAL_EVENT_TYPES.CaseClosed:
      return contract(CASE_CLOSED_V1, { caseId: textAt(data, 'caseId'), referralId: referralId(), outcome: textAt(data, 'outcome'), closedAt: at });
    default:
      return undefined;
  }
};
