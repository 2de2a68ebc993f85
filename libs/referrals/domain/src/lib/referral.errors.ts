import { DomainError } from '@lien/shared-kernel';

/** An input rule of the mandate; `field` names the offending field (never its value, which may be personal). */
export abstract class InvalidMandate extends DomainError {
  readonly kind = 'invalid-input' as const;
  protected constructor(message: string, field: string) {
    super(message, { field });
  }
}

export class MandateWithoutChild extends InvalidMandate {
  readonly code = 'MANDATE_WITHOUT_CHILD';
  constructor() {
    super('Un mandat concerne au moins un enfant.', 'children');
  }
}

export class MandateWithoutParent extends InvalidMandate {
  readonly code = 'MANDATE_WITHOUT_PARENT';
  constructor() {
    super('Un mandat concerne au moins un parent (mère, père ou autre figure parentale).', 'adults');
  }
}

export class ReportDeadlineBeforeDecision extends InvalidMandate {
  readonly code = 'REPORT_DEADLINE_BEFORE_DECISION';
  constructor(field: string) {
    super("Une échéance de rapport ne peut précéder la date de la décision.", field);
  }
}

export class DecisionDateInFuture extends InvalidMandate {
  readonly code = 'DECISION_DATE_IN_FUTURE';
  constructor(field: string) {
    super('La date de la décision ne peut être dans le futur.', field);
  }
}

export class AmendmentBeforeOriginalDecision extends InvalidMandate {
  readonly code = 'AMENDMENT_BEFORE_ORIGINAL_DECISION';
  constructor() {
    super("La décision de renouvellement ou de modification ne peut précéder la décision initiale.", 'decisionDate');
  }
}

export class BirthDateInFuture extends InvalidMandate {
  readonly code = 'BIRTH_DATE_IN_FUTURE';
  constructor(field: string) {
    super('Une date de naissance ne peut être dans le futur.', field);
  }
}

export class LegalBasisNotAllowedForMandant extends InvalidMandate {
  readonly code = 'LEGAL_BASIS_NOT_ALLOWED_FOR_MANDANT';
  constructor() {
    super("Une demande du SAJ repose sur l'accord de la famille (CONSENT_BASED).", 'mandate.legalBasis');
  }
}

export class DuplicatePersonId extends InvalidMandate {
  readonly code = 'DUPLICATE_PERSON_ID';
  constructor(field: string) {
    super('Chaque personne a son propre identifiant.', field);
  }
}

export class UnknownPersonInProtectiveMeasure extends InvalidMandate {
  readonly code = 'UNKNOWN_PERSON_IN_PROTECTIVE_MEASURE';
  constructor(field: string) {
    super("Une mesure de protection ne peut viser qu'une personne du mandat.", field);
  }
}

export class EmptyAmendment extends InvalidMandate {
  readonly code = 'EMPTY_AMENDMENT';
  constructor() {
    super('Un renouvellement ou une modification change les modalités ou les échéances.', 'modalities');
  }
}

export class ReferralAlreadyRegistered extends DomainError {
  readonly code = 'REFERRAL_ALREADY_REGISTERED';
  readonly kind = 'conflict' as const;
  constructor(referralId: string) {
    super('Cette demande est déjà enregistrée.', { referralId });
  }
}

export class ReferralNotFound extends DomainError {
  readonly code = 'REFERRAL_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor() {
    super('Demande introuvable.');
  }
}

/** A transition the referral's current status does not allow; `status` is the current one. */
export abstract class IllegalReferralTransition extends DomainError {
  readonly kind = 'rule-violation' as const;
  protected constructor(message: string, status: string) {
    super(message, { referralStatus: status });
  }
}

export class ReferralNotAcceptable extends IllegalReferralTransition {
  readonly code = 'REFERRAL_NOT_ACCEPTABLE';
  constructor(status: string) {
    super('Une demande refusée, retirée ou clôturée ne peut être acceptée.', status);
  }
}

export class ReferralNotDeclinable extends IllegalReferralTransition {
  readonly code = 'REFERRAL_NOT_DECLINABLE';
  constructor(status: string) {
    super("Seule une demande reçue ou en liste d'attente peut être refusée.", status);
  }
}

export class ReferralNotWaitlistable extends IllegalReferralTransition {
  readonly code = 'REFERRAL_NOT_WAITLISTABLE';
  constructor(status: string) {
    super("Seule une demande reçue peut être mise en liste d'attente.", status);
  }
}

export class ReferralNotWithdrawable extends IllegalReferralTransition {
  readonly code = 'REFERRAL_NOT_WITHDRAWABLE';
  constructor(status: string) {
    super('Une demande refusée ou clôturée ne peut plus être retirée.', status);
  }
}

export class MandateNotAmendable extends IllegalReferralTransition {
  readonly code = 'MANDATE_NOT_AMENDABLE';
  constructor(status: string) {
    super("Le mandat d'une demande refusée, retirée ou clôturée ne peut plus être modifié.", status);
  }
}

export class CaseNotOpen extends IllegalReferralTransition {
  readonly code = 'CASE_NOT_OPEN';
  constructor(status: string) {
    super("Seul un dossier ouvert peut être clôturé.", status);
  }
}

export class MandateIncomplete extends DomainError {
  readonly code = 'MANDATE_INCOMPLETE';
  readonly kind = 'rule-violation' as const;
  constructor(readonly missing: readonly string[]) {
    super("Le mandat est incomplet : il faut au moins une modalité ordonnée et une échéance de rapport avant l'acceptation.", { missing: missing.join(',') });
  }
}
