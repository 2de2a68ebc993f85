import { FreedSlotFollowUp } from '../capacity/freed-slot-follow-up';
import { CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';

export interface WithdrawReferralInput {
  readonly note?: string;
}

/** Withdrawal by the mandant; an open case closes with it and frees its slot. */
export class WithdrawReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly followUp: FreedSlotFollowUp,
  ) {}

  async execute(referralId: string, input: WithdrawReferralInput, context: CommandContext): Promise<ReferralCommandResult> {
    const result = resultOf(referralId, await this.referrals.handle(referralId, { type: 'WithdrawReferral', ...input }, context));
    await this.followUp.afterReferralEnded(referralId, context);
    return result;
  }
}
