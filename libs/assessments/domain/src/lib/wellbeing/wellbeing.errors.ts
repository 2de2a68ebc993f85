import { DomainError } from '@lien/shared-kernel';
import { InvalidAssessmentInput } from '../case-file/case-file.errors';

export class UnknownInstrument extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_INSTRUMENT';
  constructor(field: string) {
    super("Cet instrument n'est pas dans le registre des instruments.", field);
  }
}

export class UnknownInstrumentScale extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_INSTRUMENT_SCALE';
  constructor(field: string) {
    super("Cette échelle n'existe pas pour cet instrument.", field);
  }
}

export class DerivedScoreNotAccepted extends InvalidAssessmentInput {
  readonly code = 'DERIVED_SCORE_NOT_ACCEPTED';
  constructor(field: string) {
    super('Ce score est calculé à partir des sous-échelles ; il ne se saisit pas.', field);
  }
}

export class MissingInstrumentScore extends InvalidAssessmentInput {
  readonly code = 'MISSING_INSTRUMENT_SCORE';
  constructor(field: string) {
    super('Chaque sous-échelle mesurée de l’instrument doit avoir un score.', field);
  }
}

export class ScoreOutOfRange extends InvalidAssessmentInput {
  readonly code = 'SCORE_OUT_OF_RANGE';
  constructor(field: string, min: number, max: number) {
    super(`Ce score doit être un nombre entier entre ${min} et ${max}.`, field, { min, max });
  }
}

export class UnknownRespondent extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_RESPONDENT';
  constructor(field: string) {
    super("Ce répondant n'est pas prévu par l'instrument.", field);
  }
}

export class InstrumentUsedTwice extends InvalidAssessmentInput {
  readonly code = 'INSTRUMENT_USED_TWICE';
  constructor(field: string) {
    super('Un même instrument et un même répondant ne figurent qu’une fois par évaluation.', field);
  }
}

export class BlankObservations extends InvalidAssessmentInput {
  readonly code = 'BLANK_OBSERVATIONS';
  constructor(field: string) {
    super('Chaque dimension porte des observations.', field);
  }
}

export class AssessmentAlreadyRecorded extends DomainError {
  readonly code = 'ASSESSMENT_ALREADY_RECORDED';
  readonly kind = 'conflict' as const;
  constructor() {
    super('Une autre évaluation est déjà enregistrée sous cet identifiant.');
  }
}
