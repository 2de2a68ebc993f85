import { EventStore } from '@lien/shared-event-store';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { AcceptReferralUseCase } from './accept-referral/accept-referral.use-case';
import { AmendMandateUseCase } from './amend-mandate/amend-mandate.use-case';
import { CaseSlots, DistrictCapacities } from './capacity/case-slots';
import { FreedSlotFollowUp } from './capacity/freed-slot-follow-up';
import { CloseCaseUseCase } from './close-case/close-case.use-case';
import { DeclineReferralUseCase } from './decline-referral/decline-referral.use-case';
import { GetReferralUseCase } from './get-referral/get-referral.use-case';
import { ListReferralsUseCase } from './list-referrals/list-referrals.use-case';
import { PromoteWaitingListUseCase } from './promote-waiting-list/promote-waiting-list.use-case';
import { ReferralReadModel } from './read-model/referral-read-model.queries';
import { RegisterReferralUseCase } from './register-referral/register-referral.use-case';
import { ReferralRepository } from './shared/referral-repository';
import { WaitlistReferralUseCase } from './waitlist-referral/waitlist-referral.use-case';
import { WithdrawReferralUseCase } from './withdraw-referral/withdraw-referral.use-case';

export interface ReferralsApplicationDependencies {
  /** The protected store: personal fields sealed on the way in, opened on the way out. */
  readonly store: EventStore;
  readonly database: DistrictScopedDatabase;
  readonly capacities: DistrictCapacities;
  /** Failures of the waiting-list policy after a slot freed; never personal data in them. */
  readonly onPolicyError?: (error: unknown) => void;
}

/** Every use case of the service, wired on one event store and one read-model database. */
export class ReferralsApplication {
  readonly register: RegisterReferralUseCase;
  readonly waitlist: WaitlistReferralUseCase;
  readonly accept: AcceptReferralUseCase;
  readonly decline: DeclineReferralUseCase;
  readonly withdraw: WithdrawReferralUseCase;
  readonly amend: AmendMandateUseCase;
  readonly close: CloseCaseUseCase;
  readonly promoteWaitingList: PromoteWaitingListUseCase;
  readonly get: GetReferralUseCase;
  readonly list: ListReferralsUseCase;
  readonly slots: CaseSlots;

  constructor(dependencies: ReferralsApplicationDependencies) {
    const referrals = new ReferralRepository(dependencies.store);
    const readModel = new ReferralReadModel(dependencies.database);
    this.slots = new CaseSlots(dependencies.store, dependencies.capacities);
    this.accept = new AcceptReferralUseCase(referrals, this.slots);
    this.promoteWaitingList = new PromoteWaitingListUseCase(readModel, this.slots, this.accept);
    const followUp = new FreedSlotFollowUp(
      this.slots,
      async (district, cause) => void (await this.promoteWaitingList.execute(district, cause)),
      dependencies.onPolicyError,
    );
    this.register = new RegisterReferralUseCase(dependencies.store, referrals);
    this.waitlist = new WaitlistReferralUseCase(referrals);
    this.decline = new DeclineReferralUseCase(referrals, followUp);
    this.withdraw = new WithdrawReferralUseCase(referrals, followUp);
    this.amend = new AmendMandateUseCase(referrals);
    this.close = new CloseCaseUseCase(referrals, followUp);
    this.get = new GetReferralUseCase(readModel, referrals);
    this.list = new ListReferralsUseCase(readModel);
  }
}
