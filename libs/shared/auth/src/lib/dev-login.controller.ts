import { Body, Controller, Get, NotFoundException, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsArray, IsIn, IsString, Matches, ArrayNotEmpty } from 'class-validator';
import { Public } from './auth.decorators';
import { DevIssuer } from './dev-issuer';
import { Role, ROLES } from './roles';

export class DevLoginRequest {
  @IsString()
  @Matches(/^[a-z0-9-]{1,64}$/)
  userId!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @IsArray()
  @Matches(/^[a-z][a-z0-9-]{1,30}$/, { each: true })
  districts!: string[];
}

/** Serves the development issuer's keys and mints demo tokens; mounted only in development mode. */
@ApiTags('développement')
@Controller()
export class DevLoginController {
  constructor(private readonly issuer: DevIssuer) {}

  @Public()
  @Get('.well-known/jwks.json')
  jwks() {
    return this.issuer.jwks;
  }

  @Public()
  @Post('dev/login')
  async login(@Body() request: DevLoginRequest) {
    if (process.env['NODE_ENV'] === 'production') throw new NotFoundException();
    return { access_token: await this.issuer.mint(request), token_type: 'Bearer' };
  }
}
