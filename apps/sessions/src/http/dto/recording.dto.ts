import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, INCIDENT_SEVERITIES, INFORMED_PARTIES } from '@lien/sessions-domain';
import type { AttendanceStatus, IncidentSeverity, InformedParty } from '@lien/sessions-domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class AttendanceRequest {
  @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
  @IsOptional() @IsInt() lateMinutes?: number;
}

export class ChildWordsRequest {
  @Matches(ID, { message: 'speakerId must be a pseudonymous id' }) speakerId!: string;
  /** Verbatim: kept exactly as typed, spaces included. */
  @IsString() @MaxLength(2000) words!: string;
}

export class ObservationRequest {
  @IsOptional() @IsUUID() observationId?: string;
  @Matches(ID, { message: 'aboutParticipantId must be a pseudonymous id' }) aboutParticipantId!: string;
  @IsString() @MaxLength(5000) text!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ChildWordsRequest) childWords?: ChildWordsRequest[];
}

export class IncidentRequest {
  @IsOptional() @IsUUID() incidentId?: string;
  @IsIn(INCIDENT_SEVERITIES) severity!: IncidentSeverity;
  @IsBoolean() interruptedSession!: boolean;
  @IsArray() @ArrayMaxSize(INFORMED_PARTIES.length) @IsIn(INFORMED_PARTIES, { each: true }) informed!: InformedParty[];
}
