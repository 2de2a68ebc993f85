import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditedCaseRead } from '@lien/shared-access-log';
import { RequirePermission } from '@lien/shared-auth';
import { setRevisionEtag } from '@lien/shared-http-conventions';
import { ReferralsApplication } from '@lien/referrals-application';
import { ListReferralsQuery } from './dto/list-referrals.query';
import { ReferralIdPipe } from './referral-id.pipe';
import { REFERRAL_DETAIL_EXAMPLE } from './referral-responses';

@ApiTags('referrals')
@Controller('api/v1/districts/:district/referrals')
export class ReferralQueriesController {
  constructor(private readonly referrals: ReferralsApplication) {}

  @Get()
  @RequirePermission('case:read')
  @ApiOperation({ summary: 'Lister les demandes (filtre par statut et par type de mandant, paginé) — sans données personnelles' })
  @ApiOkResponse({
    schema: {
      example: {
        items: [{ id: REFERRAL_DETAIL_EXAMPLE.id, status: 'WAITLISTED', mandantType: 'FAMILY_COURT', mandateReference: '25/1234/A', waitlistPosition: 3, revision: '1' }],
        total: 1,
        limit: 20,
        offset: 0,
      },
    },
  })
  list(@Param('district') district: string, @Query() query: ListReferralsQuery) {
    return this.referrals.list.execute(district, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.mandantType ? { mandantType: query.mandantType } : {}),
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
  }

  @Get(':id')
  @RequirePermission('case:read')
  @AuditedCaseRead('id')
  @ApiOperation({ summary: 'Lire une demande (lecture journalisée : qui, quand, pourquoi)' })
  @ApiHeader({ name: 'X-Lien-Purpose', required: false, description: 'Motif de la lecture : case-work (défaut), supervision, report, audit, export.' })
  @ApiOkResponse({ description: 'La demande ; l’ETag porte sa révision.', schema: { example: REFERRAL_DETAIL_EXAMPLE } })
  async get(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @Res({ passthrough: true }) response: Response) {
    const view = await this.referrals.get.execute(district, id);
    setRevisionEtag(response, view.revision);
    return view;
  }
}
