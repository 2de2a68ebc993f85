import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PROTECTIVE_MEASURE_KINDS } from '@lien/referrals-domain';
import { IsCalendarDate } from './calendar-date.validator';
import { FR } from './validation-messages';

const restrains = (m: ProtectiveMeasureDto) => m.kind === 'NO_CONTACT_ORDER' || m.kind === 'ADDRESS_BAN';

/** One measure in force; which fields it needs depends on its kind. */
export class ProtectiveMeasureDto {
  @ApiProperty({ enum: PROTECTIVE_MEASURE_KINDS, example: 'NO_CONTACT_ORDER' })
  @IsIn(PROTECTIVE_MEASURE_KINDS, { message: FR.oneOf(PROTECTIVE_MEASURE_KINDS) })
  kind!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'La personne à qui le contact ou l’approche est interdit (NO_CONTACT_ORDER, ADDRESS_BAN).' })
  @ValidateIf(restrains)
  @IsUUID('all', { message: FR.uuid })
  restrainedPersonId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Les personnes protégées (NO_CONTACT_ORDER).' })
  @ValidateIf((m: ProtectiveMeasureDto) => m.kind === 'NO_CONTACT_ORDER')
  @IsArray({ message: FR.list(1, 10) })
  @ArrayMinSize(1, { message: FR.list(1, 10) })
  @ArrayMaxSize(10, { message: FR.list(1, 10) })
  @IsUUID('all', { each: true, message: FR.uuid })
  protectedPersonIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'La personne protégée (ADDRESS_BAN, VICTIM_ADDRESS_CONFIDENTIAL).' })
  @ValidateIf((m: ProtectiveMeasureDto) => m.kind === 'ADDRESS_BAN' || m.kind === 'VICTIM_ADDRESS_CONFIDENTIAL')
  @IsUUID('all', { message: FR.uuid })
  protectedPersonId?: string;

  @ApiPropertyOptional({ maxLength: 300, description: "L'adresse interdite d'approche (ADDRESS_BAN)." })
  @ValidateIf((m: ProtectiveMeasureDto) => m.kind === 'ADDRESS_BAN')
  @IsString({ message: FR.text(300) })
  @MinLength(1, { message: FR.text(300) })
  @MaxLength(300, { message: FR.text(300) })
  address?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}
