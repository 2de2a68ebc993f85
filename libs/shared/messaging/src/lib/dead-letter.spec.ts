import { readDeadLetter, toDeadLetter, toRedrive } from './dead-letter';
import { IncomingMessage } from './message';

const original: IncomingMessage = {
  topic: 'lien.luxembourg.referrals.case-lifecycle.v1',
  partition: 2,
  offset: '41',
  key: 'referral-1',
  value: Buffer.from('{"a":1}'),
  headers: { ce_id: 'e-1', ce_type: 'referrals.ReferralRegistered.v1', 'content-type': 'application/json' },
};

class ReadModelUnavailable extends Error {
  readonly code = 'READ_MODEL_UNAVAILABLE';
  constructor() {
    super('read model unavailable\nretry later');
    this.name = 'ReadModelUnavailable';
  }
}

describe('dead letters', () => {
  it('given a record a group gave up on, when turned into a dead letter, then it keeps key, value and headers and adds where it came from and why', () => {
    const letter = toDeadLetter(original, { groupId: 'reporting.case-counts', error: new ReadModelUnavailable(), attempts: 5, failedAt: '2026-03-02T09:15:00.000Z' });

    expect(letter).toEqual({
      topic: 'lien.luxembourg.referrals.case-lifecycle.v1.dlq',
      key: 'referral-1',
      value: original.value,
      headers: {
        ...original.headers,
        dlq_original_topic: original.topic,
        dlq_original_partition: '2',
        dlq_original_offset: '41',
        dlq_consumer_group: 'reporting.case-counts',
        dlq_error_type: 'ReadModelUnavailable:READ_MODEL_UNAVAILABLE',
        dlq_error: 'read model unavailable retry later',
        dlq_attempts: '5',
        dlq_failed_at: '2026-03-02T09:15:00.000Z',
      },
    });
  });

  it('given a dead letter, when re-driven, then the original record goes back to its topic without the dead-letter headers', () => {
    const letter = toDeadLetter(original, { groupId: 'g', error: new Error('x'), attempts: 1, failedAt: '2026-03-02T09:15:00.000Z' });
    const stored: IncomingMessage = { ...letter, partition: 0, offset: '3' };

    const read = readDeadLetter(stored);

    expect(read).toMatchObject({ originalTopic: original.topic, originalPartition: 2, originalOffset: '41', groupId: 'g', attempts: 1 });
    expect(toRedrive(read)).toEqual({ topic: original.topic, key: original.key, value: original.value, headers: original.headers });
  });
});
