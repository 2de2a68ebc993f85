import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LEGAL_BASES, MANDANT_TYPES, MODALITY_KINDS, REPORT_KINDS } from '@lien/referrals-domain';
import { IsCalendarDate } from './calendar-date.validator';
import { FR, MANDATE_REFERENCE } from './validation-messages';

export class ModalityDto {
  @ApiProperty({ enum: MODALITY_KINDS, example: 'SUPERVISED_MEETINGS' })
  @IsIn(MODALITY_KINDS, { message: FR.oneOf(MODALITY_KINDS) })
  kind!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 31, example: 2, description: 'Fréquence ordonnée, en séances par mois.' })
  @IsOptional()
  @IsInt({ message: FR.integer(1, 31) })
  @Min(1, { message: FR.integer(1, 31) })
  @Max(31, { message: FR.integer(1, 31) })
  sessionsPerMonth?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, example: 6, description: 'Durée ordonnée, en mois.' })
  @IsOptional()
  @IsInt({ message: FR.integer(1, 60) })
  @Min(1, { message: FR.integer(1, 60) })
  @Max(60, { message: FR.integer(1, 60) })
  durationMonths?: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Rencontres au local de Marche, le mercredi.' })
  @IsOptional()
  @IsString({ message: FR.text(2000) })
  @MinLength(1, { message: FR.text(2000) })
  @MaxLength(2000, { message: FR.text(2000) })
  note?: string;
}

export class ReportDeadlineDto {
  @ApiProperty({ enum: REPORT_KINDS, example: 'INTERIM' })
  @IsIn(REPORT_KINDS, { message: FR.oneOf(REPORT_KINDS) })
  kind!: string;

  @ApiProperty({ example: '2026-05-20', description: 'Date AAAA-MM-JJ, au plus tôt la date de la décision.' })
  @IsCalendarDate()
  dueOn!: string;
}

export class MandateDto {
  @ApiProperty({ enum: MANDANT_TYPES, example: 'FAMILY_COURT', description: 'Tribunal de la famille, SPJ ou SAJ.' })
  @IsIn(MANDANT_TYPES, { message: FR.oneOf(MANDANT_TYPES) })
  mandantType!: string;

  @ApiProperty({ example: '25/1234/A', description: 'Numéro de rôle ou de dossier du mandant.', pattern: MANDATE_REFERENCE.source })
  @IsString({ message: FR.reference })
  @Matches(MANDATE_REFERENCE, { message: FR.reference })
  reference!: string;

  @ApiProperty({ example: '2026-02-20' })
  @IsCalendarDate()
  decisionDate!: string;

  @ApiProperty({ enum: LEGAL_BASES, example: 'CONSTRAINED', description: 'Une demande du SAJ repose sur l’accord (CONSENT_BASED).' })
  @IsIn(LEGAL_BASES, { message: FR.oneOf(LEGAL_BASES) })
  legalBasis!: string;

  @ApiProperty({ type: [ModalityDto], description: 'Peut être vide à l’enregistrement ; requis pour accepter.' })
  @IsArray({ message: FR.list(0, 20) })
  @ArrayMaxSize(20, { message: FR.list(0, 20) })
  @ValidateNested({ each: true })
  @Type(() => ModalityDto)
  modalities!: ModalityDto[];

  @ApiProperty({ type: [ReportDeadlineDto], description: 'Peut être vide à l’enregistrement ; requis pour accepter.' })
  @IsArray({ message: FR.list(0, 20) })
  @ArrayMaxSize(20, { message: FR.list(0, 20) })
  @ValidateNested({ each: true })
  @Type(() => ReportDeadlineDto)
  reportDeadlines!: ReportDeadlineDto[];
}
