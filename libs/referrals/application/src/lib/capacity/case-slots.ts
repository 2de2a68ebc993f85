import { EventStore, StreamRevisionConflict } from '@lien/shared-event-store';
import { CommandHandler } from '@lien/shared-event-sourcing';
import { DistrictCapacityCommand, districtCapacityDecider, DistrictCapacityEvent, DistrictCapacityState, freeSlots } from '@lien/referrals-domain';
import { districtCapacityCodec } from '../codec/intake-event.codec';
import { CommandContext, metadataOf } from '../shared/command-context';
import { IntakeBusy } from '../shared/intake-errors';
import { districtCapacityStream } from '../shared/referral-streams';

/** How many cases each district can hold open at once (from `config/districts.json` in the app). */
export abstract class DistrictCapacities {
  abstract capacityOf(district: string): number;
}

/** The open-case slots of each district, counted on one stream per district. */
export class CaseSlots {
  private readonly handler: CommandHandler<DistrictCapacityCommand, DistrictCapacityEvent, DistrictCapacityState>;

  constructor(
    private readonly store: EventStore,
    private readonly capacities: DistrictCapacities,
  ) {
    // Retried: each attempt decides again on the newest count, which is always the right thing for a counter.
    this.handler = new CommandHandler(store, { decider: districtCapacityDecider, codec: districtCapacityCodec, maxRetries: 8 });
  }

  async take(referralId: string, context: CommandContext): Promise<void> {
    await this.run({ type: 'TakeCaseSlot', referralId, capacity: this.capacities.capacityOf(context.district) }, context);
  }

  /** Releases the slot the referral holds, if any; returns whether one was freed. */
  async release(referralId: string, context: CommandContext): Promise<boolean> {
    return this.run({ type: 'ReleaseCaseSlot', referralId }, context);
  }

  async freeSlots(district: string): Promise<number> {
    return freeSlots(await this.state(district), this.capacities.capacityOf(district));
  }

  /** Referrals holding a slot: the district's open cases. */
  async holders(district: string): Promise<readonly string[]> {
    return (await this.state(district)).holders;
  }

  capacityOf(district: string): number {
    return this.capacities.capacityOf(district);
  }

  private async state(district: string): Promise<DistrictCapacityState> {
    const stored = await this.store.readStream(districtCapacityStream(district), { district });
    return stored.map((event) => districtCapacityCodec.decode(event)).reduce(districtCapacityDecider.evolve, districtCapacityDecider.initialState());
  }

  private async run(command: DistrictCapacityCommand, context: CommandContext): Promise<boolean> {
    try {
      const handled = await this.handler.handle(districtCapacityStream(context.district), command, { metadata: metadataOf(context) });
      return handled.newEvents.length > 0;
    } catch (error) {
      if (error instanceof StreamRevisionConflict) throw new IntakeBusy();
      throw error;
    }
  }
}
