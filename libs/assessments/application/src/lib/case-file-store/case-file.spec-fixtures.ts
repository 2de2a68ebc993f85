import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent } from '@lien/shared-event-store';
import { InMemoryKeyStore, PersonalDataProtector, ProtectedEventStore } from '@lien/shared-personal-data';
import { CaseFileEvent, caseFileStream, InstrumentRegistry } from '@lien/assessments-domain';
import { caseFileCodec } from './case-file.codec';

export const DISTRICT = 'luxembourg';
export const CHILD = '11111111-1111-4111-8111-111111111111';
export const AUTHOR = { userId: 'practitioner-ana', role: 'practitioner' };
export const COORDINATOR = { userId: 'coordinator-cleo', role: 'coordinator' };
export const OBSERVATION = 'Elle se fige quand on évoque son père.';
export const CHILD_WORDS = 'J’ai peur quand il crie.';
export const RATIONALE = 'Les rencontres ravivent une peur intense chez l’enfant ; la sécurité prime sur le maintien du lien.';
export const WISHES = 'Ne plus voir son père pour le moment.';

export const REGISTRY: InstrumentRegistry = {
  SDQ: {
    id: 'SDQ', version: '1', name: 'Strengths and Difficulties Questionnaire', respondents: ['parent'],
    scales: [
      { code: 'emotional', label: 'Symptômes émotionnels', min: 0, max: 10, higherIsBetter: false },
      { code: 'peer', label: 'Problèmes relationnels avec les pairs', min: 0, max: 10, higherIsBetter: false },
      { code: 'totalDifficulties', label: 'Score total des difficultés', min: 0, max: 20, higherIsBetter: false, sumOf: ['emotional', 'peer'] },
    ],
  },
};

/** A case's file through to a signed suspension and a sent report, as domain events. */
export function caseStory(caseId: string): CaseFileEvent[] {
  const dims = { psychological: { level: 'fragile' as const, observations: OBSERVATION, childWords: CHILD_WORDS }, physical: { level: 'good' as const, observations: 'RAS', childWords: null }, emotional: { level: 'fragile' as const, observations: 'Pleure souvent.', childWords: null } };
  return [
    { type: 'AssessmentFileOpened', caseId, referralId: randomUUID(), childIds: [CHILD], mandate: { mandantType: 'SPJ', legalBasis: 'CONSTRAINED', division: null, decisionDate: '2026-02-20', reportDeadlines: [{ kind: 'interim', dueOn: '2026-06-01' }] }, sourceEventId: randomUUID() },
    { type: 'SessionOutcomeNoted', caseId, sessionId: 's1', sessionType: 'supervised-meeting', outcome: 'no-show', attributedTo: 'parent', reason: null, interrupted: false, occurredAt: '2026-03-10T13:00:00.000Z', sourceEventId: randomUUID() },
    { type: 'WellbeingAssessed', caseId, assessmentId: 'w1', childId: CHILD, assessedOn: '2026-03-20', assessedBy: AUTHOR, dimensions: dims, instruments: [{ instrumentId: 'SDQ', instrumentVersion: '1', respondent: 'parent', scores: { emotional: 7, peer: 3, totalDifficulties: 10 } }] },
    { type: 'RiskAssessed', caseId, assessmentId: 'r1', childId: CHILD, assessedOn: '2026-03-21', assessedBy: AUTHOR, factors: ['child-fear-of-parent'], scoredLevel: 'medium', override: { level: 'high', reason: 'Menaces rapportées par la mère.' }, level: 'high', previousLevel: null, resolvesTriggers: [] },
    { type: 'RiskAssessed', caseId, assessmentId: 'r2', childId: CHILD, assessedOn: '2026-03-28', assessedBy: AUTHOR, factors: ['child-fear-of-parent'], scoredLevel: 'high', override: null, level: 'high', previousLevel: 'high', resolvesTriggers: [] },
    { type: 'BondDecisionDrafted', caseId, decisionId: 'd1', childId: CHILD, outcome: 'suspend', adaptedModalities: null, rationale: RATIONALE, childWishes: WISHES, assessmentIds: ['w1', 'r1'], draftedBy: AUTHOR },
    { type: 'BondDecisionSigned', caseId, decisionId: 'd1', childId: CHILD, outcome: 'suspend', assessmentIds: ['w1', 'r1'], draftedBy: AUTHOR, cosignedBy: COORDINATOR, supersedesDecisionId: null },
    { type: 'ReportVersionGenerated', caseId, reportId: 'rep1', version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', basedOnRevision: 6, generatedBy: AUTHOR },
    { type: 'ReportVersionSignedOff', caseId, reportId: 'rep1', version: 1, signedBy: AUTHOR },
    { type: 'ReportVersionSignedOff', caseId, reportId: 'rep1', version: 1, signedBy: COORDINATOR },
    { type: 'ReportVersionSent', caseId, reportId: 'rep1', version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: '2026-05-28', sentBy: COORDINATOR },
  ];
}

export interface StoredStory {
  readonly store: EventStore;
  readonly raw: EventStore;
  readonly keys: InMemoryKeyStore;
  readonly caseId: string;
}

/**
 * Appends the story to `raw` through the personal-data protector, as the service does, one event at a
 * time a day apart. The spec brings the store (fixtures never pick an adapter).
 */
export async function storedStory(raw: EventStore, events: (caseId: string) => CaseFileEvent[] = caseStory): Promise<StoredStory> {
  const keys = new InMemoryKeyStore();
  const store = new ProtectedEventStore(raw, new PersonalDataProtector(keys));
  const caseId = randomUUID();
  const list = events(caseId);
  for (const [index, event] of list.entries()) {
    const occurredAt = new Date(Date.UTC(2026, 2, 1 + index, 9)).toISOString();
    const metadata = { district: DISTRICT, correlationId: randomUUID(), causationId: randomUUID(), actor: AUTHOR, occurredAt };
    await store.append(caseFileStream(caseId), [{ ...caseFileCodec.encode(event), metadata }], { expectedRevision: index === 0 ? 'no-stream' : BigInt(index - 1) });
  }
  return { store, raw, keys, caseId };
}

export async function rawEvents(story: StoredStory): Promise<RecordedEvent[]> {
  return story.raw.readStream(caseFileStream(story.caseId), { district: DISTRICT });
}

export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}
