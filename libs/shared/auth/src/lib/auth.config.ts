import { join } from 'node:path';

export type AuthConfig =
  | { readonly mode: 'oidc'; readonly issuer: string; readonly audience: string; readonly jwksUrl?: string; readonly rateLimitPerMinute: number }
  | { readonly mode: 'dev'; readonly keyFile?: string; readonly rateLimitPerMinute: number };

export class AuthConfigurationError extends Error {}

/**
 * A real OpenID Connect provider when `OIDC_ISSUER_URL` is set. Otherwise the development issuer,
 * which production refuses: there is no default secret to forget to change.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const rateLimitPerMinute = Number(env['LIEN_RATE_LIMIT_PER_MINUTE'] ?? 600);
  const issuer = env['OIDC_ISSUER_URL'];
  if (issuer) {
    const audience = env['OIDC_AUDIENCE'];
    if (!audience) throw new AuthConfigurationError('OIDC_AUDIENCE must be set with OIDC_ISSUER_URL');
    return { mode: 'oidc', issuer, audience, rateLimitPerMinute, ...(env['OIDC_JWKS_URL'] ? { jwksUrl: env['OIDC_JWKS_URL'] } : {}) };
  }
  if (env['NODE_ENV'] === 'production') {
    throw new AuthConfigurationError('OIDC_ISSUER_URL is required in production; the development issuer is for local use only');
  }
  return { mode: 'dev', keyFile: join(env['LIEN_DATA_DIR'] ?? '.lien', 'dev-issuer', 'signing-key.json'), rateLimitPerMinute };
}
