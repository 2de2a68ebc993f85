import { randomUUID } from 'node:crypto';
import { EventStore, StreamRevisionConflict } from '@lien/shared-event-store';
import {
  HolderStatus, initialReferralState, mandateReferenceDecider, MandateReferenceState, referralDecider, RegisterReferral,
} from '@lien/referrals-domain';
import { mandateReferenceCodec } from '../codec/intake-event.codec';
import { belgianCalendarDate, CommandContext, metadataOf } from '../shared/command-context';
import { IntakeBusy } from '../shared/intake-errors';
import { ReferralCommandResult, resultOf } from '../shared/referral-command-result';
import { hasEnded, ReferralRepository } from '../shared/referral-repository';
import { mandateReferenceStream } from '../shared/referral-streams';

export type RegisterReferralInput = Omit<RegisterReferral, 'type' | 'referralId' | 'today'>;

const RESERVATION_ATTEMPTS = 4;

/**
 * Registers a mandate: the rules first (nothing is written for an invalid mandate), then the reservation
 * of its reference in the district, then the referral's own stream.
 */
export class RegisterReferralUseCase {
  constructor(
    private readonly store: EventStore,
    private readonly referrals: ReferralRepository,
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(input: RegisterReferralInput, context: CommandContext): Promise<ReferralCommandResult> {
    const referralId = this.newId();
    const command: RegisterReferral = { type: 'RegisterReferral', referralId, today: belgianCalendarDate(context.at), ...input };
    referralDecider.decide(command, initialReferralState());
    await this.reserveReference(command, context);
    const handled = await this.referrals.handle(referralId, command, { ...context, expectedRevision: 'no-stream' });
    return resultOf(referralId, handled);
  }

  /**
   * The optimistic concurrency of the reservation stream is the lock: of two registrations that read
   * the same revision, one append fails and that one decides again on what the winner wrote.
   */
  private async reserveReference(command: RegisterReferral, context: CommandContext): Promise<void> {
    const stream = mandateReferenceStream(context.district, command.mandate.mandantType, command.mandate.reference);
    for (let attempt = 0; attempt < RESERVATION_ATTEMPTS; attempt += 1) {
      const stored = await this.store.readStream(stream, { district: context.district });
      const state = stored.map((event) => mandateReferenceCodec.decode(event)).reduce(mandateReferenceDecider.evolve, mandateReferenceDecider.initialState());
      const holderStatus = await this.holderStatus(state, context.district);
      const events = mandateReferenceDecider.decide({ type: 'ReserveMandateReference', referralId: command.referralId, at: context.at.toISOString(), holderStatus }, state);
      if (events.length === 0) return;
      const last = stored[stored.length - 1];
      try {
        const toAppend = events.map((event) => ({ ...mandateReferenceCodec.encode(event), metadata: metadataOf(context) }));
        await this.store.append(stream, toAppend, { expectedRevision: last ? last.revision : 'no-stream' });
        return;
      } catch (error) {
        if (!(error instanceof StreamRevisionConflict)) throw error;
      }
    }
    throw new IntakeBusy();
  }

  private async holderStatus(state: MandateReferenceState, district: string): Promise<HolderStatus> {
    if (!state.holder) return 'ACTIVE';
    const holder = await this.referrals.load(state.holder.referralId, district);
    if (holder.state.status === 'NONE') return 'MISSING';
    return hasEnded(holder.state) ? 'ENDED' : 'ACTIVE';
  }
}
