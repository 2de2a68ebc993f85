import { Decider } from '@lien/shared-kernel';
import { checkAmendment, checkCompleteForAcceptance, checkRegistration } from './mandate.rules';
import { sameValue } from './same-value';
import { AcceptReferral, AmendMandate, CloseCase, DeclineReferral, ReferralCommand, RegisterReferral, WithdrawReferral } from './referral.commands';
import { ReferralAlreadyRegistered, ReferralNotAcceptable, ReferralNotDeclinable, ReferralNotFound, ReferralNotWaitlistable, ReferralNotWithdrawable, MandateNotAmendable, CaseNotOpen } from './referral.errors';
import { ProtectiveMeasure } from './mandate.types';
import { CaseRestraint, ReferralEvent, ReferralRegistered } from './referral.events';
import { evolveReferral, initialReferralState, ReferralState, RegisteredReferral } from './referral.state';

export function decideReferral(command: ReferralCommand, state: ReferralState): readonly ReferralEvent[] {
  if (command.type === 'RegisterReferral') return register(command, state);
  if (state.status === 'NONE') throw new ReferralNotFound();
  switch (command.type) {
    case 'WaitlistReferral':
      if (state.status === 'WAITLISTED') return [];
      if (state.status !== 'RECEIVED') throw new ReferralNotWaitlistable(state.status);
      return [{ type: 'ReferralWaitlisted', referralId: state.registered.referralId }];
    case 'AcceptReferral':
      return accept(command, state);
    case 'DeclineReferral':
      return decline(command, state);
    case 'WithdrawReferral':
      return withdraw(command, state);
    case 'AmendMandate':
      return amend(command, state);
    case 'CloseCase':
      return close(command, state);
  }
}

function register(command: RegisterReferral, state: ReferralState): readonly ReferralEvent[] {
  const registered: ReferralRegistered = {
    type: 'ReferralRegistered',
    referralId: command.referralId,
    ...(command.division === undefined ? {} : { division: command.division }),
    mandate: command.mandate,
    children: command.children,
    adults: command.adults,
    protectiveMeasures: command.protectiveMeasures,
  };
  if (state.status !== 'NONE') {
    // The same registration arriving twice (a retry) changes nothing; anything else under this id is a conflict.
    if (sameValue(state.registered, registered)) return [];
    throw new ReferralAlreadyRegistered(command.referralId);
  }
  checkRegistration(command);
  return [registered];
}

function accept(command: AcceptReferral, state: RegisteredReferral): readonly ReferralEvent[] {
  if (state.status === 'ACCEPTED') return [];
  if (state.status !== 'RECEIVED' && state.status !== 'WAITLISTED') throw new ReferralNotAcceptable(state.status);
  checkCompleteForAcceptance(state.mandate);
  const { referralId, division, children, adults, protectiveMeasures } = state.registered;
  return [
    { type: 'ReferralAccepted', referralId, caseId: command.caseId, mode: command.mode },
    {
      type: 'CaseOpened',
      referralId,
      caseId: command.caseId,
      mandantType: state.mandate.mandantType,
      legalBasis: state.mandate.legalBasis,
      ...(division === undefined ? {} : { division }),
      childIds: children.map((child) => child.personId),
      adultIds: adults.map((adult) => adult.personId),
      adultRoles: adults.map((adult) => adult.role),
      protectiveMeasures: restraintsOf(protectiveMeasures),
      supervisedContactAllowed: state.mandate.modalities.some((modality) => modality.kind === 'SUPERVISED_MEETINGS'),
      mandateDecisionDate: state.mandate.decisionDate,
      reportDeadlines: state.mandate.reportDeadlines.map((deadline) => ({ ...deadline })),
    },
  ];
}

/**
 * The measures that restrain someone, for the services that keep people apart. Address confidentiality
 * restrains nobody and the banned address is personal data, so neither leaves. An `until` date is not
 * checked here (deciding has no clock): a measure is passed on rather than dropped by mistake.
 */
function restraintsOf(measures: readonly ProtectiveMeasure[]): CaseRestraint[] {
  return measures.flatMap((measure): CaseRestraint[] => {
    if (measure.kind === 'NO_CONTACT_ORDER') return [{ kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: [...measure.protectedPersonIds] }];
    if (measure.kind === 'ADDRESS_BAN') return [{ kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: [measure.protectedPersonId] }];
    return [];
  });
}

function decline(command: DeclineReferral, state: RegisteredReferral): readonly ReferralEvent[] {
  if (state.status === 'DECLINED' && state.declineReason === command.reason) return [];
  if (state.status !== 'RECEIVED' && state.status !== 'WAITLISTED') throw new ReferralNotDeclinable(state.status);
  return [{ type: 'ReferralDeclined', referralId: state.registered.referralId, reason: command.reason, note: command.note }];
}

/** The mandant may withdraw at any point before the end; an open case then closes with that outcome. */
function withdraw(command: WithdrawReferral, state: RegisteredReferral): readonly ReferralEvent[] {
  if (state.status === 'WITHDRAWN') return [];
  if (state.status === 'DECLINED' || state.status === 'CLOSED') throw new ReferralNotWithdrawable(state.status);
  const referralId = state.registered.referralId;
  const note = command.note === undefined ? {} : { note: command.note };
  const withdrawn: ReferralEvent = { type: 'ReferralWithdrawn', referralId, ...note };
  if (state.status !== 'ACCEPTED' || state.caseId === undefined) return [withdrawn];
  return [{ type: 'CaseClosed', referralId, caseId: state.caseId, outcome: 'MANDATE_WITHDRAWN' }, withdrawn];
}

function amend(command: AmendMandate, state: RegisteredReferral): readonly ReferralEvent[] {
  if (state.status !== 'RECEIVED' && state.status !== 'WAITLISTED' && state.status !== 'ACCEPTED') throw new MandateNotAmendable(state.status);
  checkAmendment(command, state.mandate);
  const current = state.mandate;
  const modalitiesChange = command.modalities !== undefined && !sameValue(command.modalities, current.modalities);
  const deadlinesChange = command.reportDeadlines !== undefined && !sameValue(command.reportDeadlines, current.reportDeadlines);
  if (!modalitiesChange && !deadlinesChange && command.decisionDate === current.decisionDate) return [];
  return [
    {
      type: 'MandateAmended',
      referralId: state.registered.referralId,
      // Once the case is open, the services working on it are told (assessments: deadlines, reassessment).
      ...(state.status === 'ACCEPTED' && state.caseId !== undefined ? { caseId: state.caseId } : {}),
      kind: command.kind,
      decisionDate: command.decisionDate,
      ...(modalitiesChange ? { modalities: command.modalities } : {}),
      ...(deadlinesChange ? { reportDeadlines: command.reportDeadlines } : {}),
    },
  ];
}

function close(command: CloseCase, state: RegisteredReferral): readonly ReferralEvent[] {
  if (state.status === 'CLOSED' && state.outcome === command.outcome) return [];
  if (state.status !== 'ACCEPTED' || state.caseId === undefined) throw new CaseNotOpen(state.status);
  const note = command.note === undefined ? {} : { note: command.note };
  return [{ type: 'CaseClosed', referralId: state.registered.referralId, caseId: state.caseId, outcome: command.outcome, ...note }];
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  decide: decideReferral,
  evolve: evolveReferral,
  initialState: initialReferralState,
};
