import { isDomainError } from '@lien/shared-kernel';
import { DistrictAtCapacity } from '@lien/referrals-domain';
import { AcceptReferralUseCase } from '../accept-referral/accept-referral.use-case';
import { CaseSlots } from '../capacity/case-slots';
import { CommandContext, WAITING_LIST_POLICY_ACTOR } from '../shared/command-context';

/** The waitlisted referrals of a district, oldest first (read model). */
export abstract class WaitingList {
  abstract oldestFirst(district: string, limit: number): Promise<string[]>;
}

/**
 * The waiting-list policy: while the district has a free slot, the oldest waitlisted referral is
 * accepted. Waitlisting already was the coordinator's decision to take the referral when room frees,
 * so no second decision is asked for. A referral that cannot be accepted (mandate still incomplete,
 * withdrawn meanwhile) keeps its place and the next one is tried.
 */
export class PromoteWaitingListUseCase {
  constructor(
    private readonly waitingList: WaitingList,
    private readonly slots: CaseSlots,
    private readonly accept: AcceptReferralUseCase,
  ) {}

  /** Returns the referrals it accepted, in order. Level-triggered: running it again when nothing changed does nothing. */
  async execute(district: string, cause: CommandContext): Promise<string[]> {
    const context: CommandContext = { ...cause, district, actor: WAITING_LIST_POLICY_ACTOR, expectedRevision: undefined };
    const accepted: string[] = [];
    const passedOver = new Set<string>();
    while ((await this.slots.freeSlots(district)) > 0) {
      const candidates = await this.waitingList.oldestFirst(district, passedOver.size + 1);
      const candidate = candidates.find((id) => !passedOver.has(id));
      if (!candidate) break;
      try {
        const result = await this.accept.execute(candidate, context, 'FROM_WAITING_LIST');
        if (result.changed) accepted.push(candidate);
        // The read model may lag behind an acceptance that already happened: not accepted twice, just passed over.
        else passedOver.add(candidate);
      } catch (error) {
        if (error instanceof DistrictAtCapacity) break;
        if (!isDomainError(error)) throw error;
        passedOver.add(candidate);
      }
    }
    return accepted;
  }
}
