import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { CaseFileEvent } from '@lien/assessments-domain';
import { AUTHOR, CHILD, CHILD_WORDS, caseStory, DISTRICT, RATIONALE, REGISTRY, storedStory, WISHES } from '../case-file-store/case-file.spec-fixtures';
import { CaseFileRepository } from '../case-file-store/case-file.repository';
import { extractPdfText, flattened } from '../report-pdf/pdf-text.spec-helper';
import { renderReportVersion } from './render-report-version';

async function reportText(events?: (caseId: string) => CaseFileEvent[], erase = false, version = 1): Promise<string> {
  const story = await storedStory(new InMemoryEventStore(), events);
  if (erase) await story.keys.erase(CHILD);
  const rendered = await renderReportVersion(new CaseFileRepository(story.store), REGISTRY, DISTRICT, story.caseId, 'rep1', version);
  expect(rendered.pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  return flattened(extractPdfText(rendered.pdf));
}

describe('the report to the mandant as a PDF', () => {
  it('given a signed suspension, when version 1 is rendered, then its French text holds the mandate, the sessions, the assessments and the decision with its rationale and the child’s wishes', async () => {
    const text = await reportText();
    expect(text).toContain('Rapport intermédiaire au mandant — version 1');
    expect(text).toContain('Service de la protection de la jeunesse (SPJ)');
    expect(text).toContain('Séances tenues : 0 — annulées : 0 — absences : 1');
    expect(text).toContain('Rencontre encadrée : absence, imputable à un parent');
    expect(text).toContain('Bien-être psychologique : fragile');
    expect(text).toContain(`« ${CHILD_WORDS} »`);
    expect(text).toContain('Symptômes émotionnels 7/10 ; Problèmes relationnels avec les pairs 3/10 ; Score total des difficultés 10/20');
    expect(text).toContain('Jugement professionnel : niveau évalué moyen, niveau retenu élevé Menaces rapportées par la mère.');
    expect(text).toContain('Décision : Suspendre les rencontres');
    expect(text).toContain(flattened(RATIONALE));
    expect(text).toContain(WISHES);
    expect(text).toContain('Version validée par deux signataires');
    expect(text).toContain('Envoyée au mandant le 28/05/2026');
  });

  it('given facts recorded after version 1 was generated, when version 1 is rendered again, then it reads as it did on its date', async () => {
    const later = (caseId: string): CaseFileEvent[] => [
      ...caseStory(caseId),
      { type: 'IncidentNoted', caseId, incidentId: 'i1', sessionId: 's2', sessionType: 'supervised-meeting', severity: 'serious', interruptedSession: true, occurredAt: '2026-06-02T10:00:00.000Z', sourceEventId: 'x' },
      { type: 'ReportVersionGenerated', caseId, reportId: 'rep1', version: 2, kind: 'interim', deadlineDueOn: '2026-06-01', basedOnRevision: 11, generatedBy: AUTHOR },
    ];
    expect(await reportText(later, false, 1)).toContain('Aucun incident signalé.');
    const second = await reportText(later, false, 2);
    expect(second).toContain('incident grave');
    expect(second).toContain('PROJET — en attente de deux signatures');
  });

  it('given the child erased after the report, when the report is rendered again, then the personal texts read as erased and the rest stays', async () => {
    const text = await reportText(undefined, true);
    expect(text).not.toContain(WISHES);
    expect(text).toContain('Motivation [donnée effacée]');
    expect(text).toContain('Décision : Suspendre les rencontres');
  });
});
