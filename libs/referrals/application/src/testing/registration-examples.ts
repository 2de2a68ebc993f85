import { randomUUID } from 'node:crypto';
import { RegisterReferralInput } from '../lib/register-referral/register-referral.use-case';
import { CommandContext } from '../lib/shared/command-context';

/** Fictitious mandates and callers for the application specs; not exported by the library. */
export function aRegistrationInput(overrides: Partial<RegisterReferralInput> = {}): RegisterReferralInput {
  const child = randomUUID();
  const mother = randomUUID();
  const father = randomUUID();
  return {
    division: 'arlon',
    mandate: {
      mandantType: 'SPJ',
      reference: `SPJ/${Math.floor(Math.random() * 1e9)}`,
      decisionDate: '2026-02-20',
      legalBasis: 'CONSTRAINED',
      modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6, note: 'Le mercredi, au local d’Arlon' }],
      reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }],
    },
    children: [{ personId: child, firstName: 'Léa', lastName: 'Imaginaire', birthDate: '2016-09-01' }],
    adults: [
      { personId: mother, role: 'MOTHER', firstName: 'Anne', lastName: 'Imaginaire', address: 'Rue des Lilas 1, 6700 Arlon' },
      { personId: father, role: 'FATHER', firstName: 'Paul', lastName: 'Inventé' },
    ],
    protectiveMeasures: [
      { kind: 'NO_CONTACT_ORDER', restrainedPersonId: father, protectedPersonIds: [mother] },
      { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: mother },
    ],
    ...overrides,
  };
}

export function aContext(district: string, overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    district,
    actor: { userId: 'coordinator-1', role: 'coordinator' },
    correlationId: randomUUID(),
    at: new Date('2026-03-02T09:00:00.000Z'),
    ...overrides,
  };
}
