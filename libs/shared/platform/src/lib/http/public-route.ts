import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'lien:public-route';

/** Health probes and the development login: reachable without a token (the auth guard honours it). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
