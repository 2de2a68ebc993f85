import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BOND_OUTCOMES, REPORT_KINDS } from '@lien/assessments-domain';
import type { BondOutcome, ReportKind } from '@lien/assessments-domain';
import { IsCalendarDate } from './calendar-date.validator';

const TEXT = 8000;

/** Required texts are optional here on purpose: the domain rules name what is missing with a stable code. */
export class DraftBondDecisionRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() decisionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) childId?: string;

  @ApiProperty({ enum: BOND_OUTCOMES })
  @IsIn(BOND_OUTCOMES)
  outcome!: BondOutcome;

  @ApiPropertyOptional({ description: 'Nouvelles modalités, pour une décision « adapt » seulement.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  adaptedModalities?: string;

  @ApiProperty({ description: 'Motivation écrite (obligatoire : DECISION_WITHOUT_RATIONALE).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  rationale?: string;

  @ApiProperty({ description: "Souhaits exprimés par l'enfant (obligatoire : DECISION_WITHOUT_CHILD_WISHES)." })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  childWishes?: string;

  @ApiProperty({ description: 'Les évaluations sur lesquelles la décision repose.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  assessmentIds?: string[];
}

export class GenerateReportVersionRequest {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind!: ReportKind;

  @ApiPropertyOptional({ description: "L'échéance du mandat à laquelle le rapport répond.", example: '2026-06-01' })
  @IsOptional()
  @IsCalendarDate()
  deadlineDueOn?: string;
}

export class MarkReportSentRequest {
  @ApiProperty({ example: '2026-05-28' })
  @IsCalendarDate()
  sentOn!: string;
}
