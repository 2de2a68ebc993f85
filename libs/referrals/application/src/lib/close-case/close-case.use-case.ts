import { CaseOutcome } from '@lien/referrals-domain';
import { FreedSlotFollowUp } from '../capacity/freed-slot-follow-up';
import { CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';

export interface CloseCaseInput {
  readonly outcome: CaseOutcome;
  readonly note?: string;
}

/** Closing a case frees its slot, and the oldest waitlisted referral of the district may take it. */
export class CloseCaseUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly followUp: FreedSlotFollowUp,
  ) {}

  async execute(referralId: string, input: CloseCaseInput, context: CommandContext): Promise<ReferralCommandResult> {
    const result = resultOf(referralId, await this.referrals.handle(referralId, { type: 'CloseCase', ...input }, context));
    await this.followUp.afterReferralEnded(referralId, context);
    return result;
  }
}
