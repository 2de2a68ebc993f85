import { toKafkaMessage } from '@lien/shared-messaging';
import { topicOf } from './contract-events';
import { twoDistrictYear } from './two-district-scenario';

describe('the two-district scenario of the reporting tests', () => {
  it('given a year of contracts, when each is put on its topic, then every one passes the CloudEvents header checks of the transport', () => {
    const events = twoDistrictYear(2025);
    expect(() => events.map((e) => toKafkaMessage(topicOf(e), e))).not.toThrow();
    expect(new Set(events.map(topicOf))).toEqual(
      new Set(['luxembourg', 'namur'].flatMap((d) => [`lien.${d}.referrals.referral-lifecycle.v1`, `lien.${d}.sessions.session-lifecycle.v1`, `lien.${d}.assessments.case-assessments.v1`])),
    );
  });
});
