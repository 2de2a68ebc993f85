import { StreamRevisionConflict } from '@lien/shared-event-store';
import { OpenPlan, SessionPlanCommand, sessionPlanDecider, SessionPlanEvent, SessionPlanState } from '@lien/sessions-domain';
import { BookedSlot, ResourceBookings, Undo } from '../booking/resource-bookings';
import { CommandContext } from './command-context';
import { PlanRevision, SessionPlanRepository } from './session-plan.repository';

export interface PlanCommandResult {
  readonly events: readonly SessionPlanEvent[];
  readonly before: SessionPlanState;
  readonly after: SessionPlanState;
  /** The revision to send back as ETag. */
  readonly revision: PlanRevision;
}

export interface RunOptions {
  /** From If-Match: the revision the caller saw. A conflict on it is never retried. */
  readonly expectedRevision?: bigint;
  /** Work that must hold before the plan changes (reservations); returns how to undo it if the append fails. */
  readonly beforeAppend?: (events: readonly SessionPlanEvent[], before: SessionPlanState) => Promise<Undo | undefined>;
}

const RETRIES_WITHOUT_IF_MATCH = 3;

/** Loads the plan, decides, runs the side reservations, appends, and releases what cancelled sessions held. */
export class PlanCommandRunner {
  constructor(
    readonly plans: SessionPlanRepository,
    readonly bookings: ResourceBookings,
  ) {}

  async run(caseId: string, command: SessionPlanCommand, context: CommandContext, options: RunOptions = {}): Promise<PlanCommandResult> {
    const retries = options.expectedRevision === undefined ? RETRIES_WITHOUT_IF_MATCH : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.runOnce(caseId, command, context, options);
      } catch (error) {
        if (!(error instanceof StreamRevisionConflict) || attempt >= retries) throw error;
      }
    }
  }

  private async runOnce(caseId: string, command: SessionPlanCommand, context: CommandContext, options: RunOptions): Promise<PlanCommandResult> {
    const { state: before, revision } = await this.plans.load(context.district, caseId);
    SessionPlanRepository.refuseStale(caseId, options.expectedRevision, revision);
    const events = sessionPlanDecider.decide(command, before);
    if (events.length === 0) return { events, before, after: before, revision };
    const undo = await options.beforeAppend?.(events, before);
    let next: bigint;
    try {
      next = await this.plans.append(caseId, events, revision, context);
    } catch (error) {
      await undo?.();
      throw error;
    }
    const after = events.reduce((state, event) => sessionPlanDecider.evolve(state, event), before);
    await this.releaseCancelled(events, before, context);
    return { events, before, after, revision: next };
  }

  /** A cancelled session frees its room and practitioners, whoever cancelled it (also a suspension). */
  private async releaseCancelled(events: readonly SessionPlanEvent[], before: SessionPlanState, context: CommandContext): Promise<void> {
    if (before.status !== 'open') return;
    for (const event of events) {
      if (event.type === 'SessionCancelled') {
        const slot = bookedSlotOf(before, event.sessionId);
        if (slot) await this.bookings.release(slot, context);
      }
    }
  }
}

export function bookedSlotOf(plan: OpenPlan, sessionId: string): BookedSlot | undefined {
  const session = plan.sessions[sessionId];
  if (!session) return undefined;
  return {
    sessionId,
    caseId: plan.caseId,
    roomId: session.roomId,
    practitionerIds: session.practitionerIds,
    startsAt: new Date(session.startsAt).toISOString(),
    endsAt: new Date(session.endsAt).toISOString(),
  };
}
