import { InvalidAssessmentInput } from '../case-file/case-file.errors';

export class UnknownRiskFactor extends InvalidAssessmentInput {
  readonly code = 'UNKNOWN_RISK_FACTOR';
  constructor(field: string) {
    super("Ce facteur de risque n'est pas dans la liste.", field);
  }
}

export class OverrideWithoutReason extends InvalidAssessmentInput {
  readonly code = 'OVERRIDE_WITHOUT_REASON';
  constructor() {
    super('Un jugement professionnel qui modifie le niveau de risque doit être motivé par écrit.', 'override.reason');
  }
}

export class OverrideKeepsScoredLevel extends InvalidAssessmentInput {
  readonly code = 'OVERRIDE_KEEPS_SCORED_LEVEL';
  constructor() {
    super('Le jugement professionnel donne le même niveau que l’évaluation structurée : rien à modifier.', 'override.level');
  }
}
