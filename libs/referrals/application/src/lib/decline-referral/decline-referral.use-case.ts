import { DeclineReason } from '@lien/referrals-domain';
import { FreedSlotFollowUp } from '../capacity/freed-slot-follow-up';
import { CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';

export interface DeclineReferralInput {
  readonly reason: DeclineReason;
  readonly note: string;
}

export class DeclineReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly followUp: FreedSlotFollowUp,
  ) {}

  async execute(referralId: string, input: DeclineReferralInput, context: CommandContext): Promise<ReferralCommandResult> {
    const result = resultOf(referralId, await this.referrals.handle(referralId, { type: 'DeclineReferral', ...input }, context));
    await this.followUp.afterReferralEnded(referralId, context);
    return result;
  }
}
