import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
export { Public, PUBLIC_ROUTE } from '@lien/shared-platform';
import { Principal } from './principal';
import { Permission } from './roles';

export const REQUIRED_PERMISSION = 'lien:required-permission';

/** Every other route names the one permission it needs; a route that names none is refused (deny by default). */
export const RequirePermission = (permission: Permission) =>
  // Published in the OpenAPI document too, where the isolation matrix test reads it.
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiExtension(PERMISSION_EXTENSION, permission), ApiBearerAuth());

export const PERMISSION_EXTENSION = 'x-lien-permission';

export interface AuthenticatedRequest {
  principal?: Principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
