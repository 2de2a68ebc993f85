import { randomUUID } from 'node:crypto';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { brusselsDateOf } from '../case-file-store/command-context';
import { casesWithDueReports } from '../report-deadlines/report-deadlines.projection';
import { AssessmentsReadModelTables } from '../report-deadlines/report-deadlines.schema';

export const REPORT_TRACKER = { userId: 'assessments-report-tracker', role: 'system' };

export interface ReportTrackerRun {
  readonly casesChecked: number;
  readonly tasksRaised: number;
}

/**
 * The due-date tracker, run every few hours by the service: raises, once, the task for every report deadline
 * within `leadDays`. The read model only says where to look; each case's own file decides, so a stale
 * row can never raise a task twice or for a report already sent.
 */
export async function raiseDueReportTasks(
  files: CaseFileRepository,
  db: DistrictScopedDatabase,
  tables: AssessmentsReadModelTables,
  districts: readonly string[],
  now: Date,
  leadDays: number,
): Promise<ReportTrackerRun> {
  const issuedAt = now.toISOString();
  const today = brusselsDateOf(issuedAt);
  let casesChecked = 0;
  let tasksRaised = 0;
  for (const district of districts) {
    const caseIds = await db.inDistrict(district, (manager) => casesWithDueReports(manager, tables, today, leadDays));
    for (const caseId of caseIds) {
      const correlationId = randomUUID();
      const result = await files.run({ type: 'RaiseDueReportTasks', caseId, today, leadDays }, { district, actor: REPORT_TRACKER, correlationId, issuedAt });
      casesChecked += 1;
      tasksRaised += result.events.length;
    }
  }
  return { casesChecked, tasksRaised };
}
