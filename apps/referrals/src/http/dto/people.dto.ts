import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ADULT_ROLES } from '@lien/referrals-domain';
import { IsCalendarDate } from './calendar-date.validator';
import { FR } from './validation-messages';

export class ChildDto {
  @ApiProperty({ format: 'uuid', example: '11111111-1111-4111-8111-111111111111', description: 'Identifiant pseudonyme de la personne.' })
  @IsUUID('all', { message: FR.uuid })
  personId!: string;

  @ApiProperty({ example: 'Zoé', maxLength: 100 })
  @IsString({ message: FR.text(100) })
  @MinLength(1, { message: FR.text(100) })
  @MaxLength(100, { message: FR.text(100) })
  firstName!: string;

  @ApiProperty({ example: 'Fictive', maxLength: 100 })
  @IsString({ message: FR.text(100) })
  @MinLength(1, { message: FR.text(100) })
  @MaxLength(100, { message: FR.text(100) })
  lastName!: string;

  @ApiProperty({ example: '2017-05-04' })
  @IsCalendarDate()
  birthDate!: string;
}

export class AdultDto {
  @ApiProperty({ format: 'uuid', example: '22222222-2222-4222-8222-222222222222' })
  @IsUUID('all', { message: FR.uuid })
  personId!: string;

  @ApiProperty({ enum: ADULT_ROLES, example: 'MOTHER', description: "Rôle envers l'enfant." })
  @IsIn(ADULT_ROLES, { message: FR.oneOf(ADULT_ROLES) })
  role!: string;

  @ApiProperty({ example: 'Marie', maxLength: 100 })
  @IsString({ message: FR.text(100) })
  @MinLength(1, { message: FR.text(100) })
  @MaxLength(100, { message: FR.text(100) })
  firstName!: string;

  @ApiProperty({ example: 'Fictive', maxLength: 100 })
  @IsString({ message: FR.text(100) })
  @MinLength(1, { message: FR.text(100) })
  @MaxLength(100, { message: FR.text(100) })
  lastName!: string;

  @ApiPropertyOptional({ example: '1988-11-12' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @ApiPropertyOptional({ example: 'Rue des Tilleuls 4, 6900 Marche-en-Famenne', maxLength: 300 })
  @IsOptional()
  @IsString({ message: FR.text(300) })
  @MinLength(1, { message: FR.text(300) })
  @MaxLength(300, { message: FR.text(300) })
  address?: string;
}
