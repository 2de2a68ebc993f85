import { CloudEvent, Kafka, KafkaMessage } from 'cloudevents';
import { fromKafkaMessage, IntegrationEvent, InvalidCloudEvent, toKafkaMessage } from './cloud-event';
import { IncomingMessage } from './message';

const event: IntegrationEvent = {
  id: '6f1c2a0e-9d4b-4c1e-8f3a-2b7d9e0c4a11',
  type: 'referrals.ReferralRegistered.v1',
  source: '/lien/referrals/luxembourg',
  subject: 'referral-0b8e6f52-3c1d-4a7e-9f20-5d6c7b8a9e01',
  time: '2026-03-02T09:15:00.000Z',
  district: 'luxembourg',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: { referralId: '0b8e6f52-3c1d-4a7e-9f20-5d6c7b8a9e01', urgency: 'high' },
};

const asReceived = (topic: string, e: IntegrationEvent): IncomingMessage => ({ ...toKafkaMessage(topic, e), partition: 0, offset: '7' });

describe('CloudEvents binary content mode', () => {
  it('given an integration event, when mapped to a Kafka record, then the record matches the golden sample', () => {
    const record = toKafkaMessage('lien.luxembourg.referrals.case-lifecycle.v1', event);

    expect({ ...record, value: record.value?.toString('utf8') }).toEqual({
      topic: 'lien.luxembourg.referrals.case-lifecycle.v1',
      key: 'referral-0b8e6f52-3c1d-4a7e-9f20-5d6c7b8a9e01',
      value: '{"referralId":"0b8e6f52-3c1d-4a7e-9f20-5d6c7b8a9e01","urgency":"high"}',
      headers: {
        ce_specversion: '1.0',
        ce_id: '6f1c2a0e-9d4b-4c1e-8f3a-2b7d9e0c4a11',
        ce_type: 'referrals.ReferralRegistered.v1',
        ce_source: '/lien/referrals/luxembourg',
        ce_subject: 'referral-0b8e6f52-3c1d-4a7e-9f20-5d6c7b8a9e01',
        ce_time: '2026-03-02T09:15:00.000Z',
        ce_district: 'luxembourg',
        'content-type': 'application/json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
    });
  });

  it('given a mapped record, when the official CloudEvents SDK reads it, then it is a valid CloudEvent with the same attributes', () => {
    const record = toKafkaMessage('t', event);

    const message: KafkaMessage<string> = { key: record.key, value: record.value?.toString('utf8') ?? '', headers: record.headers, body: undefined };
    const parsed = Kafka.toEvent(message);

    const single = (Array.isArray(parsed) ? parsed[0] : parsed) as CloudEvent<unknown>;
    expect(single.validate()).toBe(true);
    expect(single).toMatchObject({ id: event.id, type: event.type, source: event.source, subject: event.subject, time: event.time, district: 'luxembourg', datacontenttype: 'application/json', data: event.data });
  });

  it('given a mapped record, when read back, then the same integration event comes out', () => {
    const received = fromKafkaMessage(asReceived('t', event));

    expect({ ...received, message: undefined }).toEqual({ ...event, message: undefined });
  });

  it.each([
    ['a name in the subject', { subject: 'Marie Dupont' }],
    ['free text in the id', { id: 'born 2012-04-01 in Arlon' }],
    ['an unversioned type', { type: 'referrals.ReferralRegistered' }],
    ['a district with spaces', { district: 'Luxembourg province' }],
    ['a local time', { time: '2026-03-02T10:15:00+01:00' }],
  ])('given %s, when mapped, then it is refused before anything is sent', (_case, change) => {
    expect(() => toKafkaMessage('t', { ...event, ...change })).toThrow(InvalidCloudEvent);
  });

  it.each([
    ['no specversion', (m: IncomingMessage) => ({ ...m, headers: { ...m.headers, ce_specversion: '' } })],
    ['data that is not JSON', (m: IncomingMessage) => ({ ...m, value: Buffer.from('{not json') })],
    ['no data', (m: IncomingMessage) => ({ ...m, value: null })],
  ])('given a record with %s, when read, then it is refused as an invalid CloudEvent', (_case, spoil) => {
    expect(() => fromKafkaMessage(spoil(asReceived('t', event)))).toThrow(InvalidCloudEvent);
  });
});
