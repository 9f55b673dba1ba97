import type { ClientRecord } from '../services/clients';
import { isConfidential } from '../services/clients';
import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';
import { getService } from '../utils/services';
import { InvalidClientError } from './errors';
import { currentSettings } from './settings';
import type { PresentedToken } from './token-lookup';
import { isAccessTokenUsable, isRefreshTokenUsable, refreshTokenExpiry } from './token-state';

/** The response for a token that is unknown, unusable or not the caller's to see (RFC 7662 §2.2). */
export interface InactiveTokenResponse {
  active: false;
}

/** The members of RFC 7662 §2.2 this server sends for an active token, with times in epoch seconds. */
export interface ActiveTokenResponse {
  active: true;
  scope?: string;
  client_id: string;
  username: string;
  token_type?: 'Bearer';
  exp: number;
  iat: number;
  sub: string;
}

export type IntrospectionResponse = InactiveTokenResponse | ActiveTokenResponse;

const INACTIVE: InactiveTokenResponse = { active: false };

function toEpochSeconds(value: string | Date): number {
  return Math.floor(new Date(value).getTime() / 1000);
}

/**
 * Rejects a public client. RFC 7662 §2.1 requires the caller of the introspection endpoint to be
 * authorized, and a public client has no secret to prove who it is.
 */
export function assertConfidentialClient(client: ClientRecord): void {
  if (!isConfidential(client)) {
    throw new InvalidClientError(`public client ${client.clientId} may not introspect tokens`);
  }
}

/** Returns whether the client may introspect the token: its own, or any token for a resource server. */
export function mayIntrospect(client: ClientRecord, token: PresentedToken): boolean {
  return token.record.clientId === client.clientId || client.resourceServer === true;
}

/**
 * Returns when the token stops working if it is not used, or null when it is not usable now. A
 * refresh token's idle lifetime comes from its own client, as in `grant_type=refresh_token`, and
 * a refresh token whose client no longer exists can never be used again.
 */
async function findUsableTokenExpiry(strapi: Strapi, token: PresentedToken, now: Date): Promise<Date | null> {
  if (token.type === 'access_token') {
    return isAccessTokenUsable(token.record, now) ? new Date(token.record.expiresAt) : null;
  }

  const owner = await getService(strapi, 'clients').findByClientId(token.record.clientId);
  if (!owner) {
    return null;
  }

  const idleLifetime = owner.refreshTokenIdleLifetime ?? currentSettings(strapi).refreshTokenIdleLifetime;
  const family = await getService(strapi, 'tokens').findFamily(token.record.familyId);
  if (!isRefreshTokenUsable(token.record, family, idleLifetime, now)) {
    return null;
  }
  return refreshTokenExpiry(token.record, idleLifetime);
}

/**
 * Builds the introspection response for a presented token (RFC 7662 §2.2). The token is active
 * only when it is usable and its user may still hold tokens, so blocking or deleting a user
 * makes all of the user's tokens inactive at once.
 */
export async function introspectToken(
  strapi: Strapi,
  client: ClientRecord,
  token: PresentedToken | null,
): Promise<IntrospectionResponse> {
  if (!token) {
    return INACTIVE;
  }

  if (!mayIntrospect(client, token)) {
    strapi.log.debug(
      logMessage('introspection denied: token of another client', {
        clientId: client.clientId,
        tokenClientId: token.record.clientId,
      }),
    );
    return INACTIVE;
  }

  const expiry = await findUsableTokenExpiry(strapi, token, new Date());
  if (!expiry || token.record.userId === null) {
    return INACTIVE;
  }

  const user = await getService(strapi, 'users').findActiveById(token.record.userId);
  if (!user) {
    return INACTIVE;
  }

  const scope = token.record.scope;
  return {
    active: true,
    ...(scope ? { scope } : {}),
    client_id: token.record.clientId,
    username: user.username,
    // RFC 6749 §7.1 token types define how an access token is presented to a resource. A refresh
    // token only ever goes back to the token endpoint, so it gets no token_type.
    ...(token.type === 'access_token' ? { token_type: 'Bearer' as const } : {}),
    exp: toEpochSeconds(expiry),
    iat: toEpochSeconds(token.record.createdAt),
    sub: String(user.id),
  };
}
