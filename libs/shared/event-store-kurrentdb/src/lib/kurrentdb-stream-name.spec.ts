import { escapeRegex, eventIdClaimStreamName, fromKurrentStreamName, LIEN_STREAM_PATTERN, ownerClaimStreamName, toKurrentStreamName } from './kurrentdb-stream-name';

describe('KurrentDB stream names', () => {
  it('given a district and a stream name, when mapped, then the KurrentDB stream is <district>/<streamName>', () => {
    expect(toKurrentStreamName('luxembourg', 'referral-3f2c')).toBe('luxembourg/referral-3f2c');
  });

  it('given a KurrentDB stream of ours, when mapped back, then district and stream name come out unchanged, even with a / in the name', () => {
    expect(fromKurrentStreamName('luxembourg/referral-3f2c')).toEqual({ district: 'luxembourg', streamName: 'referral-3f2c' });
    expect(fromKurrentStreamName('diekirch/case/files-1')).toEqual({ district: 'diekirch', streamName: 'case/files-1' });
  });

  it.each([
    ['a system stream', '$stats-127.0.0.1:2113'],
    ['a stream metadata stream', '$$luxembourg/referral-1'],
    ['an ownership claim stream', ownerClaimStreamName('referral-1')],
    ['an event id claim stream', eventIdClaimStreamName('3f2c09a1-0000-4000-8000-000000000000')],
    ['a stream without district', 'referral-1'],
    ['a stream with an empty name', 'luxembourg/'],
    ['a stream with an upper-case district', 'Luxembourg/referral-1'],
  ])('given %s, when mapped back, then it is not one of ours', (_, name) => {
    expect(fromKurrentStreamName(name)).toBeUndefined();
  });

  it.each([['Luxembourg'], ['lux/embourg'], ['_lien'], ['$all'], ['']])('given the district %p, when mapping, then it is refused', (district) => {
    expect(() => toKurrentStreamName(district, 'referral-1')).toThrow(RangeError);
  });

  it('given the pattern of our streams, then it matches ours and neither system nor claim streams', () => {
    const ours = new RegExp(LIEN_STREAM_PATTERN);
    expect(ours.test('luxembourg/referral-1')).toBe(true);
    expect(ours.test('$et-referrals.ReferralRegistered.v1')).toBe(false);
    expect(ours.test(ownerClaimStreamName('referral-1'))).toBe(false);
    expect(ours.test(eventIdClaimStreamName('3f2c09a1-0000-4000-8000-000000000000'))).toBe(false);
  });

  it('given a literal with regex metacharacters, when escaped, then the regex matches exactly that literal', () => {
    const literal = 'a.b*c+(d)|[e]^$\\f?{1}';
    expect(new RegExp(`^${escapeRegex(literal)}$`).test(literal)).toBe(true);
    expect(new RegExp(`^${escapeRegex('a.b')}$`).test('axb')).toBe(false);
  });
});
