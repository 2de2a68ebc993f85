import { BondOutcome } from '../bond-decision/bond-decision.types';
import { RiskLevel } from '../risk/risk.types';
import { canonicalJson } from './canonical-json';
import { CaseFileEvent, RiskAssessed, WellbeingAssessed } from './case-file.events';
import { CalendarDate, Clinician, MandateFacts, ReportDeadline, ReportKind } from './case-file.types';

export interface DecisionRecord {
  readonly decisionId: string;
  readonly status: 'draft' | 'withdrawn' | 'signed' | 'superseded';
  readonly childId: string;
  readonly outcome: BondOutcome;
  readonly assessmentIds: readonly string[];
  readonly draftedBy: Clinician;
  readonly cosignedBy: Clinician | null;
  /** The drafted content, to tell a retried draft from a different one under the same id. */
  readonly fingerprint: string;
}

export interface ReportVersionRecord {
  readonly version: number;
  readonly signedBy: readonly Clinician[];
  readonly sentOn: CalendarDate | null;
}

export interface ReportRecord {
  readonly reportId: string;
  readonly kind: ReportKind;
  readonly deadlineDueOn: CalendarDate | null;
  readonly versions: readonly ReportVersionRecord[];
}

export interface CaseFileState {
  readonly opened: boolean;
  readonly childIds: readonly string[];
  readonly mandate: MandateFacts | null;
  /** Events folded so far: the next event's revision. */
  readonly eventCount: number;
  /** Contract ids already noted, so a redelivered contract changes nothing. */
  readonly notedSources: ReadonlySet<string>;
  readonly assessments: Readonly<Record<string, { readonly kind: 'wellbeing' | 'risk'; readonly fingerprint: string }>>;
  readonly riskLevel: RiskLevel | null;
  /** Reassessment triggers not yet answered by a risk assessment, by trigger id. */
  readonly openReassessments: Readonly<Record<string, string>>;
  readonly decisions: Readonly<Record<string, DecisionRecord>>;
  readonly pendingDraftId: string | null;
  readonly effectiveDecisionId: string | null;
  readonly reports: Readonly<Record<string, ReportRecord>>;
  /** `<kind>:<dueOn>` of the deadlines whose task was raised. */
  readonly raisedTasks: ReadonlySet<string>;
}

export function initialCaseFileState(): CaseFileState {
  return {
    opened: false,
    childIds: [],
    mandate: null,
    eventCount: 0,
    notedSources: new Set(),
    assessments: {},
    riskLevel: null,
    openReassessments: {},
    decisions: {},
    pendingDraftId: null,
    effectiveDecisionId: null,
    reports: {},
    raisedTasks: new Set(),
  };
}

export const deadlineKey = (deadline: ReportDeadline): string => `${deadline.kind}:${deadline.dueOn}`;

/** What makes a wellbeing assessment the same one when it is sent again. */
export function wellbeingFingerprint(event: WellbeingAssessed): string {
  return canonicalJson({ childId: event.childId, assessedOn: event.assessedOn, by: event.assessedBy.userId, dimensions: event.dimensions, instruments: event.instruments });
}

export function riskFingerprint(event: RiskAssessed): string {
  return canonicalJson({ childId: event.childId, assessedOn: event.assessedOn, by: event.assessedBy.userId, factors: event.factors, scoredLevel: event.scoredLevel, override: event.override });
}

export function evolveCaseFile(state: CaseFileState, event: CaseFileEvent): CaseFileState {
  const next = { ...state, eventCount: state.eventCount + 1 };
  switch (event.type) {
    case 'AssessmentFileOpened':
      return { ...next, opened: true, childIds: event.childIds, mandate: event.mandate, notedSources: withItem(state.notedSources, event.sourceEventId) };
    case 'MandateChangeNoted': {
      const mandate = state.mandate && { ...state.mandate, decisionDate: event.decisionDate, reportDeadlines: event.reportDeadlines ?? state.mandate.reportDeadlines };
      return { ...next, mandate, notedSources: withItem(state.notedSources, event.sourceEventId) };
    }
    case 'SessionOutcomeNoted':
    case 'IncidentNoted':
      return { ...next, notedSources: withItem(state.notedSources, event.sourceEventId) };
    case 'RiskReassessmentBecameDue':
      return { ...next, openReassessments: { ...state.openReassessments, [event.triggerId]: event.trigger } };
    case 'WellbeingAssessed':
      return { ...next, assessments: { ...state.assessments, [event.assessmentId]: { kind: 'wellbeing', fingerprint: wellbeingFingerprint(event) } } };
    case 'RiskAssessed': {
      const openReassessments = Object.fromEntries(Object.entries(state.openReassessments).filter(([id]) => !event.resolvesTriggers.includes(id)));
      const assessments = { ...state.assessments, [event.assessmentId]: { kind: 'risk' as const, fingerprint: riskFingerprint(event) } };
      return { ...next, assessments, riskLevel: event.level, openReassessments };
    }
    default:
      return evolveDecisionsAndReports(next, event);
  }
}

function evolveDecisionsAndReports(state: CaseFileState, event: CaseFileEvent): CaseFileState {
  switch (event.type) {
    case 'BondDecisionDrafted': {
      const { decisionId, childId, outcome, assessmentIds, draftedBy } = event;
      const record: DecisionRecord = { decisionId, status: 'draft', childId, outcome, assessmentIds, draftedBy, cosignedBy: null, fingerprint: draftFingerprint(event) };
      return { ...state, decisions: { ...state.decisions, [decisionId]: record }, pendingDraftId: decisionId };
    }
    case 'BondDecisionDraftWithdrawn':
      return { ...state, decisions: withDecision(state.decisions, event.decisionId, { status: 'withdrawn' }), pendingDraftId: null };
    case 'BondDecisionSigned': {
      let decisions = withDecision(state.decisions, event.decisionId, { status: 'signed', cosignedBy: event.cosignedBy });
      if (event.supersedesDecisionId) decisions = withDecision(decisions, event.supersedesDecisionId, { status: 'superseded' });
      return { ...state, decisions, pendingDraftId: null, effectiveDecisionId: event.decisionId };
    }
    case 'ReportVersionGenerated': {
      const existing = state.reports[event.reportId];
      const versions = [...(existing?.versions ?? []), { version: event.version, signedBy: [], sentOn: null }];
      const report: ReportRecord = { reportId: event.reportId, kind: event.kind, deadlineDueOn: event.deadlineDueOn, versions };
      return { ...state, reports: { ...state.reports, [event.reportId]: report } };
    }
    case 'ReportVersionSignedOff':
      return withVersion(state, event.reportId, event.version, (v) => ({ ...v, signedBy: [...v.signedBy, event.signedBy] }));
    case 'ReportVersionSent':
      return withVersion(state, event.reportId, event.version, (v) => ({ ...v, sentOn: event.sentOn }));
    case 'ReportTaskRaised':
      return { ...state, raisedTasks: withItem(state.raisedTasks, deadlineKey(event.deadline)) };
    default:
      return state;
  }
}

export function draftFingerprint(event: { readonly childId: string; readonly outcome: string; readonly adaptedModalities: unknown; readonly rationale: unknown; readonly childWishes: unknown; readonly assessmentIds: readonly string[]; readonly draftedBy: Clinician }): string {
  const { childId, outcome, adaptedModalities, rationale, childWishes, assessmentIds } = event;
  return canonicalJson({ childId, outcome, adaptedModalities, rationale, childWishes, assessmentIds, by: event.draftedBy.userId });
}

function withItem(set: ReadonlySet<string>, item: string): ReadonlySet<string> {
  return new Set([...set, item]);
}

function withDecision(decisions: CaseFileState['decisions'], decisionId: string, change: Partial<DecisionRecord>): CaseFileState['decisions'] {
  const current = decisions[decisionId];
  return current ? { ...decisions, [decisionId]: { ...current, ...change } } : decisions;
}

function withVersion(state: CaseFileState, reportId: string, version: number, change: (v: ReportVersionRecord) => ReportVersionRecord): CaseFileState {
  const report = state.reports[reportId];
  if (!report) return state;
  const versions = report.versions.map((v) => (v.version === version ? change(v) : v));
  return { ...state, reports: { ...state.reports, [reportId]: { ...report, versions } } };
}
