import { EventStore, RecordedEvent, StreamRevisionConflict } from '@lien/shared-event-store';
import { SessionPlanEvent, sessionPlanDecider, SessionPlanState, sessionPlanStream } from '@lien/sessions-domain';
import { CommandContext, metadataOf } from './command-context';
import { sessionPlanCodec } from './session-plan.codec';

export type PlanRevision = bigint | 'no-stream';

export interface LoadedPlan {
  readonly state: SessionPlanState;
  readonly revision: PlanRevision;
}

export interface StoredPlanEvent {
  readonly event: SessionPlanEvent;
  readonly recorded: RecordedEvent;
}

/** Reads and appends one case's session plan stream. */
export class SessionPlanRepository {
  constructor(private readonly store: EventStore) {}

  async readEvents(district: string, caseId: string): Promise<StoredPlanEvent[]> {
    const recorded = await this.store.readStream(sessionPlanStream(caseId), { district });
    return recorded.map((event) => ({ event: sessionPlanCodec.decode(event), recorded: event }));
  }

  async load(district: string, caseId: string): Promise<LoadedPlan> {
    return SessionPlanRepository.fold(await this.readEvents(district, caseId));
  }

  static fold(events: readonly StoredPlanEvent[]): LoadedPlan {
    const state = events.reduce((current, { event }) => sessionPlanDecider.evolve(current, event), sessionPlanDecider.initialState());
    const last = events[events.length - 1];
    return { state, revision: last ? last.recorded.revision : 'no-stream' };
  }

  /** Appends at the revision the decision was made on; a writer who got in first makes it a conflict. */
  async append(caseId: string, events: readonly SessionPlanEvent[], revision: PlanRevision, context: CommandContext): Promise<bigint> {
    const metadata = metadataOf(context);
    const appended = await this.store.append(
      sessionPlanStream(caseId),
      events.map((event) => ({ ...sessionPlanCodec.encode(event), metadata })),
      { expectedRevision: revision },
    );
    return appended.nextExpectedRevision;
  }

  static refuseStale(caseId: string, expected: bigint | undefined, actual: PlanRevision): void {
    if (expected !== undefined && expected !== actual) throw new StreamRevisionConflict(sessionPlanStream(caseId), expected, actual === 'no-stream' ? 'none' : actual);
  }
}
