import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { ASSESSMENT_CONTRACT_TYPES } from '@lien/assessments-contracts';
import { CHILD, CHILD_WORDS, nth, OBSERVATION, RATIONALE, rawEvents, storedStory, WISHES } from '../case-file-store/case-file.spec-fixtures';
import { translateCaseFileEvent } from './case-assessments.translator';

describe('translating the assessment file for the other services', () => {
  it('given a case story stored with its personal data sealed, when the raw events are translated, then only the four public facts leave, in order', async () => {
    const contracts = (await rawEvents(await storedStory(new InMemoryEventStore()))).map(translateCaseFileEvent).filter((c) => c !== undefined);
    expect(contracts.map((c) => c?.type)).toEqual([
      ASSESSMENT_CONTRACT_TYPES.assessmentRecorded,
      ASSESSMENT_CONTRACT_TYPES.riskLevelChanged,
      ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned,
      ASSESSMENT_CONTRACT_TYPES.reportSent,
    ]);
    for (const text of [OBSERVATION, CHILD_WORDS, RATIONALE, WISHES, 'Menaces']) expect(JSON.stringify(contracts)).not.toContain(text);
  });

  it('given a wellbeing assessment, when translated, then the contract carries the levels and the scores with the derived total', async () => {
    const events = await rawEvents(await storedStory(new InMemoryEventStore()));
    expect(translateCaseFileEvent(nth(events, 2))?.data).toMatchObject({
      childId: CHILD,
      assessedOn: '2026-03-20',
      psychologicalLevel: 'fragile',
      physicalLevel: 'good',
      emotionalLevel: 'fragile',
      instrumentScores: 'SDQ@1/parent:emotional=7,peer=3,totalDifficulties=10',
    });
  });

  it('given a first risk assessment overridden to high, then a second one keeping high, when translated, then only the first is a level change', async () => {
    const events = await rawEvents(await storedStory(new InMemoryEventStore()));
    expect(translateCaseFileEvent(nth(events, 3))?.data).toMatchObject({ previousLevel: null, level: 'high', overridden: true });
    expect(translateCaseFileEvent(nth(events, 4))).toBeUndefined();
  });

  it('given a signed suspension, when translated, then sessions is told to stop supervised meetings', async () => {
    const events = await rawEvents(await storedStory(new InMemoryEventStore()));
    expect(translateCaseFileEvent(nth(events, 6))?.data).toEqual({
      caseId: nth(events, 6).data['caseId'],
      decisionId: 'd1',
      childId: CHILD,
      outcome: 'suspend',
      stopsSupervisedMeetings: true,
      supersedesDecisionId: null,
      assessmentCount: 2,
      signedAt: nth(events, 6).metadata.occurredAt,
    });
  });

  it('given a report version sent, when translated, then the contract names its kind, its deadline and the day it was sent', async () => {
    const events = await rawEvents(await storedStory(new InMemoryEventStore()));
    expect(translateCaseFileEvent(nth(events, 10))?.data).toMatchObject({ reportId: 'rep1', version: 1, kind: 'interim', deadlineDueOn: '2026-06-01', sentOn: '2026-05-28' });
  });
});
