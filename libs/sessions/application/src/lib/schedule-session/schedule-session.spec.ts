import { join } from 'node:path';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { resourceBookingStream } from '@lien/sessions-domain';
import { ResourceBookings } from '../booking/resource-bookings';
import { cancelSession } from '../cancel-session/cancel-session';
import { DistrictSettingsCatalog, UnknownRoom } from '../district-settings/district-session-settings';
import { ParticipantDirectory, UnknownParticipant } from '../participant-directory/participant-directory.port';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandRunner } from '../plan-store/plan-command-runner';
import { SessionPlanRepository } from '../plan-store/session-plan.repository';
import { RescheduleSession } from '../reschedule-session/reschedule-session';
import { reportIncident } from '../report-incident/report-incident';
import { ScheduleSession, ScheduleSessionInput } from './schedule-session';

const district = 'luxembourg';
const settings = DistrictSettingsCatalog.fromDirectory(join(__dirname, '../../../../../../config/protocol-templates'));
const context: CommandContext = { district, actor: { userId: 'practitioner-1', role: 'practitioner' }, correlationId: 'c-1', issuedAt: '2026-03-02T07:00:00.000Z' };

class KnownIds extends ParticipantDirectory {
  constructor(private readonly ids: readonly string[]) {
    super();
  }
  async isKnownInDistrict(_district: string, id: string) {
    return this.ids.includes(id);
  }
}

describe('scheduling with room and practitioner reservations', () => {
  let store: InMemoryEventStore;
  let runner: PlanCommandRunner;
  let schedule: ScheduleSession;

  async function openCase(caseId: string, measures: 'no-contact' | 'supervised-allowed' = 'no-contact') {
    const { template, safety } = settings.forDistrict(district);
    const participants = [
      { participantId: `${caseId}-child`, role: 'child' as const, household: 'protected' as const },
      { participantId: `${caseId}-mother`, role: 'parent' as const, household: 'protected' as const },
      { participantId: `${caseId}-father`, role: 'parent' as const, household: 'other' as const },
    ];
    const measure = { measureId: 'm-1', kind: 'no-contact-order', restrictedParticipantId: `${caseId}-father`, protectedParticipantIds: [`${caseId}-mother`], supervisedContactAllowed: measures === 'supervised-allowed' };
    await runner.run(caseId, { type: 'OpenSessionPlan', caseId, template, safety, participants, measures: [measure], openedFrom: `opened-${caseId}` }, context);
  }

  const interview = (caseId: string, overrides: Partial<ScheduleSessionInput> = {}): ScheduleSessionInput => ({
    caseId,
    sessionId: `${caseId}-s1`,
    sessionType: 'child-interview',
    participantIds: [`${caseId}-child`],
    practitionerIds: [`practitioner-of-${caseId}`],
    roomId: 'salle-bleue',
    startsAt: '2026-03-02T10:00:00+01:00',
    endsAt: '2026-03-02T11:00:00+01:00',
    ...overrides,
  });

  const reservations = async (kind: 'room' | 'practitioner', id: string, day = '2026-03-02') =>
    (await store.readStream(resourceBookingStream(kind, district, id, day), { district })).map((e) => `${e.type.split('.')[1]}:${String(e.data['sessionId'])}`);

  beforeEach(async () => {
    store = new InMemoryEventStore();
    runner = new PlanCommandRunner(new SessionPlanRepository(store), new ResourceBookings(store));
    schedule = new ScheduleSession(runner, settings, new KnownIds(['a-child', 'b-child']));
    await openCase('a');
    await openCase('b');
  });

  it('given an open plan, when an interview is scheduled, then its room and practitioner are reserved for that local day', async () => {
    await schedule.execute(interview('a'), context);
    expect(await reservations('room', 'salle-bleue')).toEqual(['ResourceReserved:a-s1']);
    expect(await reservations('practitioner', 'practitioner-of-a')).toEqual(['ResourceReserved:a-s1']);
  });

  it('given two cases racing for one room at the same time, when both schedule at once, then exactly one gets it and the other holds no reservation', async () => {
    const results = await Promise.allSettled([schedule.execute(interview('a'), context), schedule.execute(interview('b'), context)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'ROOM_DOUBLE_BOOKED', details: { field: 'roomId' } });
    const loser = refused === results[0] ? 'a' : 'b';
    const winner = loser === 'a' ? 'b' : 'a';
    expect(await reservations('room', 'salle-bleue')).toEqual([`ResourceReserved:${winner}-s1`]);
    expect(await reservations('practitioner', `practitioner-of-${loser}`)).toEqual([`ResourceReserved:${loser}-s1`, `ResourceReleased:${loser}-s1`]);
    const plan = await runner.plans.load(district, loser);
    expect(plan.state.status === 'open' && Object.keys(plan.state.sessions)).toEqual([]);
  });

  it('given a practitioner busy in case a, when case b books them at an overlapping time in another room, then it is refused', async () => {
    await schedule.execute(interview('a', { practitionerIds: ['shared'] }), context);
    await expect(schedule.execute(interview('b', { practitionerIds: ['shared'], roomId: 'salle-verte', startsAt: '2026-03-02T10:30:00+01:00', endsAt: '2026-03-02T11:30:00+01:00' }), context)).rejects.toMatchObject({
      code: 'PRACTITIONER_DOUBLE_BOOKED',
    });
  });

  it('given a booked room, when the session is cancelled, then the room is free for another case', async () => {
    await schedule.execute(interview('a'), context);
    await cancelSession(runner, { caseId: 'a', sessionId: 'a-s1', attributedTo: 'service' }, context);
    await schedule.execute(interview('b'), context);
    expect(await reservations('room', 'salle-bleue')).toEqual(['ResourceReserved:a-s1', 'ResourceReleased:a-s1', 'ResourceReserved:b-s1']);
  });

  it('given a booked session, when it moves to the next day and another room, then the old slot is freed and the new one held', async () => {
    await schedule.execute(interview('a'), context);
    await new RescheduleSession(runner, settings).execute({ caseId: 'a', sessionId: 'a-s1', roomId: 'salle-verte', startsAt: '2026-03-03T10:00:00+01:00', endsAt: '2026-03-03T11:00:00+01:00' }, context);
    expect(await reservations('room', 'salle-bleue')).toEqual(['ResourceReserved:a-s1', 'ResourceReleased:a-s1']);
    expect(await reservations('room', 'salle-verte', '2026-03-03')).toEqual(['ResourceReserved:a-s1']);
  });

  it('given a move into a taken room, when refused, then the session keeps its old reservation', async () => {
    await schedule.execute(interview('a'), context);
    await schedule.execute(interview('b', { roomId: 'salle-verte' }), context);
    await expect(new RescheduleSession(runner, settings).execute({ caseId: 'a', sessionId: 'a-s1', roomId: 'salle-verte', startsAt: '2026-03-02T10:00:00+01:00', endsAt: '2026-03-02T11:00:00+01:00' }, context)).rejects.toMatchObject({ code: 'ROOM_DOUBLE_BOOKED' });
    expect(await reservations('room', 'salle-bleue')).toEqual(['ResourceReserved:a-s1']);
  });

  it('given a supervised meeting planned, when a serious incident suspends the case, then the meeting is called off and its room freed', async () => {
    await openCase('c', 'supervised-allowed');
    for (const to of ['bond-pertinence-decision', 'preparation', 'supervised-meetings']) await runner.run('c', { type: 'AdvancePhase', to, issuedAt: context.issuedAt }, context);
    await schedule.execute(interview('c'), context);
    await schedule.execute(interview('c', { sessionId: 'c-meeting', sessionType: 'supervised-meeting', participantIds: ['c-child', 'c-father'], roomId: 'salle-jaune', startsAt: '2026-03-09T14:00:00+01:00', endsAt: '2026-03-09T15:00:00+01:00' }), context);
    await reportIncident(runner, { caseId: 'c', sessionId: 'c-s1', incidentId: 'i-1', severity: 'serious', interruptedSession: true, informed: ['coordinator'] }, { ...context, issuedAt: '2026-03-02T09:30:00.000Z' });
    expect(await reservations('room', 'salle-jaune', '2026-03-09')).toEqual(['ResourceReserved:c-meeting', 'ResourceReleased:c-meeting']);
  });

  it('given an unknown room or an id nobody knows, when scheduled, then each is refused naming its field', async () => {
    await expect(schedule.execute(interview('a', { roomId: 'cave' }), context)).rejects.toBeInstanceOf(UnknownRoom);
    await expect(schedule.execute(interview('a', { participantIds: ['a-child', 'nobody'] }), context)).rejects.toMatchObject({ code: 'UNKNOWN_PARTICIPANT', details: { field: 'participantIds[1]' } });
    await expect(schedule.execute(interview('a', { participantIds: ['b-child'] }), context)).rejects.toMatchObject({ code: 'PARTICIPANT_NOT_LINKED_TO_CASE' });
    expect(UnknownParticipant.name).toBe('UnknownParticipant');
  });
});
