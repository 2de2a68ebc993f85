import { DomainError } from '@lien/shared-kernel';
import { InvalidAssessmentInput } from '../case-file/case-file.errors';

export class DecisionWithoutRationale extends InvalidAssessmentInput {
  readonly code = 'DECISION_WITHOUT_RATIONALE';
  constructor() {
    super('Une décision sur la pertinence du lien porte une motivation écrite.', 'rationale');
  }
}

export class DecisionWithoutChildWishes extends InvalidAssessmentInput {
  readonly code = 'DECISION_WITHOUT_CHILD_WISHES';
  constructor() {
    super("Une décision sur la pertinence du lien rapporte les souhaits exprimés par l'enfant.", 'childWishes');
  }
}

export class DecisionWithoutAssessments extends InvalidAssessmentInput {
  readonly code = 'DECISION_WITHOUT_ASSESSMENTS';
  constructor() {
    super('Une décision repose sur au moins une évaluation du dossier.', 'assessmentIds');
  }
}

export class UnknownAssessmentReference extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_ASSESSMENT_REFERENCE';
  constructor(field: string) {
    super("Cette évaluation n'existe pas dans ce dossier.", field);
  }
}

export class AdaptationWithoutModalities extends InvalidAssessmentInput {
  readonly code = 'ADAPTATION_WITHOUT_MODALITIES';
  constructor() {
    super('Une décision d’adaptation décrit les nouvelles modalités.', 'adaptedModalities');
  }
}

export class ModalitiesWithoutAdaptation extends InvalidAssessmentInput {
  readonly code = 'MODALITIES_WITHOUT_ADAPTATION';
  constructor() {
    super('Seule une décision d’adaptation décrit de nouvelles modalités.', 'adaptedModalities');
  }
}

export class DecisionNotFound extends DomainError {
  readonly code = 'DECISION_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor() {
    super('Décision introuvable dans ce dossier.');
  }
}

export class DecisionAlreadyExists extends DomainError {
  readonly code = 'DECISION_ALREADY_EXISTS';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Une autre décision existe déjà sous cet identifiant ; une décision ne se modifie pas, elle est remplacée.');
  }
}

export class DraftDecisionPending extends DomainError {
  readonly code = 'DRAFT_DECISION_PENDING';
  readonly kind = 'rule-violation' as const;
  constructor(pendingDecisionId: string) {
    super('Un projet de décision attend déjà sa cosignature : cosignez-le ou retirez-le.', { pendingDecisionId });
  }
}

export class CoSignatureByAuthor extends DomainError {
  readonly code = 'CO_SIGNATURE_BY_AUTHOR';
  readonly kind = 'forbidden' as const;
  constructor() {
    super("La cosignature revient à un second clinicien, pas à l'auteur de la décision.");
  }
}

export class DecisionNotADraft extends DomainError {
  readonly code = 'DECISION_NOT_A_DRAFT';
  readonly kind = 'rule-violation' as const;
  constructor(status: string) {
    super("Cette décision n'est plus un projet.", { status });
  }
}
