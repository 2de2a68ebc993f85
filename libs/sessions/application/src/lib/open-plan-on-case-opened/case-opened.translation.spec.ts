import { caseForSessions, UnreadableCaseOpened } from './case-opened.translation';

const CHILD = 'c1';
const MOTHER = 'm1';
const FATHER = 'f1';
const contract = (overrides: Record<string, unknown> = {}) => ({
  caseId: 'case-1',
  referralId: 'r-1',
  mandantType: 'FAMILY_COURT',
  legalBasis: 'CONSTRAINED',
  division: null,
  childIds: CHILD,
  adultIds: `${MOTHER},${FATHER}`,
  adultRoles: 'MOTHER,FATHER',
  custodialAdultId: MOTHER,
  protectiveMeasures: `NO_CONTACT_ORDER:${FATHER}>${MOTHER}|${CHILD}`,
  supervisedContactAllowed: false,
  openedAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

describe('reading the case-opened contract for sessions', () => {
  it('given a no-contact order of the father, when read, then the mother and the child form the protected household and the father the other', () => {
    expect(caseForSessions(contract())).toEqual({
      caseId: 'case-1',
      participants: [
        { participantId: CHILD, role: 'child', household: 'protected' },
        { participantId: MOTHER, role: 'parent', household: 'protected' },
        { participantId: FATHER, role: 'parent', household: 'other' },
      ],
      measures: [{ measureId: 'measure-1', kind: 'no-contact-order', restrictedParticipantId: FATHER, protectedParticipantIds: [MOTHER, CHILD], supervisedContactAllowed: false }],
    });
  });

  it('given no measure, when read, then the custodial parent is the protected household, so the parents are never one household', () => {
    const { participants, measures } = caseForSessions(contract({ protectiveMeasures: '', custodialAdultId: FATHER }));
    expect(participants.map((p) => [p.participantId, p.household])).toEqual([[CHILD, 'protected'], [MOTHER, 'other'], [FATHER, 'protected']]);
    expect(measures).toEqual([]);
  });

  it('given an address ban, when read, then it decides the households but forbids no session', () => {
    const { participants, measures } = caseForSessions(contract({ protectiveMeasures: `ADDRESS_BAN:${MOTHER}>${FATHER}`, custodialAdultId: null }));
    expect(participants.find((p) => p.participantId === MOTHER)?.household).toBe('other');
    expect(participants.find((p) => p.participantId === FATHER)?.household).toBe('protected');
    expect(measures).toEqual([]);
  });

  it('given a grandparent, when read, then only parents take part in sessions', () => {
    const { participants } = caseForSessions(contract({ adultIds: `${MOTHER},${FATHER},g1`, adultRoles: 'MOTHER,FATHER,OTHER' }));
    expect(participants.map((p) => p.participantId)).toEqual([CHILD, MOTHER, FATHER]);
  });

  it.each([
    ['without roles', { adultRoles: undefined }],
    ['with roles not matching the adults', { adultRoles: 'MOTHER' }],
    ['without the supervised-contact flag', { supervisedContactAllowed: undefined }],
    ['without measures', { protectiveMeasures: undefined }],
    ['with a malformed measure', { protectiveMeasures: 'NO_CONTACT_ORDER:f1' }],
  ])('given a contract %s, when read, then it is refused instead of opening a plan that would not know whom to protect', (_, overrides) => {
    expect(() => caseForSessions(contract(overrides))).toThrow(UnreadableCaseOpened);
  });
});
