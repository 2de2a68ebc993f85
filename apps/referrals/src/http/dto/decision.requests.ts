import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AMENDMENT_KINDS, CASE_OUTCOMES, DECLINE_REASONS } from '@lien/referrals-domain';
import { IsCalendarDate } from './calendar-date.validator';
import { ModalityDto, ReportDeadlineDto } from './mandate.dto';
import { FR } from './validation-messages';

export class DeclineReferralRequest {
  @ApiProperty({ enum: DECLINE_REASONS, example: 'OTHER_SERVICE_BETTER_PLACED' })
  @IsIn(DECLINE_REASONS, { message: FR.oneOf(DECLINE_REASONS) })
  reason!: string;

  @ApiProperty({ maxLength: 2000, example: 'Un Espace-Rencontre de la division est mieux placé.' })
  @IsString({ message: FR.text(2000) })
  @MinLength(1, { message: FR.text(2000) })
  @MaxLength(2000, { message: FR.text(2000) })
  note!: string;
}

export class WithdrawReferralRequest {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Le SAJ retire sa demande : la famille ne donne plus son accord.' })
  @IsOptional()
  @IsString({ message: FR.text(2000) })
  @MinLength(1, { message: FR.text(2000) })
  @MaxLength(2000, { message: FR.text(2000) })
  note?: string;
}

export class AmendMandateRequest {
  @ApiProperty({ enum: AMENDMENT_KINDS, example: 'RENEWAL' })
  @IsIn(AMENDMENT_KINDS, { message: FR.oneOf(AMENDMENT_KINDS) })
  kind!: string;

  @ApiProperty({ example: '2026-08-10', description: 'Date de la décision de renouvellement ou de modification.' })
  @IsCalendarDate()
  decisionDate!: string;

  @ApiPropertyOptional({ type: [ModalityDto], description: 'La nouvelle liste complète, si elle change.' })
  @IsOptional()
  @IsArray({ message: FR.list(0, 20) })
  @ArrayMaxSize(20, { message: FR.list(0, 20) })
  @ValidateNested({ each: true })
  @Type(() => ModalityDto)
  modalities?: ModalityDto[];

  @ApiPropertyOptional({ type: [ReportDeadlineDto], description: 'La nouvelle liste complète, si elle change.' })
  @IsOptional()
  @IsArray({ message: FR.list(0, 20) })
  @ArrayMaxSize(20, { message: FR.list(0, 20) })
  @ValidateNested({ each: true })
  @Type(() => ReportDeadlineDto)
  reportDeadlines?: ReportDeadlineDto[];
}

export class CloseCaseRequest {
  @ApiProperty({ enum: CASE_OUTCOMES, example: 'BOND_RESUMED' })
  @IsIn(CASE_OUTCOMES, { message: FR.oneOf(CASE_OUTCOMES) })
  outcome!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Rapport final transmis au tribunal le 30/09.' })
  @IsOptional()
  @IsString({ message: FR.text(2000) })
  @MinLength(1, { message: FR.text(2000) })
  @MaxLength(2000, { message: FR.text(2000) })
  note?: string;
}
