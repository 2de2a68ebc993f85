import { DomainError } from '@lien/shared-kernel';
import { InvalidAssessmentInput } from '../case-file/case-file.errors';

export class ReportWithoutAssessment extends DomainError {
  readonly code = 'REPORT_WITHOUT_ASSESSMENT';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('Un rapport au mandant repose sur au moins une évaluation enregistrée.');
  }
}

export class UnknownReportDeadline extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_REPORT_DEADLINE';
  constructor() {
    super("Cette échéance n'est pas une échéance de rapport du mandat.", 'deadlineDueOn');
  }
}

export class ReportKindMismatch extends InvalidAssessmentInput {
  readonly code = 'REPORT_KIND_MISMATCH';
  constructor(field: string) {
    super('Une nouvelle version garde le type et l’échéance du rapport.', field);
  }
}

export class ReportVersionNotFound extends DomainError {
  readonly code = 'REPORT_VERSION_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor() {
    super('Version de rapport introuvable.');
  }
}

export class ReportVersionSuperseded extends DomainError {
  readonly code = 'REPORT_VERSION_SUPERSEDED';
  readonly kind = 'rule-violation' as const;
  constructor(latestVersion: number) {
    super('Une version plus récente de ce rapport existe.', { latestVersion });
  }
}

export class ReportAlreadySent extends DomainError {
  readonly code = 'REPORT_ALREADY_SENT';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('Cette version a déjà été envoyée au mandant.');
  }
}

export class ReportSignOffNeedsCoordinator extends DomainError {
  readonly code = 'REPORT_SIGN_OFF_NEEDS_COORDINATOR';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('Des deux signatures, l’une au moins est celle d’un·e responsable de service.');
  }
}

export class ReportNotSignedOff extends DomainError {
  readonly code = 'REPORT_NOT_SIGNED_OFF';
  readonly kind = 'rule-violation' as const;
  constructor(signatures: number) {
    super('Un rapport est signé par deux personnes avant son envoi.', { signatures });
  }
}
