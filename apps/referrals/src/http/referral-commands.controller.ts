import { applyDecorators, Body, Controller, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiOperation, ApiResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Permission, RequirePermission } from '@lien/shared-auth';
import type { Principal } from '@lien/shared-auth';
import type { ExpectedRevision } from '@lien/shared-event-store';
import { Idempotent, IfMatchRevision, RequireIfMatch, setRevisionEtag } from '@lien/shared-http-conventions';
import { ReferralCommandResult, ReferralProjectionRunner, ReferralsApplication, referralStream } from '@lien/referrals-application';
import { commandContext } from './command-context.factory';
import { AmendMandateRequest, CloseCaseRequest, DeclineReferralRequest, WithdrawReferralRequest } from './dto/decision.requests';
import { REGISTER_REFERRAL_EXAMPLE, RegisterReferralRequest } from './dto/register-referral.request';
import { ReferralIdPipe } from './referral-id.pipe';
import { commandResponse, ReferralCommandResponse } from './referral-responses';
import { amendmentInput, closureInput, declineInput, registrationInput } from './request-mapping';

const ILLEGAL_TRANSITION = 'Transition interdite dans l’état actuel (code stable, par ex. REFERRAL_NOT_ACCEPTABLE).';

@ApiTags('referrals')
@Controller('api/v1/districts/:district/referrals')
export class ReferralCommandsController {
  constructor(
    private readonly referrals: ReferralsApplication,
    private readonly projection: ReferralProjectionRunner,
  ) {}

  @Post()
  @RequirePermission('case:write')
  @Idempotent()
  @ApiOperation({ summary: 'Enregistrer un mandat (jugement, décision du SPJ ou demande du SAJ)' })
  @ApiBody({ type: RegisterReferralRequest, examples: { jugement: { summary: 'Jugement du tribunal de la famille', value: REGISTER_REFERRAL_EXAMPLE } } })
  @ApiResponse({ status: 201, type: ReferralCommandResponse, description: 'Demande enregistrée ; en-têtes ETag et Location.' })
  @ApiConflictResponse({ description: 'Une demande active porte déjà cette référence (DUPLICATE_MANDATE_REFERENCE, existingReferralId).' })
  @ApiUnprocessableEntityResponse({ description: 'Règle du mandat enfreinte (échéance avant la décision, aucun parent…), le champ est nommé.' })
  async register(@Param('district') district: string, @Body() body: RegisterReferralRequest, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const result = await this.referrals.register.execute(registrationInput(body), commandContext(request, district, principal, 'case:write'));
    response.setHeader('Location', `/api/v1/districts/${district}/referrals/${result.referralId}`);
    return this.answer(response, result);
  }

  @Post(':id/accept')
  @Decision('intake:decide', 'Accepter la demande : un dossier s’ouvre (capacité de l’arrondissement)')
  accept(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(response, () => this.referrals.accept.execute(id, commandContext(request, district, principal, 'intake:decide', expected)));
  }

  @Post(':id/decline')
  @Decision('intake:decide', 'Refuser la demande avec un motif codé')
  decline(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @Body() body: DeclineReferralRequest, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(response, () => this.referrals.decline.execute(id, declineInput(body), commandContext(request, district, principal, 'intake:decide', expected)));
  }

  @Post(':id/waitlist')
  @Decision('intake:decide', 'Mettre en liste d’attente : acceptée dans l’ordre quand une place se libère')
  waitlist(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(response, () => this.referrals.waitlist.execute(id, commandContext(request, district, principal, 'intake:decide', expected)));
  }

  @Post(':id/withdraw')
  @Decision('case:write', 'Enregistrer le retrait du mandat par le mandant (un dossier ouvert se clôture)')
  withdraw(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @Body() body: WithdrawReferralRequest, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const input = body.note === undefined ? {} : { note: body.note };
    return this.run(response, () => this.referrals.withdraw.execute(id, input, commandContext(request, district, principal, 'case:write', expected)));
  }

  @Post(':id/amend')
  @Decision('case:write', 'Renouveler ou modifier le mandat (échéances, modalités)')
  amend(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @Body() body: AmendMandateRequest, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(response, () => this.referrals.amend.execute(id, amendmentInput(body), commandContext(request, district, principal, 'case:write', expected)));
  }

  @Post(':id/close')
  @Decision('intake:decide', 'Clôturer le dossier avec son issue ; la place libérée va au plus ancien de la liste d’attente')
  close(@Param('district') district: string, @Param('id', ReferralIdPipe) id: string, @Body() body: CloseCaseRequest, @IfMatchRevision() expected: ExpectedRevision, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.run(response, () => this.referrals.close.execute(id, closureInput(body), commandContext(request, district, principal, 'intake:decide', expected)));
  }

  private async run(response: Response, command: () => Promise<ReferralCommandResult>): Promise<ReferralCommandResponse> {
    return this.answer(response, await command());
  }

  /** Answers once the read model shows the change (or after a second at most), so a following GET sees it. */
  private async answer(response: Response, result: ReferralCommandResult): Promise<ReferralCommandResponse> {
    await this.projection.waitUntilProjected(referralStream(result.referralId), result.revision);
    setRevisionEtag(response, result.revision);
    return commandResponse(result);
  }
}

/** A command on an existing referral: one permission, `If-Match` required, safe to retry with an `Idempotency-Key`. */
function Decision(permission: Permission, summary: string) {
  return applyDecorators(
    HttpCode(HttpStatus.OK),
    RequirePermission(permission),
    Idempotent(),
    RequireIfMatch(),
    ApiOperation({ summary }),
    ApiResponse({ status: 200, type: ReferralCommandResponse, description: 'Décision enregistrée (ou déjà enregistrée) ; nouvel ETag.' }),
    ApiConflictResponse({ description: ILLEGAL_TRANSITION }),
    ApiResponse({ status: 404, description: 'Demande introuvable dans cet arrondissement.' }),
  );
}
