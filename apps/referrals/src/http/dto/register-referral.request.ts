import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MandateDto } from './mandate.dto';
import { AdultDto, ChildDto } from './people.dto';
import { ProtectiveMeasureDto } from './protective-measure.dto';
import { FR } from './validation-messages';

export class RegisterReferralRequest {
  @ApiProperty({ type: MandateDto })
  @IsDefined({ message: FR.required })
  @ValidateNested()
  @Type(() => MandateDto)
  mandate!: MandateDto;

  @ApiProperty({ type: [ChildDto], description: 'Au moins un enfant.' })
  @IsArray({ message: FR.list(1, 20) })
  @ArrayMinSize(1, { message: 'Un mandat concerne au moins un enfant.' })
  @ArrayMaxSize(20, { message: FR.list(1, 20) })
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children!: ChildDto[];

  @ApiProperty({ type: [AdultDto], description: 'Au moins un parent (mère, père ou autre figure parentale).' })
  @IsArray({ message: FR.list(1, 20) })
  @ArrayMinSize(1, { message: 'Un mandat concerne au moins un parent.' })
  @ArrayMaxSize(20, { message: FR.list(1, 20) })
  @ValidateNested({ each: true })
  @Type(() => AdultDto)
  adults!: AdultDto[];

  @ApiProperty({ type: [ProtectiveMeasureDto], description: 'Mesures de protection en vigueur (liste vide s’il n’y en a pas).' })
  @IsArray({ message: FR.list(0, 20) })
  @ArrayMaxSize(20, { message: FR.list(0, 20) })
  @ValidateNested({ each: true })
  @Type(() => ProtectiveMeasureDto)
  protectiveMeasures!: ProtectiveMeasureDto[];

  @ApiPropertyOptional({ example: 'marche-en-famenne' })
  @IsOptional()
  @IsString({ message: FR.division })
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: FR.division })
  division?: string;
}

/** The example shown in the API documentation: fictitious people. */
export const REGISTER_REFERRAL_EXAMPLE = {
  division: 'marche-en-famenne',
  mandate: {
    mandantType: 'FAMILY_COURT',
    reference: '25/1234/A',
    decisionDate: '2026-02-20',
    legalBasis: 'CONSTRAINED',
    modalities: [{ kind: 'SUPERVISED_MEETINGS', sessionsPerMonth: 2, durationMonths: 6 }],
    reportDeadlines: [{ kind: 'INTERIM', dueOn: '2026-05-20' }, { kind: 'FINAL', dueOn: '2026-08-20' }],
  },
  children: [{ personId: '11111111-1111-4111-8111-111111111111', firstName: 'Zoé', lastName: 'Fictive', birthDate: '2017-05-04' }],
  adults: [
    { personId: '22222222-2222-4222-8222-222222222222', role: 'MOTHER', firstName: 'Marie', lastName: 'Fictive' },
    { personId: '33333333-3333-4333-8333-333333333333', role: 'FATHER', firstName: 'Marc', lastName: 'Inventé' },
  ],
  protectiveMeasures: [
    { kind: 'NO_CONTACT_ORDER', restrainedPersonId: '33333333-3333-4333-8333-333333333333', protectedPersonIds: ['22222222-2222-4222-8222-222222222222'] },
    { kind: 'VICTIM_ADDRESS_CONFIDENTIAL', protectedPersonId: '22222222-2222-4222-8222-222222222222' },
  ],
};
