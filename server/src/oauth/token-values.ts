import { createHash, randomBytes } from 'node:crypto';

// 32 bytes is 256 bits of entropy, base64url-encoded to 43 characters.
const TOKEN_BYTES = 32;

/** Generates a bearer token value: 256 random bits, base64url without padding. */
export function generateTokenValue(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Hashes a token value for storage and lookup. Tokens carry 256 bits of randomness, so an
 * unsalted SHA-256 is enough: nothing short of the token itself produces the hash.
 */
export function hashTokenValue(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** Whether a string has the shape of a token this server issued; saves a lookup otherwise. */
export function looksLikeTokenValue(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
