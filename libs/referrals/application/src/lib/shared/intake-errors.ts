import { DomainError } from '@lien/shared-kernel';

/** Too many writers at once on a district's shared intake stream (capacity or reservation); retrying is safe. */
export class IntakeBusy extends DomainError {
  readonly code = 'INTAKE_BUSY';
  readonly kind = 'conflict' as const;
  constructor() {
    super("Trop de décisions simultanées dans l'arrondissement ; réessayez.");
  }
}
