import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from './dev-issuer';
import { DevLoginController } from './dev-login.controller';
import { RateLimiter } from './rate-limiter';
import { TokenVerifier } from './token-verifier';

/** Makes every route of the service authenticated and authorised unless marked `@Public()`. */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    const common: Provider[] = [
      { provide: RateLimiter, useValue: new RateLimiter(config.rateLimitPerMinute) },
      { provide: APP_GUARD, useClass: AuthGuard },
    ];
    if (config.mode === 'oidc') {
      return {
        module: AuthModule,
        providers: [...common, { provide: TokenVerifier, useValue: new TokenVerifier(config) }],
        exports: [TokenVerifier],
      };
    }
    return {
      module: AuthModule,
      controllers: [DevLoginController],
      providers: [
        ...common,
        { provide: DevIssuer, useFactory: () => DevIssuer.open(config.keyFile) },
        {
          provide: TokenVerifier,
          inject: [DevIssuer],
          useFactory: (issuer: DevIssuer) => new TokenVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, localJwks: issuer.jwks }),
        },
      ],
      exports: [TokenVerifier, DevIssuer],
    };
  }
}
