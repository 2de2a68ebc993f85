import { CommandHandled } from '@lien/shared-event-sourcing';
import { ReferralEvent, ReferralState, ReferralStatus } from '@lien/referrals-domain';

export interface ReferralCommandResult {
  readonly referralId: string;
  readonly status: ReferralStatus;
  /** The referral stream's revision after the command: the next `ETag`. */
  readonly revision: bigint;
  /** False when the command changed nothing (it had already been applied). */
  readonly changed: boolean;
  readonly caseId?: string;
}

export function resultOf(referralId: string, handled: CommandHandled<ReferralEvent, ReferralState>): ReferralCommandResult {
  const state = handled.newState;
  if (state.status === 'NONE' || handled.nextExpectedRevision === 'no-stream') throw new Error('a handled referral command leaves a registered referral');
  return {
    referralId,
    status: state.status,
    revision: handled.nextExpectedRevision,
    changed: handled.newEvents.length > 0,
    ...(state.caseId ? { caseId: state.caseId } : {}),
  };
}
