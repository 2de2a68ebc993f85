import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Principal, principalFromClaims } from './principal';

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Where the provider's JWKS is; defaults to `<issuer>/.well-known/jwks.json`. */
  readonly jwksUrl?: string;
  /** A key set known in-process (the development issuer), instead of fetching one. */
  readonly localJwks?: JSONWebKeySet;
}

export type VerificationFailure = 'missing' | 'malformed' | 'expired' | 'invalid-signature' | 'wrong-issuer-or-audience' | 'bad-claims';

export class TokenRejected extends Error {
  constructor(readonly reason: VerificationFailure) {
    super(`bearer token rejected: ${reason}`);
  }
}

/** Verifies an OIDC access token's signature against the provider's JWKS, its issuer, audience and expiry. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = options.localJwks
      ? createLocalJWKSet(options.localJwks)
      : createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer.replace(/\/$/, '')}/.well-known/jwks.json`));
  }

  async verify(token: string | undefined): Promise<Principal> {
    if (!token) throw new TokenRejected('missing');
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      });
      const principal = principalFromClaims(payload as Record<string, unknown>);
      if (!principal) throw new TokenRejected('bad-claims');
      return principal;
    } catch (error) {
      throw error instanceof TokenRejected ? error : new TokenRejected(failureOf(error));
    }
  }
}

function failureOf(error: unknown): VerificationFailure {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'wrong-issuer-or-audience';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'invalid-signature';
  return 'malformed';
}
