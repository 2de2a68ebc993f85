import { JsonObject } from '@lien/shared-event-store';
import {
  ADULT_ROLES, Adult, Child, LEGAL_BASES, MANDANT_TYPES, Mandate, Modality, MODALITY_KINDS, ProtectiveMeasure, REPORT_KINDS, ReportDeadline,
} from '@lien/referrals-domain';
import { arrayAt, integerAt, MalformedStoredData, oneOfAt, optionalAt, personalTextAt, textAt, textsAt } from './json-reader';
import { optionalPersonalText, personalText } from './personal-fields';

/** Drops the keys whose value is undefined, so optional fields stay absent rather than `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function definedJson(value: Record<string, JsonObject[string] | undefined>): JsonObject {
  return defined(value) as JsonObject;
}

export function encodeMandate(mandate: Mandate, referralId: string): JsonObject {
  return {
    mandantType: mandate.mandantType,
    reference: mandate.reference,
    decisionDate: mandate.decisionDate,
    legalBasis: mandate.legalBasis,
    modalities: encodeModalities(mandate.modalities, referralId),
    reportDeadlines: encodeDeadlines(mandate.reportDeadlines),
  };
}

export function decodeMandate(data: JsonObject): Mandate {
  return {
    mandantType: oneOfAt(data, 'mandantType', MANDANT_TYPES),
    reference: textAt(data, 'reference'),
    decisionDate: textAt(data, 'decisionDate'),
    legalBasis: oneOfAt(data, 'legalBasis', LEGAL_BASES),
    modalities: arrayAt(data, 'modalities', decodeModality),
    reportDeadlines: arrayAt(data, 'reportDeadlines', decodeDeadline),
  };
}

/** Free-text notes may name people: they are sealed under the referral's own key. */
export function encodeModalities(modalities: readonly Modality[], referralId: string): JsonObject[] {
  return modalities.map((modality) =>
    definedJson({
      kind: modality.kind,
      sessionsPerMonth: modality.sessionsPerMonth,
      durationMonths: modality.durationMonths,
      ...optionalPersonalText('note', referralId, modality.note),
    }),
  );
}

export function decodeModality(data: JsonObject): Modality {
  return defined({
    kind: oneOfAt(data, 'kind', MODALITY_KINDS),
    sessionsPerMonth: optionalAt(data, 'sessionsPerMonth', integerAt),
    durationMonths: optionalAt(data, 'durationMonths', integerAt),
    note: optionalAt(data, 'note', personalTextAt),
  });
}

export function encodeDeadlines(deadlines: readonly ReportDeadline[]): JsonObject[] {
  return deadlines.map((deadline) => ({ kind: deadline.kind, dueOn: deadline.dueOn }));
}

export function decodeDeadline(data: JsonObject): ReportDeadline {
  return { kind: oneOfAt(data, 'kind', REPORT_KINDS), dueOn: textAt(data, 'dueOn') };
}

export function encodeChild(child: Child): JsonObject {
  const id = child.personId;
  return { personId: id, firstName: personalText(id, child.firstName), lastName: personalText(id, child.lastName), birthDate: personalText(id, child.birthDate) };
}

export function decodeChild(data: JsonObject): Child {
  return { personId: textAt(data, 'personId'), firstName: personalTextAt(data, 'firstName'), lastName: personalTextAt(data, 'lastName'), birthDate: personalTextAt(data, 'birthDate') };
}

export function encodeAdult(adult: Adult): JsonObject {
  const id = adult.personId;
  return {
    personId: id,
    role: adult.role,
    firstName: personalText(id, adult.firstName),
    lastName: personalText(id, adult.lastName),
    ...optionalPersonalText('birthDate', id, adult.birthDate),
    ...optionalPersonalText('address', id, adult.address),
  };
}

export function decodeAdult(data: JsonObject): Adult {
  return defined({
    personId: textAt(data, 'personId'),
    role: oneOfAt(data, 'role', ADULT_ROLES),
    firstName: personalTextAt(data, 'firstName'),
    lastName: personalTextAt(data, 'lastName'),
    birthDate: optionalAt(data, 'birthDate', personalTextAt),
    address: optionalAt(data, 'address', personalTextAt),
  });
}

export function encodeMeasure(measure: ProtectiveMeasure): JsonObject {
  switch (measure.kind) {
    case 'NO_CONTACT_ORDER':
      return definedJson({ kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: [...measure.protectedPersonIds], until: measure.until });
    case 'ADDRESS_BAN':
      // The banned address is where the protected person lives: it is theirs.
      return definedJson({
        kind: measure.kind,
        restrainedPersonId: measure.restrainedPersonId,
        protectedPersonId: measure.protectedPersonId,
        address: personalText(measure.protectedPersonId, measure.address),
        until: measure.until,
      });
    case 'VICTIM_ADDRESS_CONFIDENTIAL':
      return { kind: measure.kind, protectedPersonId: measure.protectedPersonId };
  }
}

export function decodeMeasure(data: JsonObject): ProtectiveMeasure {
  const kind = textAt(data, 'kind');
  const until = optionalAt(data, 'until', textAt);
  switch (kind) {
    case 'NO_CONTACT_ORDER':
      return defined({ kind, restrainedPersonId: textAt(data, 'restrainedPersonId'), protectedPersonIds: textsAt(data, 'protectedPersonIds'), until });
    case 'ADDRESS_BAN':
      return defined({
        kind,
        restrainedPersonId: textAt(data, 'restrainedPersonId'),
        protectedPersonId: textAt(data, 'protectedPersonId'),
        address: personalTextAt(data, 'address'),
        until,
      });
    case 'VICTIM_ADDRESS_CONFIDENTIAL':
      return { kind, protectedPersonId: textAt(data, 'protectedPersonId') };
    default:
      throw new MalformedStoredData('unknown protective measure kind');
  }
}

