import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MANDANT_TYPES, REFERRAL_STATUSES } from '@lien/referrals-domain';
import { FR } from './validation-messages';

export class ListReferralsQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES, { message: FR.oneOf(REFERRAL_STATUSES) })
  status?: string;

  @ApiPropertyOptional({ enum: MANDANT_TYPES })
  @IsOptional()
  @IsIn(MANDANT_TYPES, { message: FR.oneOf(MANDANT_TYPES) })
  mandantType?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: FR.integer(1, 100) })
  @Min(1, { message: FR.integer(1, 100) })
  @Max(100, { message: FR.integer(1, 100) })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: FR.integer(0, 100000) })
  @Min(0, { message: FR.integer(0, 100000) })
  @Max(100000, { message: FR.integer(0, 100000) })
  offset?: number;
}
