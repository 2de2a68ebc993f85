import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@lien/shared-auth';
import { SessionsReadModels } from '@lien/sessions-application';
import { CalendarQueryRequest } from './dto/scheduling.dto';

@ApiTags('calendar')
@Controller('api/v1/districts/:district/calendar')
export class CalendarController {
  constructor(private readonly readModels: SessionsReadModels) {}

  /** The district's sessions overlapping [from, to), for planning rooms and staff; pseudonymous ids only. */
  @Get()
  @RequirePermission('case:read')
  async calendar(@Param('district') district: string, @Query() query: CalendarQueryRequest) {
    return { district, sessions: await this.readModels.calendar(district, query) };
  }
}
