import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';

/** What an `If-Match` header asks for: any current version (`*`), or exactly this revision. */
export type IfMatchCondition = { readonly kind: 'any' } | { readonly kind: 'revision'; readonly revision: bigint } | { readonly kind: 'none-can-match' };

export const IF_MATCH_HEADER = 'if-match';

/** A strong entity tag for a stream revision: `"7"`. */
export function revisionEtag(revision: bigint | number | string): string {
  return `"${revision.toString()}"`;
}

/** Sets `ETag` from a stream revision. */
export function setRevisionEtag(response: Pick<Response, 'setHeader'>, revision: bigint | number | string): void {
  response.setHeader('ETag', revisionEtag(revision));
}

/**
 * Parses `If-Match` (RFC 9110 §13.1.1). Weak tags never match (strong comparison), and neither do tags
 * that are not one of our revisions: both lead to 412. A header that is not entity-tag syntax is a 400.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatchCondition | undefined {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (value === undefined || value === '') return undefined;
  if (value === '*') return { kind: 'any' };
  const tags = value.split(',').map((tag) => tag.trim());
  if (!tags.every((tag) => /^(W\/)?"[\x21\x23-\x7e]*"$/.test(tag))) {
    throw new BadRequestException({ errors: [{ field: IF_MATCH_HEADER, message: 'If-Match must be * or a list of entity tags such as "3"' }] });
  }
  const revisions = tags.filter((tag) => /^"\d{1,18}"$/.test(tag)).map((tag) => BigInt(tag.slice(1, -1)));
  // Several tags could only be matched against one stream revision if they were all the same.
  if (revisions.length === 1 && tags.length === 1) return { kind: 'revision', revision: revisions[0] as bigint };
  return { kind: 'none-can-match' };
}
