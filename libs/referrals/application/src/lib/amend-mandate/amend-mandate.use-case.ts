import { AmendMandate } from '@lien/referrals-domain';
import { belgianCalendarDate, CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';

export type AmendMandateInput = Omit<AmendMandate, 'type' | 'today'>;

/** Renewal or amendment of the mandate: new report deadlines, new modalities, or both. */
export class AmendMandateUseCase {
  constructor(private readonly referrals: ReferralRepository) {}

  async execute(referralId: string, input: AmendMandateInput, context: CommandContext): Promise<ReferralCommandResult> {
    const command: AmendMandate = { type: 'AmendMandate', today: belgianCalendarDate(context.at), ...input };
    return resultOf(referralId, await this.referrals.handle(referralId, command, context));
  }
}
