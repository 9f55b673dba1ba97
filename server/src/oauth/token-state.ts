import type { AccessTokenRecord, RefreshTokenRecord, TokenFamilyRecord } from '../services/tokens';

function hasExpired(expiresAt: string | Date, now: Date): boolean {
  return new Date(expiresAt).getTime() <= now.getTime();
}

/**
 * Returns true when an access token is neither expired nor revoked, the same test the content-API
 * strategy applies before it accepts the token.
 */
export function isAccessTokenUsable(token: AccessTokenRecord, now: Date): boolean {
  return token.revokedAt === null && !hasExpired(token.expiresAt, now);
}

/**
 * Returns true when a refresh token is not expired, revoked or rotated, and its family still
 * exists and is neither revoked nor expired.
 */
export function isRefreshTokenUsable(token: RefreshTokenRecord, family: TokenFamilyRecord | null, now: Date): boolean {
  if (hasExpired(token.expiresAt, now) || token.revokedAt !== null || token.rotatedAt !== null) {
    return false;
  }
  return family !== null && family.revokedAt === null && !hasExpired(family.expiresAt, now);
}
