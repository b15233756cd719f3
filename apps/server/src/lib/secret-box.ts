import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors';

/**
 * Secrets at rest (SSO client secrets, webhook signing secrets): AES-256-GCM with a key derived
 * from TANDEM_SECRET_KEY by SHA-256 (decision 124). The stored form is `v1.<iv>.<tag>.<ciphertext>`
 * in base64url; the version leaves room for key rotation. A tampered value fails to open.
 */
function keyOf(secretKey: string): Buffer {
  return createHash('sha256').update(`tandem-secret-box:${secretKey}`).digest();
}

export function requireSecretKey(secretKey: string | null): string {
  if (!secretKey) throw new AppError('unprocessable', 'Storing secrets needs TANDEM_SECRET_KEY (32 characters or more) in the server environment');
  return secretKey;
}

export function seal(secretKey: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function open(secretKey: string, sealed: string): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
