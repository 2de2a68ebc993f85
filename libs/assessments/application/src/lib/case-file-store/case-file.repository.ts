import { EventStore, RecordedEvent, StreamRevisionConflict } from '@lien/shared-event-store';
import { CommandHandler } from '@lien/shared-event-sourcing';
import { CaseFileCommand, caseFileDecider, CaseFileEvent, CaseFileState, caseFileStream } from '@lien/assessments-domain';
import { caseFileCodec } from './case-file.codec';
import { CommandContext, metadataOf } from './command-context';

export type CaseFileRevision = bigint | 'no-stream';

export interface StoredCaseFileEvent {
  readonly event: CaseFileEvent;
  readonly recorded: RecordedEvent;
}

export interface CaseFileCommandResult {
  readonly events: readonly CaseFileEvent[];
  readonly state: CaseFileState;
  /** The revision to send back as ETag. */
  readonly revision: CaseFileRevision;
}

/** Without If-Match a command may decide again on newer state: every rule is checked again then. */
const RETRIES_WITHOUT_IF_MATCH = 3;

/** Reads and writes one case's assessment file stream. */
export class CaseFileRepository {
  private readonly handler: CommandHandler<CaseFileCommand, CaseFileEvent, CaseFileState>;

  constructor(private readonly store: EventStore) {
    this.handler = new CommandHandler(store, { decider: caseFileDecider, codec: caseFileCodec, maxRetries: RETRIES_WITHOUT_IF_MATCH });
  }

  /** `expectedRevision` comes from If-Match: a caller who saw an older file gets a conflict, never a retry. */
  async run(command: CaseFileCommand, context: CommandContext, expectedRevision?: bigint): Promise<CaseFileCommandResult> {
    const result = await this.handler.handle(caseFileStream(command.caseId), command, {
      metadata: metadataOf(context),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    return { events: result.newEvents, state: result.newState, revision: result.nextExpectedRevision };
  }

  /** The file's events, optionally only up to a revision (inclusive): what a report version was assembled from. */
  async readEvents(district: string, caseId: string, upToRevision?: number): Promise<StoredCaseFileEvent[]> {
    const recorded = await this.store.readStream(caseFileStream(caseId), {
      district,
      ...(upToRevision !== undefined ? { maxCount: upToRevision + 1 } : {}),
    });
    return recorded.map((event) => ({ event: caseFileCodec.decode(event), recorded: event }));
  }

  static revisionOf(events: readonly StoredCaseFileEvent[]): CaseFileRevision {
    const last = events[events.length - 1];
    return last ? last.recorded.revision : 'no-stream';
  }

  static isConflict(error: unknown): error is StreamRevisionConflict {
    return error instanceof StreamRevisionConflict;
  }
}
