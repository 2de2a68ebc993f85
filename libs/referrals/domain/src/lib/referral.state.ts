import { Mandate } from './mandate.types';
import { CaseOutcome, DeclineReason, ReferralEvent, ReferralRegistered } from './referral.events';

export const REFERRAL_STATUSES = ['RECEIVED', 'WAITLISTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'CLOSED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses after which nothing more happens to the referral. */
export const FINAL_STATUSES: readonly ReferralStatus[] = ['DECLINED', 'WITHDRAWN', 'CLOSED'];

export type ReferralState =
  | { readonly status: 'NONE' }
  | {
      readonly status: ReferralStatus;
      readonly registered: ReferralRegistered;
      /** The mandate as amended so far. */
      readonly mandate: Mandate;
      readonly caseId?: string;
      readonly declineReason?: DeclineReason;
      readonly outcome?: CaseOutcome;
    };

export type RegisteredReferral = Exclude<ReferralState, { status: 'NONE' }>;

export const initialReferralState = (): ReferralState => ({ status: 'NONE' });

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralRegistered') return { status: 'RECEIVED', registered: event, mandate: event.mandate };
  // Events only ever follow a registration; a stream that starts otherwise is left as it is.
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ReferralWaitlisted':
      return { ...state, status: 'WAITLISTED' };
    case 'ReferralAccepted':
      return { ...state, status: 'ACCEPTED', caseId: event.caseId };
    case 'CaseOpened':
      return { ...state, caseId: event.caseId };
    case 'ReferralDeclined':
      return { ...state, status: 'DECLINED', declineReason: event.reason };
    case 'ReferralWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'MandateAmended':
      return {
        ...state,
        mandate: {
          ...state.mandate,
          decisionDate: event.decisionDate,
          modalities: event.modalities ?? state.mandate.modalities,
          reportDeadlines: event.reportDeadlines ?? state.mandate.reportDeadlines,
        },
      };
    case 'CaseClosed':
      return { ...state, status: 'CLOSED', outcome: event.outcome };
  }
}
