import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadLetterTopic, IntegrationEvent, toKafkaMessage } from '@lien/shared-messaging';
import { ConsumerOutcome } from '@lien/shared-messaging-consumer';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { eventually } from '@lien/shared-messaging-testing';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { requiredEnv } from '@lien/shared-testing';
import { contracts, publish, topicOf, twoDistrictYear } from '@lien/reporting-testing';
import { ReportingProjection } from '../consumer/reporting-projection';
import { FACT_TABLES } from '../read-model/reporting-entities';
import { openReportingDatabase } from '../read-model/reporting-database';
import { loadDistrictFacts } from '../queries/district-facts.loader';
import { projectContract } from './reporting.projector';

const DISTRICTS = ['luxembourg', 'namur'];

describe('reporting projection on PostgreSQL', () => {
  const schema = `reporting_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let dataSource: DataSource;
  let database: DistrictScopedDatabase;
  const events = twoDistrictYear(2025);

  /** Every fact row of every table, ordered, as one comparable value. */
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of FACT_TABLES) tables[table] = await dataSource.query(`SELECT * FROM ${schema}.${table} ORDER BY 1, 2`);
    return tables;
  };
  const truncate = () => dataSource.query(`TRUNCATE ${FACT_TABLES.map((t) => `${schema}.${t}`).join(', ')}, ${schema}.inbox`);
  const applyAll = async (list: readonly IntegrationEvent[]) => {
    for (const event of list) await database.inDistrict(event.district, (manager) => projectContract(manager, event));
  };

  beforeAll(async () => {
    dataSource = await openReportingDatabase(requiredEnv('DATABASE_URL'), schema);
    database = new DistrictScopedDatabase(dataSource);
  });
  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });
  beforeEach(truncate);

  it('given a year of contracts from the three services, when projected twice, then the read model is the same as after once', async () => {
    await applyAll(events);
    const once = await snapshot();
    await applyAll(events);
    expect(await snapshot()).toEqual(once);
    expect(once['referrals']).toHaveLength(17 + 21);
    expect(once['sessions']).toHaveLength(10 + 16 + 2 + 1);
  });

  it('given the contracts of one referral in reverse order, when projected, then the row is the same as in order', async () => {
    const referralId = randomUUID();
    const caseId = randomUUID();
    const received = contracts.referralReceived('namur', { referralId, mandantType: 'SAJ', legalBasis: 'CONSTRAINED', division: 'dinant', decisionDate: '2025-01-02', childCount: 1, adultCount: 1, protectiveMeasureCount: 0, receivedAt: '2025-01-03T09:00:00.000Z' });
    const accepted = contracts.referralAccepted('namur', { referralId, caseId, mode: 'BY_COORDINATOR', acceptedAt: '2025-01-20T09:00:00.000Z' });
    await applyAll([accepted, received]);
    const reversed = await snapshot();
    await truncate();
    await applyAll([received, accepted]);
    expect(await snapshot()).toEqual(reversed);
    expect(reversed['referrals']).toEqual([expect.objectContaining({ district: 'namur', division: 'dinant', mandant_type: 'SAJ', case_id: caseId })]);
  });

  it('given rows of two districts, when one district’s facts are read, then the other’s are invisible', async () => {
    await applyAll(events);
    const namur = await loadDistrictFacts(database, 'namur');
    const hainaut = await loadDistrictFacts(database, 'hainaut');
    expect(namur.referrals).toHaveLength(21);
    expect(hainaut.referrals).toHaveLength(0);
  });

  describe('through the idempotent consumer on the embedded transport', () => {
    let transport: ReturnType<typeof createEmbeddedTransport>;
    let projection: ReportingProjection;
    let outcomes: ConsumerOutcome[];
    const handled = () => outcomes.filter((o) => o.kind === 'handled' || o.kind === 'duplicate' || o.kind === 'dead-lettered').length;

    beforeEach(async () => {
      transport = createEmbeddedTransport();
      outcomes = [];
      projection = new ReportingProjection({ dataSource, schema, transport, districts: DISTRICTS, retry: { attempts: 2, initialDelayMs: 1 }, onOutcome: (o) => outcomes.push(o) });
      await dataSource.query(`DELETE FROM ${schema}.consumer_generations`);
      await projection.start();
    });
    afterEach(() => projection.stop());

    it('given every contract delivered twice, when consumed, then each is applied once and the read model equals a single direct projection', async () => {
      await publish(transport.producer, [...events, ...events]);
      await eventually('every delivery', () => handled() === events.length * 2);
      expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(events.length);
      const consumed = await snapshot();
      await truncate();
      await applyAll(events);
      expect(consumed).toEqual(await snapshot());
    });

    it('given a consumed year, when the operator rebuilds, then the next consumer generation replays the topics into the same read model', async () => {
      await publish(transport.producer, events);
      await eventually('every delivery', () => handled() === events.length);
      const before = await snapshot();
      outcomes = [];
      await projection.rebuild();
      await eventually('the replay', () => handled() === events.length);
      expect(projection.generation).toBe(2);
      expect(await snapshot()).toEqual(before);
    });

    it('given a contract on Namur’s topic that claims Luxembourg, when consumed, then it is dead-lettered and nothing is written', async () => {
      const forged = contracts.referralReceived('luxembourg', { referralId: randomUUID(), mandantType: 'SPJ', legalBasis: 'CONSTRAINED', division: null, decisionDate: '2025-01-02', childCount: 1, adultCount: 1, protectiveMeasureCount: 0, receivedAt: '2025-01-03T09:00:00.000Z' });
      const namurTopic = topicOf({ ...forged, district: 'namur' });
      await transport.producer.send([toKafkaMessage(namurTopic, forged)]);
      await eventually('the dead letter', () => transport.log.partitions(deadLetterTopic(namurTopic)).flat().length === 1);
      expect((await snapshot())['referrals']).toEqual([]);
    });

    it('given a contract missing a field, when consumed, then it is dead-lettered at once without its payload in the error', async () => {
      const broken = contracts.sessionHeld('namur', '2025-03-01T10:00:00.000Z', { caseId: randomUUID(), sessionId: randomUUID(), sessionType: 'supervised-meeting', interrupted: false });
      await publish(transport.producer, [{ ...broken, data: { ...broken.data, sessionType: 42 } }]);
      const dlq = () => transport.log.partitions(deadLetterTopic(topicOf(broken))).flat();
      await eventually('the dead letter', () => dlq().length === 1);
      expect(dlq()[0].headers['dlq_error']).toBe('contract sessions.SessionHeld.v1 has no readable sessionType');
      expect(outcomes.filter((o) => o.kind === 'retrying')).toEqual([]);
    });
  });
});
