import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { RISK_LEVELS, WELLBEING_LEVELS } from '@lien/assessments-domain';
import type { RiskLevel, WellbeingLevel } from '@lien/assessments-domain';
import { IsCalendarDate } from './calendar-date.validator';

const TEXT = 8000;

export class DimensionRequest {
  @ApiProperty({ enum: WELLBEING_LEVELS })
  @IsIn(WELLBEING_LEVELS)
  level!: WellbeingLevel;

  @ApiProperty({ description: 'Observations neutres et factuelles (donnée personnelle, chiffrée).' })
  @IsString()
  @MaxLength(TEXT)
  observations!: string;

  @ApiPropertyOptional({ description: "Les paroles de l'enfant, telles que dites." })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  childWords?: string;
}

export class DimensionsRequest {
  @ApiProperty({ type: DimensionRequest }) @ValidateNested() @Type(() => DimensionRequest) psychological!: DimensionRequest;
  @ApiProperty({ type: DimensionRequest }) @ValidateNested() @Type(() => DimensionRequest) physical!: DimensionRequest;
  @ApiProperty({ type: DimensionRequest }) @ValidateNested() @Type(() => DimensionRequest) emotional!: DimensionRequest;
}

export class InstrumentScoresRequest {
  @ApiProperty({ example: 'SDQ' })
  @IsString()
  @MaxLength(64)
  instrumentId!: string;

  @ApiPropertyOptional({ example: 'parent' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  respondent?: string;

  @ApiProperty({ description: 'Scores des sous-échelles mesurées ; les totaux sont calculés.', example: { emotional: 6, conduct: 3, hyperactivity: 4, peer: 2, prosocial: 7 } })
  @IsObject()
  scores!: Record<string, number>;
}

export class WellbeingAssessmentRequest {
  @ApiPropertyOptional({ description: 'Identifiant choisi par le client (UUID) : un nouvel envoi ne crée rien de plus.' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ description: "L'enfant concerné, si le dossier en compte plusieurs." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  childId?: string;

  @ApiProperty({ example: '2026-04-02' })
  @IsCalendarDate()
  assessedOn!: string;

  @ApiProperty({ type: DimensionsRequest })
  @ValidateNested()
  @Type(() => DimensionsRequest)
  dimensions!: DimensionsRequest;

  @ApiPropertyOptional({ type: [InstrumentScoresRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => InstrumentScoresRequest)
  instruments?: InstrumentScoresRequest[];
}

export class RiskOverrideRequest {
  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  level!: RiskLevel;

  @ApiPropertyOptional({ description: 'Motif écrit du jugement professionnel (obligatoire, vérifié par la règle OVERRIDE_WITHOUT_REASON).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
}

export class RiskAssessmentRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() assessmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) childId?: string;

  @ApiProperty({ example: '2026-04-03' })
  @IsCalendarDate()
  assessedOn!: string;

  @ApiProperty({ example: ['physical-violence', 'child-fear-of-parent'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  factors!: string[];

  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  scoredLevel!: RiskLevel;

  @ApiPropertyOptional({ type: RiskOverrideRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskOverrideRequest)
  override?: RiskOverrideRequest;
}
