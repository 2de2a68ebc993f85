import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

// Dates stay strings here: the operations' own parser refuses a malformed one with the CLI's code
// (400 MALFORMED_DATE, exit 2), so both entry points reject the same input the same way.

export class AsOfQuery {
  @ApiProperty({ example: '2026-05-01T09:00:00Z' })
  @IsString()
  @MaxLength(40)
  at!: string;
}

export class ActivityQuery {
  @ApiPropertyOptional({ example: '2026-05-01T00:00:00Z' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-01T00:00:00Z', description: 'default: now' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export class SealsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'recompute each seal (slow: one verification per seal)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  check?: 'true' | 'false';
}
