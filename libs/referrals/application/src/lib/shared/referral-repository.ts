import { EventStore } from '@lien/shared-event-store';
import { CommandHandled, CommandHandler } from '@lien/shared-event-sourcing';
import { FINAL_STATUSES, referralDecider, ReferralCommand, ReferralEvent, ReferralState } from '@lien/referrals-domain';
import { referralEventCodec, referralUpcasters } from '../codec/referral-event.codec';
import { CommandContext, metadataOf } from './command-context';
import { referralStream } from './referral-streams';

export interface LoadedReferral {
  readonly state: ReferralState;
  /** Revision of the stream's last event; `undefined` when the referral does not exist. */
  readonly revision?: bigint;
}

/** Reads and writes referral streams through the decider: the one place that knows their stream names and codec. */
export class ReferralRepository {
  private readonly handler: CommandHandler<ReferralCommand, ReferralEvent, ReferralState>;

  constructor(private readonly store: EventStore) {
    this.handler = new CommandHandler(store, { decider: referralDecider, codec: referralEventCodec, upcasters: referralUpcasters });
  }

  async load(referralId: string, district: string, upToRevision?: bigint): Promise<LoadedReferral> {
    const { events, revision } = await this.loadEvents(referralId, district, upToRevision);
    const state = events.reduce(referralDecider.evolve, referralDecider.initialState());
    return { state, ...(revision === undefined ? {} : { revision }) };
  }

  /** The referral's events (personal fields opened, or erased), up to and including `upToRevision` when given. */
  async loadEvents(referralId: string, district: string, upToRevision?: bigint): Promise<{ events: ReferralEvent[]; revision?: bigint }> {
    const stored = await this.store.readStream(referralStream(referralId), {
      district,
      ...(upToRevision === undefined ? {} : { maxCount: Number(upToRevision) + 1 }),
    });
    const last = stored[stored.length - 1];
    return { events: stored.map((event) => referralEventCodec.decode(referralUpcasters.upcast(event))), ...(last ? { revision: last.revision } : {}) };
  }

  /** Decides on the current stream and appends; with `context.expectedRevision`, only if the caller saw this revision. */
  handle(referralId: string, command: ReferralCommand, context: CommandContext): Promise<CommandHandled<ReferralEvent, ReferralState>> {
    return this.handler.handle(referralStream(referralId), command, {
      metadata: metadataOf(context),
      ...(context.expectedRevision === undefined ? {} : { expectedRevision: context.expectedRevision }),
    });
  }
}

export function hasEnded(state: ReferralState): boolean {
  return state.status !== 'NONE' && FINAL_STATUSES.includes(state.status);
}
