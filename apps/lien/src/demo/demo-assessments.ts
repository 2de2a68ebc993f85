import { DemoHttp } from './demo-http';
import { OpenDemoCase } from './demo-sessions';

/**
 * The demo's assessment files: three wellbeing assessments per open case, dated after its mandate (the
 * API takes past dates for them), whose levels and SDQ scores improve, worsen or hold; one risk
 * assessment; a bond decision of each kind (drafted by a practitioner, co-signed by the coordinator)
 * in the first four open cases of each district; and one report version signed off and sent per
 * district. Decisions and reports take no date of their own: they are dated the seeding day.
 */
const DAY_MS = 86_400_000;
const OUTCOMES = ['continue', 'adapt', 'suspend', 'end'] as const;
type Level = 'critical' | 'fragile' | 'stable' | 'good';

/** Levels over three assessments, and the SDQ total difficulties that go with them. */
const TRENDS: ReadonlyArray<readonly Level[]> = [
  ['fragile', 'stable', 'good'],
  ['stable', 'fragile', 'critical'],
  ['fragile', 'fragile', 'stable'],
  ['stable', 'stable', 'stable'],
];
const DIFFICULTY: Record<Level, number> = { critical: 7, fragile: 5, stable: 3, good: 2 };

function demoId(prefix: string, caseNumber: number, rank: number): string {
  return `${prefix}-0000-4000-8000-${String(caseNumber * 10 + rank).padStart(12, '0')}`;
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

interface FileView {
  readonly opened: boolean;
  readonly wellbeingAssessments: ReadonlyArray<{ readonly assessmentId: string }>;
  readonly riskAssessments: readonly unknown[];
  readonly decisions: ReadonlyArray<{ readonly decisionId: string; readonly status: string }>;
  readonly reports: ReadonlyArray<{ readonly reportId: string; readonly versions: ReadonlyArray<{ readonly signOffs: readonly unknown[]; readonly sentOn: string | null }> }>;
}

export interface AssessmentReporter {
  assessmentAcknowledged(number: number, district: string, id: string, what: string): void;
}

function wellbeingBody(assessmentId: string, childId: string, assessedOn: string, level: Level) {
  const dimension = { level, observations: 'Observation de démonstration, dossier fictif.' };
  const d = DIFFICULTY[level];
  return {
    assessmentId,
    childId,
    assessedOn,
    dimensions: { psychological: { ...dimension, childWords: 'Phrase de démonstration.' }, physical: { ...dimension, level: 'good' }, emotional: dimension },
    instruments: [{ instrumentId: 'SDQ', respondent: 'parent', scores: { emotional: d, conduct: d - 1, hyperactivity: d, peer: d - 1, prosocial: 10 - d } }],
  };
}

export async function seedAssessments(practitioner: DemoHttp, coordinator: DemoHttp, reporter: AssessmentReporter, demo: OpenDemoCase, today: number): Promise<void> {
  const casePath = `/api/v1/districts/${demo.district}/cases/${demo.caseId}`;
  const file = async () => {
    const read = await practitioner.get<FileView>(`${casePath}/assessment-file`);
    if (!read.body.opened) throw new Error('the assessment file is not open yet');
    return read;
  };
  const current = await practitioner.eventually(file);
  const decided = Date.parse(`${demo.decisionDate}T00:00:00Z`);
  const trend = TRENDS[demo.slot % TRENDS.length] ?? TRENDS[0] ?? [];
  const assessmentIds: string[] = [];
  for (const [rank, level] of trend.entries()) {
    const assessmentId = demoId('0000dea5', demo.number, rank + 1);
    assessmentIds.push(assessmentId);
    if (current.body.wellbeingAssessments.some((a) => a.assessmentId === assessmentId)) continue;
    const assessedOn = isoDate(Math.min(decided + (30 + rank * 45) * DAY_MS, today - DAY_MS));
    await practitioner.send('POST', `${casePath}/wellbeing-assessments`, `demo-${assessmentId}`, wellbeingBody(assessmentId, demo.childId, assessedOn, level), { done: ['ASSESSMENT_ALREADY_RECORDED'] });
    reporter.assessmentAcknowledged(demo.number, demo.district, assessmentId, `wellbeing ${level}`);
  }
  if (current.body.riskAssessments.length === 0) {
    const worsening = trend[2] === 'critical';
    const risk = { assessedOn: isoDate(decided + 30 * DAY_MS), factors: ['child-witnessed-violence'], scoredLevel: worsening ? 'medium' : 'standard' };
    await practitioner.send('POST', `${casePath}/risk-assessments`, `demo-${demo.caseId}-risk`, risk);
    reporter.assessmentAcknowledged(demo.number, demo.district, demo.caseId, 'risk');
  }
  if (demo.slot < OUTCOMES.length) await decide(practitioner, coordinator, reporter, demo, casePath, assessmentIds);
  if (demo.slot === 0) await report(practitioner, coordinator, reporter, demo, casePath, today);
}

/** A decision of the kind this open case stands for, drafted, then co-signed by someone else. */
async function decide(practitioner: DemoHttp, coordinator: DemoHttp, reporter: AssessmentReporter, demo: OpenDemoCase, casePath: string, assessmentIds: string[]): Promise<void> {
  const decisionId = demoId('0000dec1', demo.number, 1);
  const outcome = OUTCOMES[demo.slot] ?? 'continue';
  let current = await practitioner.get<FileView>(`${casePath}/assessment-file`);
  if (!current.body.decisions.some((d) => d.decisionId === decisionId)) {
    const draft = {
      decisionId,
      childId: demo.childId,
      outcome,
      ...(outcome === 'adapt' ? { adaptedModalities: 'Rencontres raccourcies à 45 minutes (démonstration).' } : {}),
      rationale: 'Motivation de démonstration, dossier fictif.',
      childWishes: "Souhaits de l'enfant, texte de démonstration.",
      assessmentIds,
    };
    await practitioner.send('POST', `${casePath}/bond-decisions`, `demo-${decisionId}-draft`, draft, { done: ['DECISION_ALREADY_EXISTS'] });
    reporter.assessmentAcknowledged(demo.number, demo.district, decisionId, `decision ${outcome} drafted`);
    current = await practitioner.get<FileView>(`${casePath}/assessment-file`);
  }
  if (current.body.decisions.find((d) => d.decisionId === decisionId)?.status !== 'draft') return;
  await coordinator.send('POST', `${casePath}/bond-decisions/${decisionId}/co-signature`, `demo-${decisionId}-cosign`, {}, { ifMatch: current.etag });
  reporter.assessmentAcknowledged(demo.number, demo.district, decisionId, `decision ${outcome} signed`);
}

/** An interim report: generated, signed off by the practitioner and the coordinator, sent today. */
async function report(practitioner: DemoHttp, coordinator: DemoHttp, reporter: AssessmentReporter, demo: OpenDemoCase, casePath: string, today: number): Promise<void> {
  const reportId = demoId('0000de9e', demo.number, 1);
  const path = `${casePath}/reports/${reportId}/versions`;
  const version = async () => {
    const read = await practitioner.get<FileView>(`${casePath}/assessment-file`);
    return { etag: read.etag, version: read.body.reports.find((r) => r.reportId === reportId)?.versions[0] };
  };
  let current = await version();
  if (!current.version) {
    // Answering the mandate's deadline is what makes it count on the dashboards (on time or late).
    await practitioner.send('POST', path, `demo-${reportId}-generate`, { kind: 'interim', ...(demo.interimDueOn ? { deadlineDueOn: demo.interimDueOn } : {}) });
    reporter.assessmentAcknowledged(demo.number, demo.district, reportId, 'report generated');
    current = await version();
  }
  if ((current.version?.signOffs.length ?? 0) < 1) {
    await practitioner.send('POST', `${path}/1/sign-offs`, `demo-${reportId}-sign-1`, {}, { ifMatch: current.etag });
    current = await version();
  }
  if ((current.version?.signOffs.length ?? 0) < 2) {
    await coordinator.send('POST', `${path}/1/sign-offs`, `demo-${reportId}-sign-2`, {}, { ifMatch: current.etag });
    reporter.assessmentAcknowledged(demo.number, demo.district, reportId, 'report signed off');
    current = await version();
  }
  if (current.version?.sentOn) return;
  await coordinator.send('POST', `${path}/1/sending`, `demo-${reportId}-send`, { sentOn: isoDate(today) }, { ifMatch: current.etag });
  reporter.assessmentAcknowledged(demo.number, demo.district, reportId, 'report sent');
}
