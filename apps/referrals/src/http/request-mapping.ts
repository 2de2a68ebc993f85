import {
  AdultRole, AmendmentKind, CaseOutcome, DeclineReason, LegalBasis, MandantType, Modality, ModalityKind, ProtectiveMeasure, ReportDeadline, ReportKind,
} from '@lien/referrals-domain';
import { AmendMandateInput, CloseCaseInput, DeclineReferralInput, RegisterReferralInput } from '@lien/referrals-application';
import { AmendMandateRequest, CloseCaseRequest, DeclineReferralRequest } from './dto/decision.requests';
import { ModalityDto, ReportDeadlineDto } from './dto/mandate.dto';
import { ProtectiveMeasureDto } from './dto/protective-measure.dto';
import { RegisterReferralRequest } from './dto/register-referral.request';

// The DTOs were validated (enumerations included) before these run: the casts only narrow `string`.

export function registrationInput(body: RegisterReferralRequest): RegisterReferralInput {
  return {
    ...(body.division === undefined ? {} : { division: body.division }),
    mandate: {
      mandantType: body.mandate.mandantType as MandantType,
      reference: body.mandate.reference.trim(),
      decisionDate: body.mandate.decisionDate,
      legalBasis: body.mandate.legalBasis as LegalBasis,
      modalities: body.mandate.modalities.map(modality),
      reportDeadlines: body.mandate.reportDeadlines.map(deadline),
    },
    children: body.children.map((c) => ({ personId: c.personId.toLowerCase(), firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate })),
    adults: body.adults.map((a) => ({
      personId: a.personId.toLowerCase(),
      role: a.role as AdultRole,
      firstName: a.firstName,
      lastName: a.lastName,
      ...(a.birthDate === undefined ? {} : { birthDate: a.birthDate }),
      ...(a.address === undefined ? {} : { address: a.address }),
    })),
    protectiveMeasures: body.protectiveMeasures.map(measure),
  };
}

export function declineInput(body: DeclineReferralRequest): DeclineReferralInput {
  return { reason: body.reason as DeclineReason, note: body.note };
}

export function amendmentInput(body: AmendMandateRequest): AmendMandateInput {
  return {
    kind: body.kind as AmendmentKind,
    decisionDate: body.decisionDate,
    ...(body.modalities === undefined ? {} : { modalities: body.modalities.map(modality) }),
    ...(body.reportDeadlines === undefined ? {} : { reportDeadlines: body.reportDeadlines.map(deadline) }),
  };
}

export function closureInput(body: CloseCaseRequest): CloseCaseInput {
  return { outcome: body.outcome as CaseOutcome, ...(body.note === undefined ? {} : { note: body.note }) };
}

function modality(dto: ModalityDto): Modality {
  return {
    kind: dto.kind as ModalityKind,
    ...(dto.sessionsPerMonth === undefined ? {} : { sessionsPerMonth: dto.sessionsPerMonth }),
    ...(dto.durationMonths === undefined ? {} : { durationMonths: dto.durationMonths }),
    ...(dto.note === undefined ? {} : { note: dto.note }),
  };
}

function deadline(dto: ReportDeadlineDto): ReportDeadline {
  return { kind: dto.kind as ReportKind, dueOn: dto.dueOn };
}

function measure(dto: ProtectiveMeasureDto): ProtectiveMeasure {
  const until = dto.until === undefined ? {} : { until: dto.until };
  const id = (value: string | undefined) => (value ?? '').toLowerCase();
  switch (dto.kind) {
    case 'NO_CONTACT_ORDER':
      return { kind: 'NO_CONTACT_ORDER', restrainedPersonId: id(dto.restrainedPersonId), protectedPersonIds: (dto.protectedPersonIds ?? []).map(id), ...until };
    case 'ADDRESS_BAN':
      return { kind: 'ADDRESS_BAN', restrainedPersonId: id(dto.restrainedPersonId), protectedPersonId: id(dto.protectedPersonId), address: dto.address ?? '', ...until };
    default:
      return { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: id(dto.protectedPersonId) };
  }
}
