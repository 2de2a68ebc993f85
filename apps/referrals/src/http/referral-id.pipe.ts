import { Injectable, PipeTransform } from '@nestjs/common';
import { ReferralNotFound } from '@lien/referrals-domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A referral id that is not a UUID names no referral: 404, like any unknown id. */
@Injectable()
export class ReferralIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new ReferralNotFound();
    return value.toLowerCase();
  }
}
