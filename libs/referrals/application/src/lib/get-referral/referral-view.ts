import { isErased, Mandate, Personal, ProtectiveMeasure, ReferralEvent, ReferralRegistered } from '@lien/referrals-domain';
import { ReferralListing } from '../read-model/referral-read-model.queries';

/** A person as the API shows them: personal fields are null once the person was erased. */
export interface PersonView {
  readonly personId: string;
  readonly role?: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly birthDate: string | null;
  readonly address?: string | null;
  /** The victim's address is confidential: it is never returned, only this flag. */
  readonly addressConfidential?: boolean;
  readonly erased: boolean;
}

export interface ReferralView {
  readonly id: string;
  readonly district: string;
  readonly division: string | null;
  readonly status: string;
  readonly revision: string;
  readonly mandate: {
    readonly mandantType: string;
    readonly reference: string;
    readonly decisionDate: string;
    readonly legalBasis: string;
    readonly modalities: ReadonlyArray<{ kind: string; sessionsPerMonth: number | null; durationMonths: number | null; note: string | null }>;
    readonly reportDeadlines: ReadonlyArray<{ kind: string; dueOn: string }>;
  };
  readonly children: readonly PersonView[];
  readonly adults: readonly PersonView[];
  readonly protectiveMeasures: ReadonlyArray<{ kind: string; restrainedPersonId: string | null; protectedPersonIds: readonly string[]; until: string | null; address?: string | null }>;
  readonly amendments: ReadonlyArray<{ kind: string; decisionDate: string; at: string }>;
  readonly caseId: string | null;
  readonly declineReason: string | null;
  readonly declineNote: string | null;
  readonly withdrawalNote: string | null;
  readonly outcome: string | null;
  readonly closureNote: string | null;
  readonly registeredAt: string;
  readonly waitlistedAt: string | null;
  readonly waitlistPosition: number | null;
  readonly acceptedAt: string | null;
  readonly endedAt: string | null;
}

const open = (value: Personal<string> | undefined): string | null => (value === undefined || isErased(value) ? null : value);

/** The row gives status, times and place in the queue; the events up to the row's revision give the personal detail. */
export function referralView(row: ReferralListing, events: readonly ReferralEvent[]): ReferralView {
  const registered = events.find((e): e is ReferralRegistered => e.type === 'ReferralRegistered');
  if (!registered) throw new Error('a referral row without its registration event');
  const confidential = new Set(registered.protectiveMeasures.flatMap((m) => (m.kind === 'VICTIM_ADDRESS_CONFIDENTIAL' ? [m.protectedPersonId] : [])));
  const mandate = events.reduce<Mandate>((current, e) => (e.type === 'MandateAmended' ? { ...current, modalities: e.modalities ?? current.modalities, reportDeadlines: e.reportDeadlines ?? current.reportDeadlines } : current), registered.mandate);
  const noteOf = (type: ReferralEvent['type']) => {
    const event = events.find((e) => e.type === type);
    return event && 'note' in event ? open(event.note) : null;
  };
  return {
    id: row.id,
    district: row.district,
    division: row.division,
    status: row.status,
    revision: row.revision,
    mandate: {
      mandantType: mandate.mandantType,
      reference: mandate.reference,
      decisionDate: row.decisionDate,
      legalBasis: mandate.legalBasis,
      modalities: mandate.modalities.map((m) => ({ kind: m.kind, sessionsPerMonth: m.sessionsPerMonth ?? null, durationMonths: m.durationMonths ?? null, note: open(m.note) })),
      reportDeadlines: mandate.reportDeadlines.map((d) => ({ kind: d.kind, dueOn: d.dueOn })),
    },
    children: registered.children.map((c) => ({ personId: c.personId, firstName: open(c.firstName), lastName: open(c.lastName), birthDate: open(c.birthDate), erased: isErased(c.firstName) })),
    adults: registered.adults.map((a) => ({
      personId: a.personId,
      role: a.role,
      firstName: open(a.firstName),
      lastName: open(a.lastName),
      birthDate: open(a.birthDate),
      address: confidential.has(a.personId) ? null : open(a.address),
      ...(confidential.has(a.personId) ? { addressConfidential: true } : {}),
      erased: isErased(a.firstName),
    })),
    protectiveMeasures: registered.protectiveMeasures.map((m) => measureView(m, confidential)),
    amendments: row.detail.amendments,
    caseId: row.caseId,
    declineReason: row.declineReason,
    declineNote: noteOf('ReferralDeclined'),
    withdrawalNote: noteOf('ReferralWithdrawn'),
    outcome: row.outcome,
    closureNote: noteOf('CaseClosed'),
    registeredAt: row.registeredAt.toISOString(),
    waitlistedAt: row.waitlistedAt?.toISOString() ?? null,
    waitlistPosition: row.waitlistPosition,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

function measureView(measure: ProtectiveMeasure, confidential: ReadonlySet<string>): ReferralView['protectiveMeasures'][number] {
  switch (measure.kind) {
    case 'NO_CONTACT_ORDER':
      return { kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: measure.protectedPersonIds, until: measure.until ?? null };
    case 'ADDRESS_BAN':
      return {
        kind: measure.kind,
        restrainedPersonId: measure.restrainedPersonId,
        protectedPersonIds: [measure.protectedPersonId],
        until: measure.until ?? null,
        address: confidential.has(measure.protectedPersonId) ? null : open(measure.address),
      };
    case 'VICTIM_ADDRESS_CONFIDENTIAL':
      return { kind: measure.kind, restrainedPersonId: null, protectedPersonIds: [measure.protectedPersonId], until: null };
  }
}
