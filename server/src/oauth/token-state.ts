import type { AccessTokenRecord, RefreshTokenRecord, TokenFamilyRecord } from '../services/tokens';
import { isIdleExpired } from './grants/refresh-token-rules';

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
 * exists and is neither revoked nor expired. The token must also have been created within the
 * last `idleLifetime` seconds (0 is no idle limit), the test `grant_type=refresh_token` applies.
 */
export function isRefreshTokenUsable(
  token: RefreshTokenRecord,
  family: TokenFamilyRecord | null,
  idleLifetime: number,
  now: Date,
): boolean {
  if (hasExpired(token.expiresAt, now) || token.revokedAt !== null || token.rotatedAt !== null) {
    return false;
  }

  if (isIdleExpired(new Date(token.createdAt), idleLifetime, now)) {
    return false;
  }

  return family !== null && family.revokedAt === null && !hasExpired(family.expiresAt, now);
}

/**
 * Returns when a refresh token stops working if it is not used: at the end of its family's
 * lifetime, or earlier when the idle lifetime (seconds, 0 is no limit) runs out first.
 */
export function refreshTokenExpiry(token: RefreshTokenRecord, idleLifetime: number): Date {
  const absoluteExpiry = new Date(token.expiresAt);
  if (idleLifetime <= 0) {
    return absoluteExpiry;
  }

  const idleExpiry = new Date(new Date(token.createdAt).getTime() + idleLifetime * 1000);
  return idleExpiry < absoluteExpiry ? idleExpiry : absoluteExpiry;
}
