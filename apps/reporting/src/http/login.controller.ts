import { Controller, Get, HttpException, HttpStatus, Inject, NotFoundException, Optional, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DevIssuer, Principal, Public, rolesGrant, TokenVerifier } from '@lien/shared-auth';
import { ReportingQueries } from '@lien/reporting-application';
import { page, PAGE_SECURITY_HEADERS } from '../views/html';
import { loginPage } from '../views/login-page';
import { CLEARED_SESSION_COOKIE, sessionCookie } from './session-cookie';

const FORM_LIMIT = 8 * 1024;

/** The urlencoded sign-in form, read here (the service parses JSON bodies only), with a size limit. */
async function readForm(request: Request): Promise<URLSearchParams> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) throw new HttpException('Formulaire attendu.', HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) throw new HttpException('Formulaire trop volumineux.', HttpStatus.PAYLOAD_TOO_LARGE);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function landingOf(principal: Principal): string | undefined {
  if (rolesGrant(principal.roles, 'aggregates:read')) return '/tableau-de-bord/ministere';
  if (rolesGrant(principal.roles, 'case:read') && principal.districts.length > 0) return `/tableau-de-bord/districts/${encodeURIComponent(principal.districts[0])}`;
  return undefined;
}

/**
 * Sign-in and sign-out for the dashboards. In development the demo profiles are signed by the
 * development issuer, as `POST /dev/login` does; otherwise a token from the identity provider is
 * verified before it becomes the session. Public by design: it is how one gets a token at all.
 */
@ApiExcludeController()
@Controller()
export class LoginController {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly queries: ReportingQueries,
    @Optional() @Inject(DevIssuer) private readonly issuer?: DevIssuer,
  ) {}

  private get devProfiles(): boolean {
    return this.issuer !== undefined && process.env['NODE_ENV'] !== 'production';
  }

  private render(response: Response, status: number, error?: string): void {
    const body = loginPage({ devProfiles: this.devProfiles, districts: this.queries.catalogue.profiles, ...(error ? { error } : {}) });
    response.status(status).set(PAGE_SECURITY_HEADERS).type('html').send(page({ title: 'Connexion' }, body));
  }

  @Public()
  @Get()
  home(@Res() response: Response): void {
    response.redirect(302, '/connexion');
  }

  @Public()
  @Get('connexion')
  show(@Res() response: Response): void {
    this.render(response, 200);
  }

  @Public()
  @Post('connexion')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readForm(request);
    const token = form.get('jeton')?.trim() || (await this.demoToken(form.get('profil')));
    if (!token) return this.render(response, 400, 'Choisissez un profil ou collez un jeton.');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch {
      return this.render(response, 401, 'Jeton refusé : il est expiré, mal formé ou ne vient pas du fournisseur attendu.');
    }
    const landing = landingOf(principal);
    if (!landing) return this.render(response, 403, "Ce profil n'a accès à aucun tableau de bord.");
    response.setHeader('Set-Cookie', sessionCookie(token));
    response.redirect(303, landing);
  }

  @Public()
  @Post('deconnexion')
  signOut(@Res() response: Response): void {
    response.setHeader('Set-Cookie', CLEARED_SESSION_COOKIE);
    response.redirect(303, '/connexion');
  }

  private async demoToken(profile: string | null): Promise<string | undefined> {
    if (!profile) return undefined;
    if (!this.devProfiles || !this.issuer) throw new NotFoundException();
    if (profile === 'ministry-analyst') return this.issuer.mint({ userId: 'demo-ministry-analyst', roles: ['ministry-analyst'], districts: [] });
    const district = /^coordinator:([a-z0-9-]{1,40})$/.exec(profile)?.[1];
    if (!district || !this.queries.catalogue.find(district)) return undefined;
    return this.issuer.mint({ userId: `demo-coordinator-${district}`, roles: ['coordinator'], districts: [district] });
  }
}
