import type { AccessTokenRecord, RefreshTokenRecord } from '../services/tokens';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';
import type { TokenType } from './token-parameters';
import { looksLikeTokenValue } from './token-values';

/** A token presented to the revocation or introspection endpoint, in whatever state it is stored. */
export type PresentedToken =
  | { type: 'access_token'; record: AccessTokenRecord }
  | { type: 'refresh_token'; record: RefreshTokenRecord };

/**
 * Finds the stored token with this value, trying the hinted type first and then the other one
 * (RFC 7009 §2.1, RFC 7662 §2.1). Returns null for an unknown value, including one that does not
 * have the shape of a token this server issues.
 */
export async function findPresentedToken(strapi: Strapi, value: string, hint: TokenType | undefined): Promise<PresentedToken | null> {
  if (!looksLikeTokenValue(value)) {
    return null;
  }

  const tokens = getService(strapi, 'tokens');
  const findAccessToken = async (): Promise<PresentedToken | null> => {
    const record = await tokens.findAccessToken(value);
    return record ? { type: 'access_token', record } : null;
  };
  const findRefreshToken = async (): Promise<PresentedToken | null> => {
    const record = await tokens.findRefreshToken(value);
    return record ? { type: 'refresh_token', record } : null;
  };

  if (hint === 'refresh_token') {
    return (await findRefreshToken()) ?? findAccessToken();
  }
  return (await findAccessToken()) ?? findRefreshToken();
}
