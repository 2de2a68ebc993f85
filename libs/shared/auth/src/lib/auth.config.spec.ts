import { AuthConfigurationError, authConfigFromEnv } from './auth.config';
import { principalFromClaims } from './principal';
import { rolesGrant } from './roles';

describe('auth configuration', () => {
  it('given an OIDC issuer and audience, when configured, then tokens are verified against that provider', () => {
    expect(authConfigFromEnv({ OIDC_ISSUER_URL: 'https://idp.example/realms/lien', OIDC_AUDIENCE: 'lien-api' })).toMatchObject({ mode: 'oidc', audience: 'lien-api' });
  });

  it('given an issuer without audience, when configured, then start-up fails', () => {
    expect(() => authConfigFromEnv({ OIDC_ISSUER_URL: 'https://idp.example' })).toThrow(AuthConfigurationError);
  });

  it('given production without a provider, when configured, then start-up fails instead of using a default key', () => {
    expect(() => authConfigFromEnv({ NODE_ENV: 'production' })).toThrow(/OIDC_ISSUER_URL is required/);
  });

  it('given no provider outside production, when configured, then the development issuer keeps its key in the data folder', () => {
    expect(authConfigFromEnv({ LIEN_DATA_DIR: '/var/lien' })).toMatchObject({ mode: 'dev', keyFile: '/var/lien/dev-issuer/signing-key.json' });
  });
});

describe('claims and permissions', () => {
  it('given claims with an unknown role, when read, then no principal', () => {
    expect(principalFromClaims({ sub: 'u', roles: ['judge'], districts: ['namur'] })).toBeUndefined();
  });

  it('given a coordinator, when asking for intake decisions, then granted; a practitioner is not', () => {
    expect(rolesGrant(['coordinator'], 'intake:decide')).toBe(true);
    expect(rolesGrant(['practitioner'], 'intake:decide')).toBe(false);
  });

  it('given a ministry analyst, when asking for case data, then refused', () => {
    expect(rolesGrant(['ministry-analyst'], 'case:read')).toBe(false);
  });
});
