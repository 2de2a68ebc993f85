import { CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';

/** The referral keeps the place it takes now; the waiting-list policy accepts the oldest first. */
export class WaitlistReferralUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(referralId: string, context: CommandContext): Promise<ReferralCommandResult> {
    return resultOf(referralId, await this.referrals.handle(referralId, { type: 'WaitlistReferral' }, context));
  }
}
