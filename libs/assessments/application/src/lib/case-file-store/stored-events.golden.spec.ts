import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseFileEvent } from '@lien/assessments-domain';
import { caseFileCodec } from './case-file.codec';
import { AUTHOR, caseStory, COORDINATOR } from './case-file.spec-fixtures';

const CASE = '44444444-4444-4444-8444-444444444444';
const GOLDEN = join(__dirname, 'golden', 'stored-events.v1.json');

/** One sample of every stored event type, with fixed ids: the stored shapes are public API (auditors replay them). */
function samples(): CaseFileEvent[] {
  const story = caseStory(CASE).map((event) => ('sourceEventId' in event ? { ...event, sourceEventId: 'contract-1' } : event)).map((event) => (event.type === 'AssessmentFileOpened' ? { ...event, referralId: 'referral-1' } : event));
  return [
    ...story,
    { type: 'MandateChangeNoted', caseId: CASE, kind: 'renewal', decisionDate: '2026-05-02', reportDeadlines: [{ kind: 'final', dueOn: '2026-12-01' }], sourceEventId: 'contract-2' },
    { type: 'IncidentNoted', caseId: CASE, incidentId: 'incident-1', sessionId: 's2', sessionType: 'supervised-meeting', severity: 'serious', interruptedSession: true, occurredAt: '2026-05-03T10:00:00.000Z', sourceEventId: 'contract-3' },
    { type: 'RiskReassessmentBecameDue', caseId: CASE, trigger: 'incident', triggerId: 'incident-1', dueSince: '2026-05-03T10:00:00.000Z' },
    { type: 'BondDecisionDraftWithdrawn', caseId: CASE, decisionId: 'd2', withdrawnBy: COORDINATOR },
    { type: 'ReportTaskRaised', caseId: CASE, deadline: { kind: 'final', dueOn: '2026-12-01' }, raisedOn: '2026-11-16' },
  ];
}

describe('stored assessment-file events', () => {
  it('given one sample of each event type, when encoded, then the stored names and shapes match the golden file (personal fields as marks)', () => {
    const encoded = samples().map((event) => caseFileCodec.encode(event));
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN, `${JSON.stringify(encoded, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
    expect(new Set(encoded.map((e) => e.type)).size).toBe(14);
  });

  it('given the golden stored shapes (personal fields as marks, as the protector opens them), when decoded, then they read back as the samples', () => {
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { type: string; data: never }[];
    const decoded = golden.map((stored, revision) => caseFileCodec.decode({ ...stored, id: `e${revision}`, streamName: `assessmentfile-${CASE}`, revision: BigInt(revision), position: '' as never, recordedAt: '', hash: '', metadata: { district: 'luxembourg', correlationId: 'c', causationId: 'c', actor: AUTHOR, occurredAt: '2026-03-01T00:00:00.000Z' } }));
    expect(decoded).toEqual(samples());
  });
});
