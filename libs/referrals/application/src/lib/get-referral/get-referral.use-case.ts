import { ReferralNotFound } from '@lien/referrals-domain';
import { ReferralReadModel } from '../read-model/referral-read-model.queries';
import { ReferralRepository } from '../shared/referral-repository';
import { ReferralView, referralView } from './referral-view';

/**
 * One referral as of the read model's revision (its ETag). Names, birth dates and notes are read from
 * the sealed events up to that same revision, so the answer is one consistent version.
 */
export class GetReferralUseCase {
  constructor(
    private readonly readModel: ReferralReadModel,
    private readonly referrals: ReferralRepository,
  ) {}

  async execute(district: string, referralId: string): Promise<ReferralView> {
    const row = await this.readModel.find(district, referralId);
    if (!row) throw new ReferralNotFound();
    const { events } = await this.referrals.loadEvents(referralId, district, BigInt(row.revision));
    return referralView(row, events);
  }
}
