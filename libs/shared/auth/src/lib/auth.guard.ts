import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Inject, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PUBLIC_ROUTE } from '@lien/shared-platform';
import { AuthenticatedRequest, REQUIRED_PERMISSION } from './auth.decorators';
import { grantsDistrict } from './principal';
import { RateLimiter } from './rate-limiter';
import { Permission, rolesGrant } from './roles';
import { TokenRejected, TokenVerifier } from './token-verifier';

/** Authenticates, rate-limits, authorises by permission, then checks the district of the path. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.authenticate(request);

    const waitSeconds = this.rateLimiter.take(principal.userId);
    if (waitSeconds > 0) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(waitSeconds));
      throw new HttpException('Trop de requêtes pour ce jeton.', HttpStatus.TOO_MANY_REQUESTS);
    }

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) {
      this.logger.error(`route ${request.method} ${request.route?.path ?? '?'} declares no permission; refused`);
      throw new ForbiddenException('Accès refusé.');
    }
    if (!rolesGrant(principal.roles, permission)) throw new ForbiddenException('Accès refusé.');

    // Another district's resource answers 404, not 403: its existence is itself confidential.
    const district = request.params?.['district'];
    if (typeof district === 'string' && !grantsDistrict(principal, district)) throw new NotFoundException('Ressource introuvable.');
    request.principal = principal;
    return true;
  }

  private async authenticate(request: Request & AuthenticatedRequest) {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      const reason = error instanceof TokenRejected ? error.reason : 'malformed';
      throw new UnauthorizedException(`Jeton refusé (${reason}).`);
    }
  }
}
