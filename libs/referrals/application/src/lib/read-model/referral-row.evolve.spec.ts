import { SAMPLE_REFERRAL_EVENTS } from '../../testing/referral-event-samples';
import { ReferralRow } from './referral-row.entity';
import { ProjectedEvent, referralRowAfter } from './referral-row.evolve';

const projected = (index: number, revision = index): ProjectedEvent => ({
  event: SAMPLE_REFERRAL_EVENTS[index] as ProjectedEvent['event'],
  district: 'luxembourg',
  revision: BigInt(revision),
  occurredAt: `2026-03-0${index + 2}T09:00:00.000Z`,
});
const fold = (steps: ProjectedEvent[]) => steps.reduce<ReferralRow | undefined>((row, step) => referralRowAfter(row, step) ?? row, undefined);

describe('the referral row, event by event', () => {
  it('given a registration, when projected, then the row holds the mandate without any personal data', () => {
    const row = fold([projected(0)]);
    expect(row).toMatchObject({ status: 'RECEIVED', mandantType: 'FAMILY_COURT', childCount: 1, adultCount: 2, protectiveMeasureCount: 3, earliestReportDue: '2026-05-20', revision: '0' });
    expect(JSON.stringify(row)).not.toMatch(/Zoé|Fictive|Tilleuls|2017-05-04|mercredi/);
  });

  it('given waitlisting then acceptance, when projected, then the row is accepted with its case and keeps when it was waitlisted', () => {
    const row = fold([projected(0), projected(1), projected(2), projected(3)]);
    expect(row).toMatchObject({ status: 'ACCEPTED', caseId: '44444444-4444-4444-8444-444444444444', revision: '3' });
    expect(row?.waitlistedAt?.toISOString()).toBe('2026-03-03T09:00:00.000Z');
  });

  it('given a renewal, when projected, then the new deadline and the amendment are on the row', () => {
    const row = fold([projected(0), projected(4, 1)]);
    expect(row).toMatchObject({ decisionDate: '2026-08-10', earliestReportDue: '2027-02-10' });
    expect(row?.detail.amendments).toEqual([{ kind: 'RENEWAL', decisionDate: '2026-08-10', at: '2026-03-06T09:00:00.000Z' }]);
  });

  it('given an event already applied, when it comes again, then there is nothing to write', () => {
    const row = fold([projected(0), projected(1)]);
    expect(referralRowAfter(row, projected(1))).toBeUndefined();
    expect(referralRowAfter(row, projected(0))).toBeUndefined();
  });
});
