import { deciderSpecification } from '@lien/shared-decider-testing';
import { DuplicateMandateReference, mandateReferenceDecider, normaliseMandateReference } from './mandate-reference.decide';

const spec = deciderSpecification(mandateReferenceDecider);
const FIRST = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const SECOND = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const reservedByFirst = { type: 'MandateReferenceReserved', referralId: FIRST, reservedAt: '2026-03-02T09:00:00.000Z' } as const;
const reserve = (holderStatus: 'ACTIVE' | 'ENDED' | 'MISSING', at = '2026-03-02T09:00:30.000Z') => ({ type: 'ReserveMandateReference', referralId: SECOND, at, holderStatus }) as const;

describe('reserving a mandate reference in a district', () => {
  it('given a free reference, when a referral reserves it, then it is reserved for that referral', () => {
    spec.given([]).when(reserve('ACTIVE')).then([{ type: 'MandateReferenceReserved', referralId: SECOND, reservedAt: '2026-03-02T09:00:30.000Z' }]);
  });

  it('given a reference held by an active referral, when another referral reserves it, then it is refused with a pointer to the holder', () => {
    spec.given([reservedByFirst]).when(reserve('ACTIVE')).thenThrows(DuplicateMandateReference, (e) => expect(e.existingReferralId).toBe(FIRST));
  });

  it('given a reference held by this referral, when it reserves again (a retry), then nothing happens', () => {
    spec.given([reservedByFirst]).when({ ...reserve('ACTIVE'), referralId: FIRST }).thenNothing();
  });

  it('given a reference held by a declined, withdrawn or closed referral, when a new referral reserves it, then it passes to the new one', () => {
    spec.given([reservedByFirst]).when(reserve('ENDED')).then([{ type: 'MandateReferenceReserved', referralId: SECOND, reservedAt: '2026-03-02T09:00:30.000Z' }]);
  });

  it('given a reservation whose referral is not written yet, when another referral reserves within the grace period, then it is refused as a duplicate', () => {
    spec.given([reservedByFirst]).when(reserve('MISSING')).thenThrows(DuplicateMandateReference);
  });

  it('given a reservation abandoned by a crashed registration, when another referral reserves after the grace period, then it takes it over', () => {
    spec.given([reservedByFirst]).when(reserve('MISSING', '2026-03-02T09:10:00.000Z')).then([{ type: 'MandateReferenceReserved', referralId: SECOND, reservedAt: '2026-03-02T09:10:00.000Z' }]);
  });
});

describe('normalising a mandate reference', () => {
  it('given two spellings of one docket number, when normalised, then they are the same', () => {
    expect(normaliseMandateReference('25/1234/a ')).toBe(normaliseMandateReference('25 1234 A'));
    expect(normaliseMandateReference('RG-25.1234')).toBe(normaliseMandateReference('rg 25/1234'));
  });

  it('given two different numbers, when normalised, then they differ', () => {
    expect(normaliseMandateReference('25/1234/A')).not.toBe(normaliseMandateReference('25/1243/A'));
  });
});
