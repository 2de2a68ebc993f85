import { randomUUID } from 'node:crypto';
import { StreamRevisionConflict } from '@lien/shared-event-store';
import { AcceptanceMode, AcceptReferral, referralDecider, ReferralNotFound } from '@lien/referrals-domain';
import { CaseSlots } from '../capacity/case-slots';
import { CommandContext } from '../shared/command-context';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { ReferralRepository } from '../shared/referral-repository';
import { referralStream } from '../shared/referral-streams';

/**
 * Acceptance opens a case, so it takes one of the district's open-case slots first. If the referral
 * then cannot be written (it changed meanwhile), the slot is given back. A crash in between leaves the
 * slot held by this referral: a retried acceptance finds it again, and ending the referral frees it.
 */
export class AcceptReferralUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly slots: CaseSlots,
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(referralId: string, context: CommandContext, mode: AcceptanceMode = 'BY_COORDINATOR'): Promise<ReferralCommandResult> {
    const loaded = await this.referrals.load(referralId, context.district);
    if (loaded.revision === undefined) throw new ReferralNotFound();
    const expected = context.expectedRevision ?? loaded.revision;
    if (expected !== 'any' && expected !== 'stream-exists' && expected !== loaded.revision) {
      throw new StreamRevisionConflict(referralStream(referralId), expected, loaded.revision);
    }
    const command: AcceptReferral = { type: 'AcceptReferral', caseId: this.newId(), mode };
    // Decided once before taking a slot, so a refused acceptance never touches the district's capacity.
    if (referralDecider.decide(command, loaded.state).length === 0) {
      return resultOf(referralId, { newEvents: [], newState: loaded.state, nextExpectedRevision: loaded.revision });
    }
    await this.slots.take(referralId, context);
    try {
      return resultOf(referralId, await this.referrals.handle(referralId, command, { ...context, expectedRevision: loaded.revision }));
    } catch (error) {
      await this.slots.release(referralId, context);
      throw error;
    }
  }
}
