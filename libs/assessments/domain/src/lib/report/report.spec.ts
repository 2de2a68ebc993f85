import { deciderSpecification } from '@lien/shared-decider-testing';
import { AssessmentFileNotFound, InvalidAssessmentInput } from '../case-file/case-file.errors';
import { caseFileDecider } from '../case-file/case-file.decider';
import { CaseFileEvent } from '../case-file/case-file.events';
import { AUTHOR, CASE_ID, COORDINATOR, opened, PEER, TODAY, wellbeingAssessed } from '../case-file/case-file.spec-fixtures';
import { Clinician } from '../case-file/case-file.types';
import {
  ReportAlreadySent, ReportKindMismatch, ReportNotSignedOff, ReportSignOffNeedsCoordinator, ReportVersionNotFound, ReportVersionSuperseded, ReportWithoutAssessment,
  UnknownReportDeadline,
} from './report.errors';

const spec = deciderSpecification(caseFileDecider);
const REPORT = 'report-interim';
const generate = (overrides: object = {}) => ({ type: 'GenerateReportVersion' as const, caseId: CASE_ID, reportId: REPORT, kind: 'interim' as const, deadlineDueOn: '2026-06-01', by: AUTHOR, today: TODAY, ...overrides });
const generated = (version: number, basedOnRevision: number): CaseFileEvent => ({ type: 'ReportVersionGenerated', caseId: CASE_ID, reportId: REPORT, version, kind: 'interim', deadlineDueOn: '2026-06-01', basedOnRevision, generatedBy: AUTHOR });
const signOff = (by: Clinician, version = 1) => ({ type: 'SignOffReportVersion' as const, caseId: CASE_ID, reportId: REPORT, version, by, today: TODAY });
const signedOff = (by: Clinician, version = 1): CaseFileEvent => ({ type: 'ReportVersionSignedOff', caseId: CASE_ID, reportId: REPORT, version, signedBy: by });
const markSent = (version = 1) => ({ type: 'MarkReportSent' as const, caseId: CASE_ID, reportId: REPORT, version, sentOn: TODAY, by: COORDINATOR, today: TODAY });
const sent = (version = 1): CaseFileEvent => ({ type: 'ReportVersionSent', caseId: CASE_ID, reportId: REPORT, version, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: TODAY, sentBy: COORDINATOR });
const assessed = [opened(), wellbeingAssessed()];

describe('generating a version of the report to the mandant', () => {
  it('given an assessment, when the interim report is generated, then version 1 is pinned to the last revision of the file', () => {
    spec.given(assessed).when(generate()).then([generated(1, 1)]);
  });

  it('given version 1, when generated again after a new fact, then version 2 is pinned to the newer revision and version 1 is kept', () => {
    spec.given([...assessed, generated(1, 1), wellbeingAssessed({ assessmentId: 'wellbeing-2' })]).when(generate()).then([generated(2, 3)]);
  });

  it('given a file without any assessment, when a report is generated, then it is refused', () => {
    spec.given([opened()]).when(generate()).thenThrows(ReportWithoutAssessment);
  });

  it('given the mandate’s deadlines, when a report names a date that is none of them, then it is refused on deadlineDueOn', () => {
    spec.given(assessed).when(generate({ deadlineDueOn: '2026-07-01' })).thenThrows(UnknownReportDeadline, (e: InvalidAssessmentInput) => expect(e.details['field']).toBe('deadlineDueOn'));
  });

  it('given an interim report, when a new version calls itself final, then it is refused on kind', () => {
    spec.given([...assessed, generated(1, 1)]).when(generate({ kind: 'final', deadlineDueOn: '2026-09-30' })).thenThrows(ReportKindMismatch);
  });

  it('given no file, when a report is generated, then the file is not found', () => {
    spec.given([]).when(generate()).thenThrows(AssessmentFileNotFound);
  });
});

describe('signing off and sending a version', () => {
  const v1 = [...assessed, generated(1, 1)];

  it('given version 1, when the author and then a coordinator sign it off, then both sign-offs are recorded', () => {
    spec.given(v1).when(signOff(AUTHOR)).then([signedOff(AUTHOR)]);
    spec.given([...v1, signedOff(AUTHOR)]).when(signOff(COORDINATOR)).then([signedOff(COORDINATOR)]);
  });

  it('given one sign-off, when the same person signs again, then nothing happens: it still needs a second person', () => {
    spec.given([...v1, signedOff(AUTHOR)]).when(signOff(AUTHOR)).thenNothing();
  });

  it('given a practitioner’s sign-off, when a second practitioner signs, then it is refused: one of the two is a coordinator', () => {
    spec.given([...v1, signedOff(AUTHOR)]).when(signOff(PEER)).thenThrows(ReportSignOffNeedsCoordinator);
  });

  it('given two sign-offs, when the version is marked as sent, then it is sent', () => {
    spec.given([...v1, signedOff(AUTHOR), signedOff(COORDINATOR)]).when(markSent()).then([sent()]);
  });

  it('given one sign-off, when the version is marked as sent, then it is refused with the count of signatures', () => {
    spec.given([...v1, signedOff(AUTHOR)]).when(markSent()).thenThrows(ReportNotSignedOff, (e) => expect(e.details['signatures']).toBe(1));
  });

  it('given a sent version, when marked as sent again, then nothing happens; when signed off again, then it is refused', () => {
    const wasSent = [...v1, signedOff(AUTHOR), signedOff(COORDINATOR), sent()];
    spec.given(wasSent).when(markSent()).thenNothing();
    spec.given(wasSent).when(signOff(PEER)).thenThrows(ReportAlreadySent);
  });

  it('given version 2, when version 1 is signed off, then it is refused naming the latest version', () => {
    spec.given([...v1, generated(2, 2)]).when(signOff(AUTHOR)).thenThrows(ReportVersionSuperseded, (e) => expect(e.details['latestVersion']).toBe(2));
  });

  it('given version 1, when version 3 is signed off, then it is not found', () => {
    spec.given(v1).when(signOff(AUTHOR, 3)).thenThrows(ReportVersionNotFound);
  });
});

describe('the due-date tracker', () => {
  const raise = (today: string) => ({ type: 'RaiseDueReportTasks' as const, caseId: CASE_ID, today, leadDays: 15 });
  const raised = (today: string): CaseFileEvent => ({ type: 'ReportTaskRaised', caseId: CASE_ID, deadline: { kind: 'interim', dueOn: '2026-06-01' }, raisedOn: today });

  it('given an interim report due on 1 June, when the tracker runs 16 days before, then no task is raised', () => {
    spec.given(assessed).when(raise('2026-05-16')).thenNothing();
  });

  it('given an interim report due on 1 June, when the tracker runs 15 days before, then the task is raised', () => {
    spec.given(assessed).when(raise('2026-05-17')).then([raised('2026-05-17')]);
  });

  it('given the task raised, when the tracker runs the next day, then nothing happens', () => {
    spec.given([...assessed, raised('2026-05-17')]).when(raise('2026-05-18')).thenNothing();
  });

  it('given the interim report already sent, when the tracker reaches its deadline, then no task is raised', () => {
    spec.given([...assessed, generated(1, 1), signedOff(AUTHOR), signedOff(COORDINATOR), sent()]).when(raise('2026-05-20')).thenNothing();
  });

  it('given a deadline moved by a mandate change, when the tracker runs, then the new deadline counts', () => {
    const moved: CaseFileEvent = { type: 'MandateChangeNoted', caseId: CASE_ID, kind: 'renewal', decisionDate: '2026-05-01', reportDeadlines: [{ kind: 'final', dueOn: '2026-05-25' }], sourceEventId: 'contract-renewal' };
    spec.given([...assessed, moved]).when(raise('2026-05-17')).then([{ type: 'ReportTaskRaised', caseId: CASE_ID, deadline: { kind: 'final', dueOn: '2026-05-25' }, raisedOn: '2026-05-17' }]);
  });

  it('given no file, when the tracker runs, then nothing happens', () => {
    spec.given([]).when(raise('2026-05-17')).thenNothing();
  });
});
