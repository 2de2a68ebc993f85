import { CalendarDate, isErased, Mandate, PARENT_ROLES, Personal, ProtectiveMeasure, ReportDeadline } from './mandate.types';
import { AmendMandate, RegisterReferral } from './referral.commands';
import {
  AmendmentBeforeOriginalDecision, BirthDateInFuture, DecisionDateInFuture, DuplicatePersonId, EmptyAmendment, LegalBasisNotAllowedForMandant,
  MandateIncomplete, MandateWithoutChild, MandateWithoutParent, ReportDeadlineBeforeDecision, UnknownPersonInProtectiveMeasure,
} from './referral.errors';

/** Every rule a new mandate must satisfy before anything is recorded; throws the first broken one. */
export function checkRegistration(command: RegisterReferral): void {
  const { mandate, children, adults, today } = command;
  if (children.length === 0) throw new MandateWithoutChild();
  if (!adults.some((adult) => PARENT_ROLES.includes(adult.role))) throw new MandateWithoutParent();
  if (mandate.mandantType === 'SAJ' && mandate.legalBasis !== 'CONSENT_BASED') throw new LegalBasisNotAllowedForMandant();
  if (mandate.decisionDate > today) throw new DecisionDateInFuture('mandate.decisionDate');
  checkDeadlines(mandate.reportDeadlines, mandate.decisionDate, 'mandate.reportDeadlines');
  children.forEach((child, index) => checkBirthDate(child.birthDate, today, `children.${index}.birthDate`));
  adults.forEach((adult, index) => checkBirthDate(adult.birthDate, today, `adults.${index}.birthDate`));
  const personIds = [...children.map((child) => child.personId), ...adults.map((adult) => adult.personId)];
  personIds.forEach((id, index) => {
    if (personIds.indexOf(id) !== index) throw new DuplicatePersonId(index < children.length ? `children.${index}.personId` : `adults.${index - children.length}.personId`);
  });
  command.protectiveMeasures.forEach((measure, index) => checkMeasurePersons(measure, new Set(personIds), `protectiveMeasures.${index}`));
}

export function checkAmendment(command: AmendMandate, current: Mandate): void {
  if (command.modalities === undefined && command.reportDeadlines === undefined) throw new EmptyAmendment();
  if (command.decisionDate > command.today) throw new DecisionDateInFuture('decisionDate');
  if (command.decisionDate < current.decisionDate) throw new AmendmentBeforeOriginalDecision();
  if (command.reportDeadlines) checkDeadlines(command.reportDeadlines, command.decisionDate, 'reportDeadlines');
}

/** Acceptance commits the clinic to work under the mandate: it must say what was ordered and when to report. */
export function checkCompleteForAcceptance(mandate: Mandate): void {
  const missing = [
    ...(mandate.modalities.length === 0 ? ['modalities'] : []),
    ...(mandate.reportDeadlines.length === 0 ? ['reportDeadlines'] : []),
  ];
  if (missing.length > 0) throw new MandateIncomplete(missing);
}

function checkDeadlines(deadlines: readonly ReportDeadline[], decisionDate: CalendarDate, field: string): void {
  deadlines.forEach((deadline, index) => {
    if (deadline.dueOn < decisionDate) throw new ReportDeadlineBeforeDecision(`${field}.${index}.dueOn`);
  });
}

function checkBirthDate(birthDate: Personal<CalendarDate> | undefined, today: CalendarDate, field: string): void {
  if (birthDate !== undefined && !isErased(birthDate) && birthDate > today) throw new BirthDateInFuture(field);
}

function checkMeasurePersons(measure: ProtectiveMeasure, known: ReadonlySet<string>, field: string): void {
  const check = (id: string, path: string) => {
    if (!known.has(id)) throw new UnknownPersonInProtectiveMeasure(`${field}.${path}`);
  };
  switch (measure.kind) {
    case 'NO_CONTACT_ORDER':
      check(measure.restrainedPersonId, 'restrainedPersonId');
      measure.protectedPersonIds.forEach((id, index) => check(id, `protectedPersonIds.${index}`));
      return;
    case 'ADDRESS_BAN':
      check(measure.restrainedPersonId, 'restrainedPersonId');
      check(measure.protectedPersonId, 'protectedPersonId');
      return;
    case 'VICTIM_ADDRESS_CONFIDENTIAL':
      check(measure.protectedPersonId, 'protectedPersonId');
  }
}
