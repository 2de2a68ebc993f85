import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { GRANULARITIES } from '@lien/reporting-domain';

/** What a caller may ask for; the shapes are checked here, the period rules in the domain. */
export class IndicatorsQuery {
  @ApiPropertyOptional({ enum: GRANULARITIES, description: 'Grain des périodes (la plus grossière permise par défaut).' })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: 'granularity doit valoir year, quarter ou month' })
  granularity?: string;

  @ApiPropertyOptional({ example: '2025', description: 'Première période incluse : AAAA, AAAA-Qn ou AAAA-MM selon la granularité.' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,10}$/, { message: 'from doit être une période (AAAA, AAAA-Qn ou AAAA-MM)' })
  from?: string;

  @ApiPropertyOptional({ example: '2025', description: 'Dernière période incluse.' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,10}$/, { message: 'to doit être une période (AAAA, AAAA-Qn ou AAAA-MM)' })
  to?: string;
}

export class MinistryIndicatorsQuery extends IndicatorsQuery {
  @ApiPropertyOptional({ example: 'liege,namur', description: 'Arrondissements à afficher ; les totaux restent ceux de tous les arrondissements.' })
  @IsOptional()
  // The page's checkboxes send `districts=a&districts=b`; the API takes `districts=a,b`: both read alike.
  @Transform(({ value }) => (Array.isArray(value) ? value.join(',') : value))
  @Matches(/^[a-z0-9-]{1,40}(,[a-z0-9-]{1,40}){0,20}$/, { message: 'districts doit être une liste de codes séparés par des virgules' })
  districts?: string;
}

export function periodRequestOf(query: IndicatorsQuery) {
  return {
    ...(query.granularity !== undefined ? { granularity: query.granularity } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
  };
}

export function districtsOf(query: MinistryIndicatorsQuery): string[] | undefined {
  return query.districts?.split(',');
}
