import { DomainError } from '@lien/shared-kernel';

/** An input rule; `field` names the offending field (never its value, which may be personal). */
export abstract class InvalidAssessmentInput extends DomainError {
  readonly kind = 'invalid-input' as const;
  protected constructor(message: string, field: string, details: Record<string, string | number> = {}) {
    super(message, { field, ...details });
  }
}

export class AssessmentFileNotFound extends DomainError {
  readonly code = 'ASSESSMENT_FILE_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor() {
    super("Aucun dossier d'évaluation n'est ouvert pour ce dossier.");
  }
}

export class ChildRequired extends InvalidAssessmentInput {
  readonly code = 'CHILD_REQUIRED';
  constructor() {
    super("Le dossier concerne plusieurs enfants : précisez l'enfant concerné.", 'childId');
  }
}

export class ChildNotInCase extends InvalidAssessmentInput {
  readonly code = 'CHILD_NOT_IN_CASE';
  constructor() {
    super("Cet enfant n'est pas concerné par ce dossier.", 'childId');
  }
}

export class DateInFuture extends InvalidAssessmentInput {
  readonly code = 'DATE_IN_FUTURE';
  constructor(field: string) {
    super('Cette date ne peut être dans le futur.', field);
  }
}
