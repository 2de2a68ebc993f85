import { randomUUID } from 'node:crypto';
import { fromKafkaMessage, IncomingMessage, MessageTransport, topicName } from '@lien/shared-messaging';
import { createKafkaTransport } from '@lien/shared-messaging-kafka-platformatic';
import { eventually, uniqueName } from '@lien/shared-messaging-testing';
import { requiredEnv } from '@lien/shared-testing';
import { CASE_OPENED_V1, MANDATE_AMENDED_V1, REFERRAL_LIFECYCLE_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { aRegistrationBody, ReferralsTestApp, startReferralsApp } from './test-support/referrals-test-app';

jest.setTimeout(120_000);

describe('journey: a waitlisted mandate becomes a case when capacity frees, and its case-opened and mandate-amended contracts reach Kafka', () => {
  // A district of its own: its own capacity, its own topic on the shared broker.
  const district = `journey-${randomUUID().slice(0, 8)}`;
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const topic = topicName({ district, service: REFERRALS_PUBLISHER, family: REFERRAL_LIFECYCLE_FAMILY, version: REFERRAL_LIFECYCLE_FAMILY_VERSION });
  let service: ReferralsTestApp;
  let consumer: MessageTransport;
  const received: IncomingMessage[] = [];
  const base = `/api/v1/districts/${district}/referrals`;
  /** The referral that became a case in the first test; the second one amends its mandate. */
  let openCase: { referralId: string; caseId: string };

  beforeAll(async () => {
    service = await startReferralsApp(requiredEnv('DATABASE_URL'), { capacities: { [district]: 1 }, kafkaBrokers: brokers });
    consumer = createKafkaTransport({ brokers, clientId: 'referrals-journey' });
  });
  afterAll(async () => {
    await consumer?.close();
    await service?.close();
  });

  it('given a full district, when the open case closes, then the oldest waitlisted referral is accepted and its case-opened contract is on Kafka without personal data', async () => {
    const [practitioner, coordinator] = [await service.token('practitioner', district), await service.token('coordinator', district)];
    const register = async () => {
      const response = await service.http().post(base).auth(practitioner, { type: 'bearer' }).set('Idempotency-Key', randomUUID()).send(aRegistrationBody()).expect(201);
      return { id: response.body.id as string, etag: response.headers['etag'] as string };
    };
    const decide = (id: string, action: string, etag: string, body: object = {}) =>
      service.http().post(`${base}/${id}/${action}`).auth(coordinator, { type: 'bearer' }).set('If-Match', etag).send(body);

    // The district's only slot goes to a first case.
    const first = await register();
    const firstCase = await decide(first.id, 'accept', first.etag).expect(200);

    // The next mandate finds no room: the coordinator puts it on the waiting list.
    const waiting = await register();
    expect((await decide(waiting.id, 'accept', waiting.etag).expect(409)).body.code).toBe('DISTRICT_AT_CAPACITY');
    await decide(waiting.id, 'waitlist', waiting.etag).expect(200);

    // The first case closes: its slot frees and the waiting-list policy accepts the waitlisted referral.
    await decide(first.id, 'close', firstCase.headers['etag'], { outcome: 'BOND_RESUMED', note: 'Rapport final transmis' }).expect(200);
    await eventually('the waitlisted referral accepted', async () => {
      const detail = await service.http().get(`${base}/${waiting.id}`).auth(practitioner, { type: 'bearer' }).expect(200);
      return detail.body.status === 'ACCEPTED';
    });
    const accepted = (await service.http().get(`${base}/${waiting.id}`).auth(practitioner, { type: 'bearer' }).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', caseId: expect.any(String), waitlistPosition: null });

    // The relay published it: read the district's topic from the start with a group of our own.
    const subscription = await consumer.consumer.subscribe({ groupId: uniqueName('journey'), topics: [topic], handler: async (message) => void received.push(message) });
    try {
      await eventually('the case-opened contract on Kafka', () => received.some((m) => m.headers['ce_type'] === CASE_OPENED_V1 && m.key === `referral-${waiting.id}`), 60_000);
    } finally {
      await subscription.stop();
    }
    const caseOpened = fromKafkaMessage(received.find((m) => m.headers['ce_type'] === CASE_OPENED_V1 && m.key === `referral-${waiting.id}`) as IncomingMessage);
    expect(caseOpened).toMatchObject({ type: CASE_OPENED_V1, source: `/lien/referrals/${district}`, subject: `referral-${waiting.id}`, district });
    // The mandate's decision date and report deadlines ride along, for the assessments service's due-date tracker.
    expect(caseOpened.data).toMatchObject({ caseId: accepted.caseId, referralId: waiting.id, mandantType: 'FAMILY_COURT', legalBasis: 'CONSTRAINED', mandateDecisionDate: '2026-01-20', reportDeadlines: 'INTERIM:2026-05-20' });
    openCase = { referralId: waiting.id, caseId: accepted.caseId };
    expect(received.map((m) => m.headers['ce_type'])).toEqual(expect.arrayContaining(['referrals.ReferralReceived.v1', 'referrals.ReferralWaitlisted.v1', 'referrals.CaseClosed.v1', 'referrals.ReferralAccepted.v1']));
    const everything = received.map((m) => JSON.stringify(m.headers) + m.key + (m.value?.toString('utf8') ?? '')).join('\n');
    for (const secret of ['Zoé', 'Fictive', 'Marie', 'Tilleuls', '2017-05-04', 'mercredi', 'Rapport final']) expect(everything).not.toContain(secret);
  });

  it('given the open case, when its mandate is renewed over HTTP, then referrals.MandateAmended.v1 reaches Kafka naming the case, with the new decision date and the full list of deadlines', async () => {
    const practitioner = await service.token('practitioner', district);
    const detail = await service.http().get(`${base}/${openCase.referralId}`).auth(practitioner, { type: 'bearer' }).expect(200);
    await service
      .http()
      .post(`${base}/${openCase.referralId}/amend`)
      .auth(practitioner, { type: 'bearer' })
      .set('If-Match', detail.headers['etag'] as string)
      .send({ kind: 'RENEWAL', decisionDate: '2026-03-25', reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }, { kind: 'FINAL', dueOn: '2026-09-30' }] })
      .expect(200);

    const amendments: IncomingMessage[] = [];
    const subscription = await consumer.consumer.subscribe({
      groupId: uniqueName('journey-amended'),
      topics: [topic],
      handler: async (message) => void (message.headers['ce_type'] === MANDATE_AMENDED_V1 ? amendments.push(message) : undefined),
    });
    try {
      await eventually('the mandate-amended contract on Kafka', () => amendments.length >= 1, 60_000);
    } finally {
      await subscription.stop();
    }
    expect(amendments).toHaveLength(1);
    const amended = fromKafkaMessage(amendments[0] as IncomingMessage);
    expect(amended).toMatchObject({ type: MANDATE_AMENDED_V1, subject: `referral-${openCase.referralId}`, district });
    expect(amended.data).toEqual({
      caseId: openCase.caseId,
      referralId: openCase.referralId,
      kind: 'RENEWAL',
      decisionDate: '2026-03-25',
      reportDeadlines: 'INTERIM:2026-05-20,FINAL:2026-09-30',
      amendedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
    });
  });
});
