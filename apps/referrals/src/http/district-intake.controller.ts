import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, RequirePermission } from '@lien/shared-auth';
import type { Principal } from '@lien/shared-auth';
import { ReferralsApplication } from '@lien/referrals-application';
import { commandContext } from './command-context.factory';

@ApiTags('intake')
@Controller('api/v1/districts/:district')
export class DistrictIntakeController {
  constructor(private readonly referrals: ReferralsApplication) {}

  @Get('capacity')
  @RequirePermission('capacity:manage')
  @ApiOperation({ summary: 'Capacité de l’arrondissement : dossiers ouverts, places libres, liste d’attente' })
  @ApiOkResponse({ schema: { example: { district: 'luxembourg', capacity: 20, openCases: 20, freeSlots: 0, waitlisted: 4 } } })
  async capacity(@Param('district') district: string) {
    const [holders, waitlisted] = await Promise.all([
      this.referrals.slots.holders(district),
      this.referrals.list.execute(district, { status: 'WAITLISTED', limit: 1, offset: 0 }),
    ]);
    const capacity = this.referrals.slots.capacityOf(district);
    return { district, capacity, openCases: holders.length, freeSlots: Math.max(0, capacity - holders.length), waitlisted: waitlisted.total };
  }

  @Post('waiting-list/promote')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('capacity:manage')
  @ApiOperation({ summary: 'Accepter, dans l’ordre, les demandes en attente tant qu’il reste des places (après une hausse de capacité)' })
  @ApiOkResponse({ schema: { example: { accepted: ['6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'] } } })
  async promote(@Param('district') district: string, @CurrentPrincipal() principal: Principal, @Req() request: Request) {
    const accepted = await this.referrals.promoteWaitingList.execute(district, commandContext(request, district, principal, 'capacity:manage'));
    return { accepted };
  }
}
