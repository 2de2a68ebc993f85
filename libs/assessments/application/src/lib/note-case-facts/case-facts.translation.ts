import { CASE_OPENED_V1, idsOf, MANDATE_AMENDED_V1 } from '@lien/referrals-contracts';
import { IncidentReportedV1, SESSION_CONTRACT_TYPES, SessionCancelledV1, SessionHeldV1, SessionNoShowV1 } from '@lien/sessions-contracts';
import { CaseFileCommand, ReportDeadline } from '@lien/assessments-domain';

/** A contract that cannot be read: retrying will not fix it, so it goes to the dead letters. */
export class UnreadableContract extends Error {
  constructor(type: string, reason: string) {
    super(`${type} unreadable: ${reason}`);
    this.name = 'UnreadableContract';
  }
}

export interface ReceivedFact {
  readonly id: string;
  readonly type: string;
  /** When it happened, ISO-8601 UTC. */
  readonly time: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The command a contract of another service amounts to for the assessment file, or nothing when it does not concern it. */
export function commandForFact(fact: ReceivedFact): CaseFileCommand | undefined {
  const read = reader(fact);
  const sourceEventId = fact.id;
  const at = fact.time;
  // The mandate's decision date and deadlines are optional on case-opened: a case opened before referrals
  // sent them has no deadline to track until its mandate is amended.
  if (fact.type === CASE_OPENED_V1) {
    const decisionDate = read.optional('mandateDecisionDate');
    return {
      type: 'OpenAssessmentFile',
      caseId: read.text('caseId'),
      referralId: read.text('referralId'),
      childIds: idsOf(read.text('childIds')),
      mandate: { mandantType: read.text('mandantType'), legalBasis: read.text('legalBasis'), division: read.optional('division'), decisionDate, reportDeadlines: deadlinesOf(read.optional('reportDeadlines') ?? '', fact.type) },
      sourceEventId,
    };
  }
  if (fact.type === MANDATE_AMENDED_V1) {
    const deadlines = read.optional('reportDeadlines');
    return { type: 'NoteMandateChange', caseId: read.text('caseId'), kind: read.text('kind').toLowerCase(), decisionDate: read.text('decisionDate'), reportDeadlines: deadlines === null ? null : deadlinesOf(deadlines, fact.type), at, sourceEventId };
  }
  const session = () => ({ caseId: read.text('caseId'), sessionId: read.text('sessionId'), sessionType: read.text('sessionType'), at, sourceEventId });
  switch (fact.type) {
    case SESSION_CONTRACT_TYPES.sessionHeld: {
      const data = fact.data as unknown as SessionHeldV1;
      return { type: 'NoteSessionOutcome', ...session(), outcome: 'held', attributedTo: null, reason: null, interrupted: data.interrupted === true };
    }
    case SESSION_CONTRACT_TYPES.sessionCancelled: {
      const data = fact.data as unknown as SessionCancelledV1;
      return { type: 'NoteSessionOutcome', ...session(), outcome: 'cancelled', attributedTo: read.text('attributedTo'), reason: data.reason ?? null, interrupted: false };
    }
    case SESSION_CONTRACT_TYPES.noShow: {
      const data = fact.data as unknown as SessionNoShowV1;
      return { type: 'NoteSessionOutcome', ...session(), outcome: 'no-show', attributedTo: data.attributedTo, reason: null, interrupted: false };
    }
    case SESSION_CONTRACT_TYPES.incidentReported: {
      const data = fact.data as unknown as IncidentReportedV1;
      return { type: 'NoteIncident', ...session(), incidentId: read.text('incidentId'), severity: read.text('severity'), interruptedSession: data.interruptedSession === true };
    }
    default:
      return undefined;
  }
}

function reader(fact: ReceivedFact) {
  return {
    text(key: string): string {
      const value = fact.data[key];
      if (typeof value !== 'string' || value === '') throw new UnreadableContract(fact.type, `${key} is missing`);
      return value;
    },
    optional(key: string): string | null {
      const value = fact.data[key];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string') throw new UnreadableContract(fact.type, `${key} is not a text`);
      return value;
    },
  };
}

function deadlinesOf(encoded: string, type: string): ReportDeadline[] {
  if (encoded === '') return [];
  return encoded.split(',').map((item) => {
    const match = /^(INTERIM|FINAL):(\d{4}-\d{2}-\d{2})$/.exec(item);
    if (!match) throw new UnreadableContract(type, 'reportDeadlines is malformed');
    return { kind: (match[1] as string).toLowerCase() as ReportDeadline['kind'], dueOn: match[2] as string };
  });
}
