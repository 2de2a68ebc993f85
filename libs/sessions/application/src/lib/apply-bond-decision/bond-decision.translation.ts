import { ApplyBondDecision } from '@lien/sessions-domain';
import type { BondDecisionSignedV1 } from '@lien/assessments-contracts';

/** A decision contract that cannot be read: retrying will not fix it, so it goes to the dead letters. */
export class UnreadableBondDecision extends Error {
  constructor(reason: string) {
    super(`bond-decision contract unreadable: ${reason}`);
    this.name = 'UnreadableBondDecision';
  }
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export interface BondDecisionForSessions {
  readonly caseId: string;
  readonly command: ApplyBondDecision;
}

/**
 * Reads the assessments service's `BondDecisionSignedV1`. Sessions needs only whether the decision stops
 * supervised meetings, which decision it replaces and when it was signed; the child, the outcome's
 * reasons and the assessments stay with the assessments service. A contract without them is refused
 * (dead-lettered), never guessed: guessing "does not stop" could let a meeting happen that a decision forbade.
 */
export function bondDecisionForSessions(data: Readonly<Record<string, unknown>>): BondDecisionForSessions {
  const contract = data as unknown as Partial<BondDecisionSignedV1>;
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value === '') throw new UnreadableBondDecision(`${field} is missing`);
    return value;
  };
  const caseId = text(contract.caseId, 'caseId');
  const decisionId = text(contract.decisionId, 'decisionId');
  const outcome = text(contract.outcome, 'outcome');
  if (typeof contract.stopsSupervisedMeetings !== 'boolean') throw new UnreadableBondDecision('stopsSupervisedMeetings is missing');
  const supersedes = contract.supersedesDecisionId;
  if (supersedes !== null && (typeof supersedes !== 'string' || supersedes === '')) throw new UnreadableBondDecision('supersedesDecisionId is missing');
  const signedAt = text(contract.signedAt, 'signedAt');
  if (!ISO_UTC.test(signedAt) || Number.isNaN(Date.parse(signedAt))) throw new UnreadableBondDecision('signedAt is not an ISO-8601 UTC time');
  return {
    caseId,
    command: { type: 'ApplyBondDecision', decisionId, outcome, stopsSupervisedMeetings: contract.stopsSupervisedMeetings, supersedesDecisionId: supersedes, issuedAt: new Date(signedAt).toISOString() },
  };
}
