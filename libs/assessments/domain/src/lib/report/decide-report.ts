import { refuseFutureDate, requireOpenFile } from '../case-file/decide-case-context';
import { CaseFileEvent } from '../case-file/case-file.events';
import { GenerateReportVersion, MarkReportSent, RaiseDueReportTasks, SignOffReportVersion } from '../case-file/case-file.commands';
import { CaseFileState, deadlineKey, ReportRecord, ReportVersionRecord } from '../case-file/case-file.state';
import { ReportDeadline } from '../case-file/case-file.types';
import {
  ReportAlreadySent, ReportKindMismatch, ReportNotSignedOff, ReportSignOffNeedsCoordinator, ReportVersionNotFound, ReportVersionSuperseded, ReportWithoutAssessment,
  UnknownReportDeadline,
} from './report.errors';

const SIGNATURES_REQUIRED = 2;
const COORDINATOR = 'coordinator';

/**
 * A new version is assembled from everything the case file holds up to now; `basedOnRevision` pins
 * that point, so the version can be regenerated exactly as it was, whatever is recorded later.
 */
export function decideGenerateReportVersion(command: GenerateReportVersion, state: CaseFileState): CaseFileEvent[] {
  requireOpenFile(state);
  if (Object.keys(state.assessments).length === 0) throw new ReportWithoutAssessment();
  const deadlineDueOn = command.deadlineDueOn ?? null;
  if (deadlineDueOn !== null && !state.mandate?.reportDeadlines.some((d) => d.dueOn === deadlineDueOn && d.kind === command.kind)) throw new UnknownReportDeadline();
  const existing = state.reports[command.reportId];
  if (existing && existing.kind !== command.kind) throw new ReportKindMismatch('kind');
  if (existing && existing.deadlineDueOn !== deadlineDueOn) throw new ReportKindMismatch('deadlineDueOn');
  return [
    {
      type: 'ReportVersionGenerated',
      caseId: command.caseId,
      reportId: command.reportId,
      version: (existing?.versions.length ?? 0) + 1,
      kind: command.kind,
      deadlineDueOn,
      basedOnRevision: state.eventCount - 1,
      generatedBy: command.by,
    },
  ];
}

/** Two different people sign a version off, and one of them is a coordinator (four eyes on what leaves the service). */
export function decideSignOffReportVersion(command: SignOffReportVersion, state: CaseFileState): CaseFileEvent[] {
  const { version } = latestVersion(state, command.reportId, command.version);
  if (version.sentOn !== null) throw new ReportAlreadySent();
  if (version.signedBy.some((s) => s.userId === command.by.userId) || version.signedBy.length >= SIGNATURES_REQUIRED) return [];
  const signers = [...version.signedBy, command.by];
  if (signers.length === SIGNATURES_REQUIRED && !signers.some((s) => s.role === COORDINATOR)) throw new ReportSignOffNeedsCoordinator();
  return [{ type: 'ReportVersionSignedOff', caseId: command.caseId, reportId: command.reportId, version: command.version, signedBy: command.by }];
}

export function decideMarkReportSent(command: MarkReportSent, state: CaseFileState): CaseFileEvent[] {
  const { report, version } = latestVersion(state, command.reportId, command.version);
  if (version.sentOn !== null) return [];
  if (version.signedBy.length < SIGNATURES_REQUIRED) throw new ReportNotSignedOff(version.signedBy.length);
  refuseFutureDate(command.sentOn, command.today, 'sentOn');
  return [{ type: 'ReportVersionSent', caseId: command.caseId, reportId: command.reportId, version: command.version, kind: report.kind, deadlineDueOn: report.deadlineDueOn, sentOn: command.sentOn, sentBy: command.by }];
}

/** Raises, once each, the task for every deadline that falls within the lead time and has no report sent for it. */
export function decideRaiseDueReportTasks(command: RaiseDueReportTasks, state: CaseFileState): CaseFileEvent[] {
  if (!state.opened || !state.mandate) return [];
  return state.mandate.reportDeadlines
    .filter((deadline) => !state.raisedTasks.has(deadlineKey(deadline)))
    .filter((deadline) => addDays(deadline.dueOn, -command.leadDays) <= command.today)
    .filter((deadline) => !reportSentFor(state, deadline))
    .map((deadline) => ({ type: 'ReportTaskRaised' as const, caseId: command.caseId, deadline, raisedOn: command.today }));
}

function reportSentFor(state: CaseFileState, deadline: ReportDeadline): boolean {
  return Object.values(state.reports).some((r) => r.deadlineDueOn === deadline.dueOn && r.kind === deadline.kind && r.versions.some((v) => v.sentOn !== null));
}

function latestVersion(state: CaseFileState, reportId: string, version: number): { report: ReportRecord; version: ReportVersionRecord } {
  requireOpenFile(state);
  const report = state.reports[reportId];
  const found = report?.versions.find((v) => v.version === version);
  if (!report || !found) throw new ReportVersionNotFound();
  if (report.versions.length !== version) throw new ReportVersionSuperseded(report.versions.length);
  return { report, version: found };
}

/** Calendar arithmetic on `YYYY-MM-DD`, in UTC so no daylight-saving shift can move the date. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}
