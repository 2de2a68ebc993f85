import { DomainError } from '@lien/shared-kernel';
import { ProblemDetailsFilter } from './problem-details.filter';

class ReferralAlreadyDeclined extends DomainError {
  readonly code = 'REFERRAL_ALREADY_DECLINED';
  readonly kind = 'rule-violation' as const;
  constructor() {
    super('Cette orientation a déjà été refusée.', { status: 'DECLINED', code: 'shadow' });
  }
}

describe('domain errors as problem details', () => {
  it('given a domain error whose details reuse the names status and code, when mapped, then the HTTP status and the stable code win', () => {
    const problem = new ProblemDetailsFilter().toProblem(new ReferralAlreadyDeclined());
    expect(problem).toMatchObject({ status: 409, code: 'REFERRAL_ALREADY_DECLINED', type: 'https://lien.example.org/problems/referral-already-declined' });
  });
});
