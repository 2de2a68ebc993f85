import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { requiredEnv } from '@lien/shared-testing';
import { ResourceBookings } from '../booking/resource-bookings';
import { DistrictSettingsCatalog } from '../district-settings/district-session-settings';
import { ParticipantDirectory } from '../participant-directory/participant-directory.port';
import { CommandContext } from '../plan-store/command-context';
import { PlanCommandRunner } from '../plan-store/plan-command-runner';
import { SessionPlanRepository } from '../plan-store/session-plan.repository';
import { cancelSession } from '../cancel-session/cancel-session';
import { recordAttendance } from '../record-attendance/record-attendance';
import { recordObservation } from '../record-observation/record-observation';
import { ScheduleSession } from '../schedule-session/schedule-session';
import { SessionsReadModels } from './sessions-read-model.queries';
import { migrateSessionsReadModels, SessionsReadModelTables } from './sessions-read-model.schema';
import { applyToReadModels, SessionsProjector } from './sessions-projector';

const district = 'luxembourg';
const settings = DistrictSettingsCatalog.fromDirectory(join(__dirname, '../../../../../../config/protocol-templates'));
const context: CommandContext = { district, actor: { userId: 'practitioner-1', role: 'practitioner' }, correlationId: 'c-1', issuedAt: '2026-03-20T07:00:00.000Z' };
const nobodyElse = new (class extends ParticipantDirectory {
  async isKnownInDistrict() {
    return false;
  }
})();

async function eventually(what: string, predicate: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await predicate()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sessions read models on PostgreSQL', () => {
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const tables = new SessionsReadModelTables({ schema: `sessions_read_${suffix}`, serviceRole: `lien_svc_${suffix}` });
  let dataSource: DataSource;
  let db: DistrictScopedDatabase;
  let store: InMemoryEventStore;
  let runner: PlanCommandRunner;
  const caseId = randomUUID();

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: requiredEnv('DATABASE_URL'), extra: { max: 4 } });
    await dataSource.initialize();
    await migrateSessionsReadModels(dataSource, tables);
    await migrateSessionsReadModels(dataSource, tables);
    db = new DistrictScopedDatabase(dataSource, tables.role);
    store = new InMemoryEventStore();
    runner = new PlanCommandRunner(new SessionPlanRepository(store), new ResourceBookings(store));
    const { template, safety } = settings.forDistrict(district);
    const participants = [
      { participantId: `${caseId}-child`, role: 'child' as const, household: 'protected' as const },
      { participantId: `${caseId}-father`, role: 'parent' as const, household: 'other' as const },
    ];
    await runner.run(caseId, { type: 'OpenSessionPlan', caseId, template, safety, participants, measures: [], openedFrom: 'e-1' }, context);
    const schedule = new ScheduleSession(runner, settings, nobodyElse);
    const base = { caseId, practitionerIds: ['p-1'], roomId: 'salle-bleue' };
    // The night the clocks go forward: 10:00 in Brussels is 08:00 UTC on the 29th, 09:00 UTC the day before.
    await schedule.execute({ ...base, sessionId: 'before-dst', sessionType: 'child-interview', participantIds: [`${caseId}-child`], startsAt: '2026-03-28T10:00:00+01:00', endsAt: '2026-03-28T11:00:00+01:00' }, context);
    await schedule.execute({ ...base, sessionId: 'after-dst', sessionType: 'parent-interview', participantIds: [`${caseId}-father`], startsAt: '2026-03-29T10:00:00+02:00', endsAt: '2026-03-29T11:00:00+02:00' }, context);
    await recordAttendance(runner, { caseId, sessionId: 'before-dst', participantId: `${caseId}-child`, status: 'late', lateMinutes: 5 }, { ...context, issuedAt: '2026-03-28T09:10:00.000Z' });
    await recordObservation(runner, { caseId, sessionId: 'before-dst', observationId: 'o-1', aboutParticipantId: `${caseId}-child`, text: 'Dessine en silence.', childWords: [{ speakerId: `${caseId}-child`, words: 'Je veux jouer.' }] }, { ...context, issuedAt: '2026-03-28T09:20:00.000Z' });
    await cancelSession(runner, { caseId, sessionId: 'after-dst', attributedTo: 'parent', attributedParticipantId: `${caseId}-father` }, context);
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${tables.options.schema} CASCADE`);
    await dataSource.query(`DROP OWNED BY ${tables.role}`).catch(() => undefined);
    await dataSource.query(`DROP ROLE IF EXISTS ${tables.role}`).catch(() => undefined);
    await dataSource.destroy();
  });

  const snapshot = () =>
    db.inDistrict(district, async (m) => ({
      calendar: await m.query(`SELECT * FROM ${tables.calendar} ORDER BY session_id`),
      timeline: await m.query(`SELECT * FROM ${tables.timeline} ORDER BY plan_revision`),
      participants: await m.query(`SELECT * FROM ${tables.participants} ORDER BY participant_id`),
    }));

  it('given the events of a case, when every one is applied twice, then the read models are exactly as after applying them once', async () => {
    const events = (await store.readAll({ filter: { categories: ['sessionplan'] } })).events;
    for (const event of events) await db.inDistrict(district, (m) => applyToReadModels(event, m, tables));
    const once = await snapshot();
    for (const event of events) await db.inDistrict(district, (m) => applyToReadModels(event, m, tables));
    expect(await snapshot()).toEqual(once);
    expect(once.calendar.map((r: { session_id: string; status: string }) => [r.session_id, r.status])).toEqual([['after-dst', 'cancelled'], ['before-dst', 'scheduled']]);
    expect(once.timeline).toHaveLength(events.length);
  });

  it('given the calendar around the DST change, when queried, then times are UTC for storage and Brussels for display', async () => {
    const calendar = await new SessionsReadModels(db, tables).calendar(district, { from: '2026-03-28T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' });
    expect(calendar.map((e) => [e.sessionId, e.startsAt.utc, e.startsAt.local])).toEqual([
      ['before-dst', '2026-03-28T09:00:00.000Z', '2026-03-28T10:00:00+01:00'],
      ['after-dst', '2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00+02:00'],
    ]);
    expect(calendar[0]?.separation[0]?.arrives.from.local).toBe('2026-03-28T09:45:00+01:00');
  });

  it('given the case timeline, when queried, then it lists what happened without the observation text or the child\'s words', async () => {
    const timeline = await new SessionsReadModels(db, tables).caseTimeline(district, caseId);
    expect(timeline.map((e) => e.entry)).toEqual(['SessionPlanOpened', 'SessionScheduled', 'SessionScheduled', 'AttendanceRecorded', 'ObservationRecorded', 'SessionCancelled']);
    expect(JSON.stringify(timeline)).not.toContain('Je veux jouer');
    expect(JSON.stringify(timeline)).not.toContain('Dessine');
  });

  it('given rows of luxembourg, when namur reads the calendar and the directory, then it sees nothing', async () => {
    const readModels = new SessionsReadModels(db, tables);
    expect(await readModels.calendar('namur', { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).toEqual([]);
    expect(await readModels.isKnownInDistrict('namur', `${caseId}-child`)).toBe(false);
    expect(await readModels.isKnownInDistrict(district, `${caseId}-child`)).toBe(true);
  });

  it('given the projector following the store, when new events arrive after a restart, then it resumes from its checkpoint and the read models stay consistent', async () => {
    await dataSource.query(`TRUNCATE ${tables.calendar}, ${tables.timeline}, ${tables.participants}, ${tables.checkpoints}`);
    const first = new SessionsProjector(store, dataSource, db, tables);
    await first.start();
    await eventually('the timeline', async () => (await new SessionsReadModels(db, tables).caseTimeline(district, caseId)).length === 6);
    await first.stop();
    await recordAttendance(runner, { caseId, sessionId: 'before-dst', participantId: `${caseId}-child`, status: 'present' }, { ...context, issuedAt: '2026-03-28T09:30:00.000Z' });
    const second = new SessionsProjector(store, dataSource, db, tables);
    await second.start();
    await eventually('the new attendance', async () => (await new SessionsReadModels(db, tables).caseTimeline(district, caseId)).length === 7);
    await second.stop();
  });
});
