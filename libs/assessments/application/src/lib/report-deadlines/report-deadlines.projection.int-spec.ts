import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { requiredEnv } from '@lien/shared-testing';
import { CaseFileEvent } from '@lien/assessments-domain';
import { casesWithDueReports, projectReportDeadlines, reportDeadlinesOf } from './report-deadlines.projection';
import { AssessmentsReadModelTables, migrateAssessmentsReadModel } from './report-deadlines.schema';

const CASE = randomUUID();
const author = { userId: 'p', role: 'practitioner' };
const opened: CaseFileEvent = {
  type: 'AssessmentFileOpened', caseId: CASE, referralId: randomUUID(), childIds: ['c'], sourceEventId: 'x',
  mandate: { mandantType: 'SAJ', legalBasis: 'CONSENT_BASED', division: null, decisionDate: '2026-02-01', reportDeadlines: [{ kind: 'interim', dueOn: '2026-06-01' }, { kind: 'final', dueOn: '2026-09-30' }] },
};
const moved: CaseFileEvent = { type: 'MandateChangeNoted', caseId: CASE, kind: 'amendment', decisionDate: '2026-04-01', reportDeadlines: [{ kind: 'interim', dueOn: '2026-06-01' }, { kind: 'final', dueOn: '2026-10-31' }], sourceEventId: 'y' };
const raised: CaseFileEvent = { type: 'ReportTaskRaised', caseId: CASE, deadline: { kind: 'interim', dueOn: '2026-06-01' }, raisedOn: '2026-05-17' };
const sent: CaseFileEvent = { type: 'ReportVersionSent', caseId: CASE, reportId: 'r', version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: '2026-05-28', sentBy: author };

describe('the report deadlines read model on PostgreSQL', () => {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const tables = new AssessmentsReadModelTables({ schema: `assess_read_${suffix}`, serviceRole: `lien_assess_${suffix}` });
  let dataSource: DataSource;
  let db: DistrictScopedDatabase;
  const apply = (...events: CaseFileEvent[]) => db.inDistrict('luxembourg', async (m) => {
    for (const event of events) await projectReportDeadlines(event, 'luxembourg', m, tables);
  });
  const rows = (district = 'luxembourg') => db.inDistrict(district, (m) => reportDeadlinesOf(m, tables, CASE));
  const due = (today: string) => db.inDistrict('luxembourg', (m) => casesWithDueReports(m, tables, today, 15));

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: requiredEnv('DATABASE_URL'), extra: { max: 2 } });
    await dataSource.initialize();
    await migrateAssessmentsReadModel(dataSource, tables);
    await migrateAssessmentsReadModel(dataSource, tables);
    db = new DistrictScopedDatabase(dataSource, tables.role);
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${tables.schema} CASCADE`);
    await dataSource.query(`DROP ROLE IF EXISTS ${tables.role}`);
    await dataSource.destroy();
  });

  it('given a case opened and its mandate amended, when every event is applied twice, then each deadline has one row and the moved one replaced the old', async () => {
    await apply(opened, opened, moved, moved);
    expect(await rows()).toEqual([
      { caseId: CASE, kind: 'interim', dueOn: '2026-06-01', taskRaisedOn: null, reportSentOn: null },
      { caseId: CASE, kind: 'final', dueOn: '2026-10-31', taskRaisedOn: null, reportSentOn: null },
    ]);
  });

  it('given the rows of luxembourg, when namur reads, then it sees none of them', async () => {
    expect(await rows('namur')).toEqual([]);
  });

  it('given the interim deadline on 1 June, when the tracker asks 16 and 15 days before, then the case is due only from 15 days before', async () => {
    expect(await due('2026-05-16')).toEqual([]);
    expect(await due('2026-05-17')).toEqual([CASE]);
  });

  it('given the task raised and then the report sent, when applied twice, then the case is no longer due and the row says when', async () => {
    await apply(raised, raised, sent, sent);
    expect(await due('2026-05-30')).toEqual([]);
    expect((await rows())[0]).toEqual({ caseId: CASE, kind: 'interim', dueOn: '2026-06-01', taskRaisedOn: '2026-05-17', reportSentOn: '2026-05-28' });
  });
});
