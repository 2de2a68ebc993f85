import { ProposedHouseholdWindows } from '@lien/sessions-domain';
import { BookedSlot } from '../booking/resource-bookings';
import { DistrictSettingsCatalog } from '../district-settings/district-session-settings';
import { CommandContext } from '../plan-store/command-context';
import { bookedSlotOf, PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface RescheduleSessionInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly separation?: readonly ProposedHouseholdWindows[];
}

/** Moves a session: the new slot is reserved first, the old one released only once the plan recorded the move. */
export class RescheduleSession {
  constructor(
    private readonly runner: PlanCommandRunner,
    private readonly settings: DistrictSettingsCatalog,
  ) {}

  async execute(input: RescheduleSessionInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
    this.settings.checkRoom(context.district, input.roomId);
    let move: { previous: BookedSlot; next: BookedSlot } | undefined;
    const result = await this.runner.run(
      input.caseId,
      { type: 'RescheduleSession', ...input, issuedAt: context.issuedAt },
      context,
      {
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
        beforeAppend: async (events, before) => {
          const moved = events.find((e) => e.type === 'SessionRescheduled');
          const previous = before.status === 'open' ? bookedSlotOf(before, input.sessionId) : undefined;
          if (moved?.type !== 'SessionRescheduled' || !previous) return undefined;
          move = { previous, next: { ...previous, roomId: moved.roomId, startsAt: moved.startsAt, endsAt: moved.endsAt } };
          return this.runner.bookings.move(move.previous, move.next, context);
        },
      },
    );
    if (move && result.events.length > 0) await this.runner.bookings.settleMove(move.previous, move.next, context);
    return result;
  }
}
