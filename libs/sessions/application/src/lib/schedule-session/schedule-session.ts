import { ProposedHouseholdWindows, ScheduleSession as ScheduleSessionCommand, SessionType } from '@lien/sessions-domain';
import { DistrictSettingsCatalog } from '../district-settings/district-session-settings';
import { ParticipantDirectory, refuseUnknownParticipants } from '../participant-directory/participant-directory.port';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandResult, PlanCommandRunner } from '../plan-store/plan-command-runner';

export interface ScheduleSessionInput {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionType;
  readonly participantIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly separation?: readonly ProposedHouseholdWindows[];
}

/**
 * Plans a session: the plan checks every rule; the room and the practitioners are reserved before the
 * plan records it, and released again if the plan's append loses a race.
 */
export class ScheduleSession {
  constructor(
    private readonly runner: PlanCommandRunner,
    private readonly settings: DistrictSettingsCatalog,
    private readonly directory: ParticipantDirectory,
  ) {}

  async execute(input: ScheduleSessionInput, context: CommandContext, expectedRevision?: bigint): Promise<PlanCommandResult> {
    this.settings.checkRoom(context.district, input.roomId);
    const { state } = await this.runner.plans.load(context.district, input.caseId);
    const caseParticipants = new Set(state.status === 'open' ? Object.keys(state.participants) : []);
    await refuseUnknownParticipants(this.directory, context.district, caseParticipants, input.participantIds);
    const command: ScheduleSessionCommand = { type: 'ScheduleSession', ...input, issuedAt: context.issuedAt };
    return this.runner.run(input.caseId, command, context, {
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      beforeAppend: async (events) => {
        const scheduled = events.find((e) => e.type === 'SessionScheduled');
        if (scheduled?.type !== 'SessionScheduled') return undefined;
        const { sessionId, caseId, roomId, practitionerIds, startsAt, endsAt } = scheduled;
        return this.runner.bookings.reserve({ sessionId, caseId, roomId, practitionerIds, startsAt, endsAt }, context);
      },
    });
  }
}
