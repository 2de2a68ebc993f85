import { EventCodec, UpcasterRegistry } from '@lien/shared-event-sourcing';
import { ADULT_ROLES, AMENDMENT_KINDS, CASE_OUTCOMES, DECLINE_REASONS, LEGAL_BASES, MANDANT_TYPES, ReferralEvent } from '@lien/referrals-domain';
import { arrayAt, booleanAt, objectAt, oneOfAt, oneOfEachAt, optionalAt, personalTextAt, textAt, textsAt } from './json-reader';
import {
  decodeAdult, decodeChild, decodeDeadline, decodeMandate, decodeMeasure, decodeModality, encodeAdult, encodeChild, encodeDeadlines, encodeMandate,
  encodeMeasure, encodeModalities,
} from './mandate.codec';
import { optionalPersonalText, personalText } from './personal-fields';

/** Stored names of the referral stream's events: public API, never renamed (a new shape gets a new version). */
export const REFERRAL_EVENT_TYPES = {
  ReferralRegistered: 'referrals.ReferralRegistered.v1',
  ReferralWaitlisted: 'referrals.ReferralWaitlisted.v1',
  ReferralAccepted: 'referrals.ReferralAccepted.v1',
  CaseOpened: 'referrals.CaseOpened.v1',
  ReferralDeclined: 'referrals.ReferralDeclined.v1',
  ReferralWithdrawn: 'referrals.ReferralWithdrawn.v1',
  MandateAmended: 'referrals.MandateAmended.v1',
  CaseClosed: 'referrals.CaseClosed.v1',
} as const satisfies Record<ReferralEvent['type'], string>;

const referralIdOf = (data: Parameters<typeof textAt>[0]) => textAt(data, 'referralId');

export const referralEventCodec = new EventCodec<ReferralEvent>({
  ReferralRegistered: {
    storedType: REFERRAL_EVENT_TYPES.ReferralRegistered,
    encode: (event) => ({
      referralId: event.referralId,
      ...(event.division === undefined ? {} : { division: event.division }),
      mandate: encodeMandate(event.mandate, event.referralId),
      children: event.children.map(encodeChild),
      adults: event.adults.map(encodeAdult),
      protectiveMeasures: event.protectiveMeasures.map(encodeMeasure),
    }),
    decode: (data) => {
      const division = optionalAt(data, 'division', textAt);
      return {
        type: 'ReferralRegistered',
        referralId: referralIdOf(data),
        ...(division === undefined ? {} : { division }),
        mandate: decodeMandate(objectAt(data, 'mandate')),
        children: arrayAt(data, 'children', decodeChild),
        adults: arrayAt(data, 'adults', decodeAdult),
        protectiveMeasures: arrayAt(data, 'protectiveMeasures', decodeMeasure),
      };
    },
  },
  ReferralWaitlisted: {
    storedType: REFERRAL_EVENT_TYPES.ReferralWaitlisted,
    encode: (event) => ({ referralId: event.referralId }),
    decode: (data) => ({ type: 'ReferralWaitlisted', referralId: referralIdOf(data) }),
  },
  ReferralAccepted: {
    storedType: REFERRAL_EVENT_TYPES.ReferralAccepted,
    encode: (event) => ({ referralId: event.referralId, caseId: event.caseId, mode: event.mode }),
    decode: (data) => ({ type: 'ReferralAccepted', referralId: referralIdOf(data), caseId: textAt(data, 'caseId'), mode: oneOfAt(data, 'mode', ['BY_COORDINATOR', 'FROM_WAITING_LIST'] as const) }),
  },
  CaseOpened: {
    storedType: REFERRAL_EVENT_TYPES.CaseOpened,
    encode: (event) => ({
      referralId: event.referralId,
      caseId: event.caseId,
      mandantType: event.mandantType,
      legalBasis: event.legalBasis,
      ...(event.division === undefined ? {} : { division: event.division }),
      childIds: [...event.childIds],
      adultIds: [...event.adultIds],
      adultRoles: [...event.adultRoles],
      protectiveMeasures: event.protectiveMeasures.map((m) => ({ kind: m.kind, restrainedPersonId: m.restrainedPersonId, protectedPersonIds: [...m.protectedPersonIds] })),
      supervisedContactAllowed: event.supervisedContactAllowed,
      ...(event.mandateDecisionDate === undefined ? {} : { mandateDecisionDate: event.mandateDecisionDate }),
      ...(event.reportDeadlines === undefined ? {} : { reportDeadlines: encodeDeadlines(event.reportDeadlines) }),
    }),
    decode: (data) => {
      const division = optionalAt(data, 'division', textAt);
      const mandateDecisionDate = optionalAt(data, 'mandateDecisionDate', textAt);
      const reportDeadlines = optionalAt(data, 'reportDeadlines', (d, k) => arrayAt(d, k, decodeDeadline));
      return {
        type: 'CaseOpened',
        referralId: referralIdOf(data),
        caseId: textAt(data, 'caseId'),
        mandantType: oneOfAt(data, 'mandantType', MANDANT_TYPES),
        legalBasis: oneOfAt(data, 'legalBasis', LEGAL_BASES),
        ...(division === undefined ? {} : { division }),
        childIds: textsAt(data, 'childIds'),
        adultIds: textsAt(data, 'adultIds'),
        adultRoles: oneOfEachAt(data, 'adultRoles', ADULT_ROLES),
        protectiveMeasures: arrayAt(data, 'protectiveMeasures', (item) => ({
          kind: oneOfAt(item, 'kind', ['NO_CONTACT_ORDER', 'ADDRESS_BAN'] as const),
          restrainedPersonId: textAt(item, 'restrainedPersonId'),
          protectedPersonIds: textsAt(item, 'protectedPersonIds'),
        })),
        supervisedContactAllowed: booleanAt(data, 'supervisedContactAllowed'),
        ...(mandateDecisionDate === undefined ? {} : { mandateDecisionDate }),
        ...(reportDeadlines === undefined ? {} : { reportDeadlines }),
      };
    },
  },
  ReferralDeclined: {
    storedType: REFERRAL_EVENT_TYPES.ReferralDeclined,
    encode: (event) => ({ referralId: event.referralId, reason: event.reason, note: personalText(event.referralId, event.note) }),
    decode: (data) => ({ type: 'ReferralDeclined', referralId: referralIdOf(data), reason: oneOfAt(data, 'reason', DECLINE_REASONS), note: personalTextAt(data, 'note') }),
  },
  ReferralWithdrawn: {
    storedType: REFERRAL_EVENT_TYPES.ReferralWithdrawn,
    encode: (event) => ({ referralId: event.referralId, ...optionalPersonalText('note', event.referralId, event.note) }),
    decode: (data) => {
      const note = optionalAt(data, 'note', personalTextAt);
      return { type: 'ReferralWithdrawn', referralId: referralIdOf(data), ...(note === undefined ? {} : { note }) };
    },
  },
  MandateAmended: {
    storedType: REFERRAL_EVENT_TYPES.MandateAmended,
    encode: (event) => ({
      referralId: event.referralId,
      ...(event.caseId === undefined ? {} : { caseId: event.caseId }),
      kind: event.kind,
      decisionDate: event.decisionDate,
      ...(event.modalities === undefined ? {} : { modalities: encodeModalities(event.modalities, event.referralId) }),
      ...(event.reportDeadlines === undefined ? {} : { reportDeadlines: encodeDeadlines(event.reportDeadlines) }),
    }),
    decode: (data) => {
      const modalities = optionalAt(data, 'modalities', (d, k) => arrayAt(d, k, decodeModality));
      const reportDeadlines = optionalAt(data, 'reportDeadlines', (d, k) => arrayAt(d, k, decodeDeadline));
      const caseId = optionalAt(data, 'caseId', textAt);
      return {
        type: 'MandateAmended',
        referralId: referralIdOf(data),
        ...(caseId === undefined ? {} : { caseId }),
        kind: oneOfAt(data, 'kind', AMENDMENT_KINDS),
        decisionDate: textAt(data, 'decisionDate'),
        ...(modalities === undefined ? {} : { modalities }),
        ...(reportDeadlines === undefined ? {} : { reportDeadlines }),
      };
    },
  },
  CaseClosed: {
    storedType: REFERRAL_EVENT_TYPES.CaseClosed,
    encode: (event) => ({ referralId: event.referralId, caseId: event.caseId, outcome: event.outcome, ...optionalPersonalText('note', event.referralId, event.note) }),
    decode: (data) => {
      const note = optionalAt(data, 'note', personalTextAt);
      return { type: 'CaseClosed', referralId: referralIdOf(data), caseId: textAt(data, 'caseId'), outcome: oneOfAt(data, 'outcome', CASE_OUTCOMES), ...(note === undefined ? {} : { note }) };
    },
  },
});

/** No stored shape has been superseded yet; the registry is where v1 → v2 transforms will go. */
export const referralUpcasters = new UpcasterRegistry();
