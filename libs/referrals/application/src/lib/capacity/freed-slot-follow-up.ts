import { CommandContext } from '../shared/command-context';
import { CaseSlots } from './case-slots';

/** What runs once a district has a free slot again: the waiting-list policy (set by the composition). */
export type OnSlotFreed = (district: string, cause: CommandContext) => Promise<void>;

/**
 * After a referral ended (declined, withdrawn, closed) its slot, if it held one, goes back to the
 * district, and the waiting list gets its chance. The policy's own failures never undo the ending.
 */
export class FreedSlotFollowUp {
  constructor(
    private readonly slots: CaseSlots,
    private readonly onSlotFreed: OnSlotFreed,
    private readonly onPolicyError: (error: unknown) => void = () => undefined,
  ) {}

  async afterReferralEnded(referralId: string, context: CommandContext): Promise<void> {
    const freed = await this.slots.release(referralId, { ...context, expectedRevision: undefined });
    if (!freed) return;
    try {
      await this.onSlotFreed(context.district, context);
    } catch (error) {
      this.onPolicyError(error);
    }
  }
}
