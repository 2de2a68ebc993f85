import { Adult, AmendmentKind, CalendarDate, Child, Mandate, Modality, ProtectiveMeasure, ReportDeadline } from './mandate.types';
import { AcceptanceMode, CaseOutcome, DeclineReason } from './referral.events';

/** Date rules compare with the calendar date of the district (Belgium) on which the command arrived. */
interface Dated {
  readonly today: CalendarDate;
}

export interface RegisterReferral extends Dated {
  readonly type: 'RegisterReferral';
  readonly referralId: string;
  readonly division?: string;
  readonly mandate: Mandate;
  readonly children: readonly Child[];
  readonly adults: readonly Adult[];
  readonly protectiveMeasures: readonly ProtectiveMeasure[];
}

export interface WaitlistReferral {
  readonly type: 'WaitlistReferral';
}

export interface AcceptReferral {
  readonly type: 'AcceptReferral';
  /** Chosen by the caller, so that deciding stays pure. */
  readonly caseId: string;
  readonly mode: AcceptanceMode;
}

export interface DeclineReferral {
  readonly type: 'DeclineReferral';
  readonly reason: DeclineReason;
  readonly note: string;
}

export interface WithdrawReferral {
  readonly type: 'WithdrawReferral';
  readonly note?: string;
}

export interface AmendMandate extends Dated {
  readonly type: 'AmendMandate';
  readonly kind: AmendmentKind;
  readonly decisionDate: CalendarDate;
  readonly modalities?: readonly Modality[];
  readonly reportDeadlines?: readonly ReportDeadline[];
}

export interface CloseCase {
  readonly type: 'CloseCase';
  readonly outcome: CaseOutcome;
  readonly note?: string;
}

export type ReferralCommand =
  | RegisterReferral
  | WaitlistReferral
  | AcceptReferral
  | DeclineReferral
  | WithdrawReferral
  | AmendMandate
  | CloseCase;
