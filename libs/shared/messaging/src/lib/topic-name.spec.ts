import { deadLetterTopic, InvalidTopicName, topicName } from './topic-name';

describe('topic names', () => {
  it('given a district, service, family and version, when named, then the topic is lien.<district>.<service>.<family>.v<version>', () => {
    expect(topicName({ district: 'luxembourg', service: 'referrals', family: 'case-lifecycle', version: 1 })).toBe('lien.luxembourg.referrals.case-lifecycle.v1');
  });

  it('given a topic, when its dead-letter topic is named, then it is the topic with .dlq', () => {
    expect(deadLetterTopic('lien.luxembourg.referrals.case-lifecycle.v1')).toBe('lien.luxembourg.referrals.case-lifecycle.v1.dlq');
  });

  it.each([
    [{ district: 'Luxembourg', service: 'referrals', family: 'cases', version: 1 }],
    [{ district: 'luxembourg', service: 'refer.rals', family: 'cases', version: 1 }],
    [{ district: 'luxembourg', service: 'referrals', family: 'cases', version: 0 }],
  ])('given an invalid part (%o), when named, then it is refused', (address) => {
    expect(() => topicName(address)).toThrow(InvalidTopicName);
  });
});
