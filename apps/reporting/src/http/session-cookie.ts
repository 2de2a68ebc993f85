import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The browser session: the access token, in a cookie scripts cannot read and other sites cannot send. */
export const SESSION_COOKIE = 'lien_jeton';
const EIGHT_HOURS = 8 * 3600;

export function sessionCookie(token: string): string {
  const secure = process.env['NODE_ENV'] === 'production' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${EIGHT_HOURS}${secure}`;
}

export const CLEARED_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || undefined;
  }
  return undefined;
}

/**
 * Lets the pages and the export links authenticate with the session cookie: its token becomes the
 * bearer token the auth guard verifies, exactly as for an API client. An explicit header wins.
 */
@Injectable()
export class SessionCookieMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (!request.headers.authorization && token && /^[A-Za-z0-9._-]{1,4096}$/.test(token)) request.headers.authorization = `Bearer ${token}`;
    next();
  }
}
