import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// The successor of a rotated refresh token is kept encrypted under a key derived from the
// rotated token's own value. The database holds only hashes and this ciphertext, so reading it
// yields no usable token: only a client that still has the rotated token can open the seal.
const KEY_INFO = 'strapi-plugin-refreshing successor seal v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function deriveKey(rotatedTokenValue: string): Buffer {
  return Buffer.from(hkdfSync('sha256', rotatedTokenValue, Buffer.alloc(0), KEY_INFO, 32));
}

/** Encrypts the successor's value (AES-256-GCM) so that only the rotated token can decrypt it. */
export function sealSuccessor(rotatedTokenValue: string, successorValue: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(rotatedTokenValue), iv);
  const ciphertext = Buffer.concat([cipher.update(successorValue, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** Decrypts a sealed successor with the rotated token's value; returns null if it does not open. */
export function openSuccessor(rotatedTokenValue: string, sealed: string): string | null {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) {
    return null;
  }

  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(rotatedTokenValue), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
