import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { JsonValue } from '@lien/shared-event-store';

/** AES-256-GCM: authenticated, so a tampered ciphertext fails to open instead of yielding garbage. */
const ALGORITHM = 'aes-256-gcm';

export interface SealedField {
  readonly subject: string;
  readonly alg: 'A256GCM';
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

export function sealField(key: Buffer, subject: string, value: JsonValue): SealedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  // The subject is bound as associated data: a ciphertext moved to another person's field fails to open.
  cipher.setAAD(Buffer.from(subject));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { subject, alg: 'A256GCM', iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

export function openField(key: Buffer, sealed: SealedField): JsonValue {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.subject));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as JsonValue;
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}
