import { Mandate, ProtectiveMeasure, ReferralEvent, ReferralRegistered } from '@lien/referrals-domain';
import { ReferralDetailJson, ReferralRow } from './referral-row.entity';

/** A decoded event with the facts of its recording that the read model needs. */
export interface ProjectedEvent {
  readonly event: ReferralEvent;
  readonly district: string;
  readonly revision: bigint;
  readonly occurredAt: string;
}

/**
 * The row after one event, or `undefined` when there is nothing to write. An event at or below the
 * row's revision was applied before: replaying the log (or a redelivery) leaves the row as it is.
 */
export function referralRowAfter(row: ReferralRow | undefined, projected: ProjectedEvent): ReferralRow | undefined {
  const { event, revision, occurredAt } = projected;
  if (event.type === 'ReferralRegistered') return row ? undefined : registeredRow(event, projected);
  if (!row || BigInt(row.revision) >= revision) return undefined;
  const next = { ...row, revision: revision.toString() };
  const at = new Date(occurredAt);
  switch (event.type) {
    case 'ReferralWaitlisted':
      return { ...next, status: 'WAITLISTED', waitlistedAt: at };
    case 'ReferralAccepted':
      return { ...next, status: 'ACCEPTED', caseId: event.caseId, acceptedAt: at };
    case 'CaseOpened':
      return { ...next, caseId: event.caseId };
    case 'ReferralDeclined':
      return { ...next, status: 'DECLINED', declineReason: event.reason, endedAt: at };
    case 'ReferralWithdrawn':
      return { ...next, status: 'WITHDRAWN', endedAt: at };
    case 'CaseClosed':
      return { ...next, status: 'CLOSED', outcome: event.outcome, endedAt: at };
    case 'MandateAmended': {
      const mandate = {
        ...row.detail.mandate,
        decisionDate: event.decisionDate,
        ...(event.modalities ? { modalities: modalitiesJson(event.modalities) } : {}),
        ...(event.reportDeadlines ? { reportDeadlines: event.reportDeadlines.map((d) => ({ kind: d.kind, dueOn: d.dueOn })) } : {}),
      };
      const amendments = [...row.detail.amendments, { kind: event.kind, decisionDate: event.decisionDate, at: occurredAt }];
      return { ...next, decisionDate: event.decisionDate, earliestReportDue: earliest(mandate.reportDeadlines), detail: { ...row.detail, mandate, amendments } };
    }
  }
}

function registeredRow(event: ReferralRegistered, projected: ProjectedEvent): ReferralRow {
  const mandate = event.mandate;
  return {
    id: event.referralId,
    district: projected.district,
    division: event.division ?? null,
    status: 'RECEIVED',
    mandantType: mandate.mandantType,
    mandateReference: mandate.reference,
    legalBasis: mandate.legalBasis,
    decisionDate: mandate.decisionDate,
    caseId: null,
    declineReason: null,
    outcome: null,
    childCount: event.children.length,
    adultCount: event.adults.length,
    protectiveMeasureCount: event.protectiveMeasures.length,
    earliestReportDue: earliest(mandate.reportDeadlines),
    registeredAt: new Date(projected.occurredAt),
    waitlistedAt: null,
    acceptedAt: null,
    endedAt: null,
    detail: detailOf(event),
    revision: projected.revision.toString(),
  };
}

function detailOf(event: ReferralRegistered): ReferralDetailJson {
  return {
    mandate: mandateJson(event.mandate),
    children: event.children.map((child) => ({ personId: child.personId })),
    adults: event.adults.map((adult) => ({ personId: adult.personId, role: adult.role })),
    protectiveMeasures: event.protectiveMeasures.map(measureJson),
    amendments: [],
  };
}

function mandateJson(mandate: Mandate): ReferralDetailJson['mandate'] {
  return {
    mandantType: mandate.mandantType,
    reference: mandate.reference,
    decisionDate: mandate.decisionDate,
    legalBasis: mandate.legalBasis,
    modalities: modalitiesJson(mandate.modalities),
    reportDeadlines: mandate.reportDeadlines.map((d) => ({ kind: d.kind, dueOn: d.dueOn })),
  };
}

/** Notes are personal (sealed in the events): the read model keeps the structure only. */
function modalitiesJson(modalities: Mandate['modalities']): ReferralDetailJson['mandate']['modalities'] {
  return modalities.map((m) => ({
    kind: m.kind,
    ...(m.sessionsPerMonth === undefined ? {} : { sessionsPerMonth: m.sessionsPerMonth }),
    ...(m.durationMonths === undefined ? {} : { durationMonths: m.durationMonths }),
  }));
}

/** Who is protected from whom, never where: a banned address stays in the sealed event. */
function measureJson(measure: ProtectiveMeasure): ReferralDetailJson['protectiveMeasures'][number] {
  const until = 'until' in measure && measure.until ? { until: measure.until } : {};
  switch (measure.kind) {
    case 'NO_CONTACT_ORDER':
      return { kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: [...measure.protectedPersonIds], ...until };
    case 'ADDRESS_BAN':
      return { kind: measure.kind, restrainedPersonId: measure.restrainedPersonId, protectedPersonIds: [measure.protectedPersonId], ...until };
    case 'VICTIM_ADDRESS_CONFIDENTIAL':
      return { kind: measure.kind, protectedPersonIds: [measure.protectedPersonId] };
  }
}

function earliest(deadlines: ReadonlyArray<{ readonly dueOn: string }>): string | null {
  return deadlines.map((d) => d.dueOn).sort()[0] ?? null;
}
