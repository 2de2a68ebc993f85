import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ATTRIBUTIONS, SESSION_TYPES } from '@lien/sessions-domain';
import type { Attribution, SessionType } from '@lien/sessions-domain';

/** Ids are pseudonymous and short; anything else (a name typed by mistake) is refused before it is stored. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_MESSAGE = 'must be a pseudonymous id (letters, digits, . _ -; at most 64)';
/** Timestamps are checked by the domain (offset required); here only their size. */
const TIMESTAMP_LENGTH = 40;

export class HouseholdWindowsRequest {
  @IsIn(['protected', 'other']) household!: 'protected' | 'other';
  @IsString() @MaxLength(TIMESTAMP_LENGTH) arrivesFrom!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) arrivesBy!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) leavesFrom!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) leavesBy!: string;
}

export class ScheduleSessionRequest {
  /** Optional: a client that chooses the id can retry without an Idempotency-Key. */
  @IsOptional() @IsUUID() sessionId?: string;
  @IsIn(SESSION_TYPES) sessionType!: SessionType;
  @IsArray() @ArrayMaxSize(8) @Matches(ID, { each: true, message: `participantIds ${ID_MESSAGE}` }) participantIds!: string[];
  @IsArray() @ArrayMaxSize(4) @Matches(ID, { each: true, message: `practitionerIds ${ID_MESSAGE}` }) practitionerIds!: string[];
  @Matches(ID, { message: `roomId ${ID_MESSAGE}` }) roomId!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) startsAt!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) endsAt!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => HouseholdWindowsRequest) separation?: HouseholdWindowsRequest[];
}

export class RescheduleSessionRequest {
  @Matches(ID, { message: `roomId ${ID_MESSAGE}` }) roomId!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) startsAt!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) endsAt!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(2) @ValidateNested({ each: true }) @Type(() => HouseholdWindowsRequest) separation?: HouseholdWindowsRequest[];
}

/** Who caused a cancellation or a no-show; a parent or a child is named by pseudonymous id. */
export class AttributionRequest {
  @IsIn(ATTRIBUTIONS) attributedTo!: Attribution;
  @IsOptional() @Matches(ID, { message: `attributedParticipantId ${ID_MESSAGE}` }) attributedParticipantId?: string;
}

export class AdvancePhaseRequest {
  @IsString() @MaxLength(64) to!: string;
}

export class CalendarQueryRequest {
  @IsString() @MaxLength(TIMESTAMP_LENGTH) from!: string;
  @IsString() @MaxLength(TIMESTAMP_LENGTH) to!: string;
  @IsOptional() @Matches(ID, { message: `roomId ${ID_MESSAGE}` }) roomId?: string;
  @IsOptional() @Matches(ID, { message: `practitionerId ${ID_MESSAGE}` }) practitionerId?: string;
}
