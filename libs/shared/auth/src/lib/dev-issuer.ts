import { exportJWK, generateKeyPair, importJWK, JSONWebKeySet, JWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Role } from './roles';

export const DEV_ISSUER = 'http://lien.local/dev-issuer';
export const DEV_AUDIENCE = 'lien-api';
const ALGORITHM = 'ES256';

export interface MintRequest {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly districts: readonly string[];
  readonly ttlSeconds?: number;
}

/**
 * A local OpenID-style issuer for the embedded start and for tests: a signing key generated on first
 * use and kept in the data folder, its JWKS, and token minting. Never used when a real provider is configured.
 */
export class DevIssuer {
  private constructor(
    private readonly privateJwk: JWK,
    readonly jwks: JSONWebKeySet,
  ) {}

  /** Loads the key from `keyFile`, creating it (mode 0600) on first start; in memory when no file is given. */
  static async open(keyFile?: string): Promise<DevIssuer> {
    if (keyFile && existsSync(keyFile)) {
      const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
      return new DevIssuer(stored.privateJwk, { keys: [stored.publicJwk] });
    }
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
    }
    return new DevIssuer(privateJwk, { keys: [publicJwk] });
  }

  async mint(request: MintRequest): Promise<string> {
    const key = await importJWK(this.privateJwk, ALGORITHM);
    return new SignJWT({ roles: [...request.roles], districts: [...request.districts] })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.privateJwk.kid ?? '' })
      .setSubject(request.userId)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${request.ttlSeconds ?? 8 * 3600}s`)
      .sign(key);
  }
}
