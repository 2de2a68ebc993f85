import { EntityManager } from 'typeorm';
import { CaseFileEvent } from '@lien/assessments-domain';
import { AssessmentsReadModelTables } from './report-deadlines.schema';

/** The stored events the deadlines read model is built from: none carries personal data. */
export const REPORT_DEADLINE_EVENT_TYPES = [
  'assessments.AssessmentFileOpened.v1',
  'assessments.MandateChangeNoted.v1',
  'assessments.ReportTaskRaised.v1',
  'assessments.ReportVersionSent.v1',
];

/**
 * Keeps one row per mandate deadline of each case, with whether its task was raised and its report
 * sent. Every statement is an upsert or a conditional update, so applying an event twice changes nothing.
 */
export async function projectReportDeadlines(event: CaseFileEvent, district: string, manager: EntityManager, tables: AssessmentsReadModelTables): Promise<void> {
  const insert = (caseId: string, kind: string, dueOn: string) =>
    manager.query(`INSERT INTO ${tables.deadlines} (district, case_id, kind, due_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [district, caseId, kind, dueOn]);
  switch (event.type) {
    case 'AssessmentFileOpened':
      for (const deadline of event.mandate.reportDeadlines) await insert(event.caseId, deadline.kind, deadline.dueOn);
      return;
    case 'MandateChangeNoted': {
      if (event.reportDeadlines === null) return;
      const kept = event.reportDeadlines.map((d) => `${d.kind}:${d.dueOn}`);
      await manager.query(`DELETE FROM ${tables.deadlines} WHERE district = $1 AND case_id = $2 AND NOT (kind || ':' || to_char(due_on, 'YYYY-MM-DD') = ANY($3::text[]))`, [district, event.caseId, kept]);
      for (const deadline of event.reportDeadlines) await insert(event.caseId, deadline.kind, deadline.dueOn);
      return;
    }
    case 'ReportTaskRaised':
      await manager.query(`UPDATE ${tables.deadlines} SET task_raised_on = $5 WHERE district = $1 AND case_id = $2 AND kind = $3 AND due_on = $4`, [district, event.caseId, event.deadline.kind, event.deadline.dueOn, event.raisedOn]);
      return;
    case 'ReportVersionSent':
      if (event.deadlineDueOn === null) return;
      await manager.query(`UPDATE ${tables.deadlines} SET report_sent_on = $5 WHERE district = $1 AND case_id = $2 AND kind = $3 AND due_on = $4`, [district, event.caseId, event.kind, event.deadlineDueOn, event.sentOn]);
      return;
    default:
      return;
  }
}

/** Cases of the district with a deadline inside the lead time (or past) whose task is not raised and report not sent. */
export async function casesWithDueReports(manager: EntityManager, tables: AssessmentsReadModelTables, today: string, leadDays: number): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT case_id FROM ${tables.deadlines} WHERE due_on - $2::int <= $1::date AND task_raised_on IS NULL AND report_sent_on IS NULL ORDER BY case_id`,
    [today, leadDays],
  )) as { case_id: string }[];
  return rows.map((row) => row.case_id);
}

export interface ReportDeadlineRow {
  readonly caseId: string;
  readonly kind: string;
  readonly dueOn: string;
  readonly taskRaisedOn: string | null;
  readonly reportSentOn: string | null;
}

export async function reportDeadlinesOf(manager: EntityManager, tables: AssessmentsReadModelTables, caseId: string): Promise<ReportDeadlineRow[]> {
  const rows = (await manager.query(
    `SELECT case_id, kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(task_raised_on, 'YYYY-MM-DD') AS task_raised_on, to_char(report_sent_on, 'YYYY-MM-DD') AS report_sent_on
     FROM ${tables.deadlines} WHERE case_id = $1 ORDER BY due_on, kind`,
    [caseId],
  )) as { case_id: string; kind: string; due_on: string; task_raised_on: string | null; report_sent_on: string | null }[];
  return rows.map((r) => ({ caseId: r.case_id, kind: r.kind, dueOn: r.due_on, taskRaisedOn: r.task_raised_on, reportSentOn: r.report_sent_on }));
}
