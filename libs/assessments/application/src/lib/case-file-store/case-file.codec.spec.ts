import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { caseFileStream } from '@lien/assessments-domain';
import { CHILD, CHILD_WORDS, caseStory, DISTRICT, OBSERVATION, RATIONALE, rawEvents, storedStory } from './case-file.spec-fixtures';
import { CaseFileRepository } from './case-file.repository';

describe('storing the assessment file', () => {
  it('given a whole case story, when stored and read back, then every domain event comes back as it was', async () => {
    const story = await storedStory(new InMemoryEventStore());
    const read = await new CaseFileRepository(story.store).readEvents(DISTRICT, story.caseId);
    expect(read.map((e) => e.event)).toEqual(caseStory(story.caseId).map((e) => ({ ...e, ...('sourceEventId' in e ? { sourceEventId: expect.any(String) } : {}), ...('referralId' in e ? { referralId: expect.any(String) } : {}) })));
  });

  it('given observations, the child’s words and a rationale, when stored, then none of them is readable at rest and the hash chain holds', async () => {
    const story = await storedStory(new InMemoryEventStore());
    const atRest = JSON.stringify((await rawEvents(story)).map((e) => e.data));
    for (const text of [OBSERVATION, CHILD_WORDS, RATIONALE]) expect(atRest).not.toContain(text);
    expect((await story.raw.verifyStream(caseFileStream(story.caseId), { district: DISTRICT })).firstBreak).toBeUndefined();
  });

  it('given the child erased, when the file is read, then the personal texts read as erased while levels and scores remain', async () => {
    const story = await storedStory(new InMemoryEventStore());
    await story.keys.erase(CHILD);
    const read = await new CaseFileRepository(story.store).readEvents(DISTRICT, story.caseId);
    const wellbeing = read.find((e) => e.event.type === 'WellbeingAssessed')?.event;
    expect(wellbeing).toMatchObject({ dimensions: { psychological: { level: 'fragile', observations: { erased: true }, childWords: { erased: true } } }, instruments: [{ scores: { totalDifficulties: 10 } }] });
    expect(read.find((e) => e.event.type === 'BondDecisionDrafted')?.event).toMatchObject({ rationale: { erased: true }, childWishes: { erased: true }, outcome: 'suspend' });
  });

  it('given a report version pinned to revision 6, when the file is read up to there, then exactly seven events come back', async () => {
    const story = await storedStory(new InMemoryEventStore());
    expect(await new CaseFileRepository(story.store).readEvents(DISTRICT, story.caseId, 6)).toHaveLength(7);
  });
});
