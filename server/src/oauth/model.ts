import type { Client, RefreshToken, Token, User as LibraryUser } from '@node-oauth/oauth2-server';

import type { ClientRecord } from '../services/clients';
import type { RevocationReason } from '../services/revocation';
import type { PresentedRecord, PresentedRefreshToken, RequestMetadata, RotationRequest } from '../services/tokens';
import { splitScope } from '../services/tokens';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';
import { currentSettings } from './settings';
import { openSuccessor } from './successor-seal';
import { generateTokenValue, hashTokenValue } from './token-values';

/** A client in the library's shape, where `id` is the public `client_id`. Lifetimes are in seconds. */
export interface OAuthClient extends Client {
  id: string;
  grants: string[];
  scopes: string[];
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  refreshTokenIdleLifetime: number;
}

/** A refresh token in the library's shape, with the stored row's state for our grant checks. */
export interface OAuthRefreshToken extends RefreshToken {
  id: number;
  familyId: number;
  userId: number;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  // The user agent and address of the request that created this token.
  metadata: RequestMetadata;
}

/** The current refresh token of a family, recovered for a replay within the reuse interval. */
export interface SuccessorToken {
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  scope: string[];
}

/** Extra fields our grant types add to the token handed to `saveToken`. */
export interface TokenToSave extends Token {
  metadata: RequestMetadata;
  // A rotation retires this refresh token and stores the new one in its family.
  rotation?: PresentedRefreshToken;
  // A replay within the reuse interval stores only a new access token; the refresh token is the
  // family's existing one.
  replay?: { familyId: number };
}

function toDate(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}

/** New tokens for a rotation, with the refresh token they replace. */
export type RotatedToken = TokenToSave & { rotation: PresentedRefreshToken; refreshToken: string };

function toOAuthRefreshToken(value: string, presented: PresentedRecord | null): OAuthRefreshToken | null {
  if (!presented) {
    return null;
  }
  const { record, user } = presented;
  return {
    id: record.id,
    familyId: record.familyId,
    userId: record.userId,
    refreshToken: value,
    refreshTokenExpiresAt: new Date(record.expiresAt),
    createdAt: new Date(record.createdAt),
    rotatedAt: toDate(record.rotatedAt),
    revokedAt: toDate(record.revokedAt),
    metadata: { userAgent: record.userAgent ?? undefined, ip: record.ip ?? undefined },
    scope: splitScope(record.scope),
    client: { id: record.clientId, grants: [] },
    user: user as LibraryUser,
  };
}

function toRotationRequest(token: RotatedToken): RotationRequest {
  return {
    previous: token.rotation,
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    userId: token.user.id,
    clientId: token.client.id,
    scope: token.scope ?? [],
    accessTokenExpiresAt: token.accessTokenExpiresAt!,
    refreshTokenExpiresAt: token.refreshTokenExpiresAt!,
    metadata: token.metadata,
  };
}

/** The token the library returns to the client, without our bookkeeping fields. */
function savedToken(token: TokenToSave, client: OAuthClient, user: LibraryUser): Token {
  return {
    accessToken: token.accessToken,
    accessTokenExpiresAt: token.accessTokenExpiresAt,
    refreshToken: token.refreshToken,
    refreshTokenExpiresAt: token.refreshTokenExpiresAt,
    scope: token.scope,
    client,
    user,
  };
}

/**
 * The model of `@node-oauth/oauth2-server`: translates the library's calls into calls to the
 * plugin's services and their results into the library's shapes. It contains no rules of its own.
 * The functions after `revokeToken` are called by our refresh_token grant, not by the library.
 */
export function createModel(strapi: Strapi) {
  const clients = () => getService(strapi, 'clients');
  const tokens = () => getService(strapi, 'tokens');
  const users = () => getService(strapi, 'users');

  function toOAuthClient(client: ClientRecord): OAuthClient {
    const settings = currentSettings(strapi);
    return {
      id: client.clientId,
      grants: client.grants ?? [],
      scopes: client.scopes ?? [],
      accessTokenLifetime: client.accessTokenLifetime ?? settings.accessTokenLifetime,
      refreshTokenLifetime: client.refreshTokenLifetime ?? settings.refreshTokenLifetime,
      refreshTokenIdleLifetime: client.refreshTokenIdleLifetime ?? settings.refreshTokenIdleLifetime,
    };
  }

  return {
    // Called by every grant that issues tokens.
    async generateAccessToken(): Promise<string> {
      return generateTokenValue();
    },

    async generateRefreshToken(): Promise<string> {
      return generateTokenValue();
    },

    // Called by every grant, with `clientSecret` undefined for a public client.
    async getClient(clientId: string, clientSecret: string | undefined): Promise<OAuthClient | null> {
      const client = await clients().authenticate(clientId, clientSecret || undefined);
      return client ? toOAuthClient(client) : null;
    },

    // Called by the password grant.
    async getUser(username: string, password: string): Promise<LibraryUser | null> {
      return users().findByCredentials(username, password);
    },

    // Called by the password grant. Returns the granted scope, or false for `invalid_scope`.
    async validateScope(_user: LibraryUser, client: OAuthClient, scope: string[] | undefined): Promise<string[] | false> {
      const requested = scope ?? [];
      return requested.every((value) => client.scopes.includes(value)) ? requested : false;
    },

    // Called by both grants, for a new login or a replay within the reuse interval.
    async saveToken(token: TokenToSave, client: OAuthClient, user: LibraryUser): Promise<Token> {
      if (token.replay) {
        await tokens().issueAccessToken({
          accessToken: token.accessToken,
          accessTokenExpiresAt: token.accessTokenExpiresAt!,
          familyId: token.replay.familyId,
          userId: user.id,
          clientId: client.id,
          scope: token.scope ?? [],
        });
      } else {
        await tokens().issue({
          accessToken: token.accessToken,
          refreshToken: token.refreshToken!,
          userId: user.id,
          clientId: client.id,
          scope: token.scope ?? [],
          accessTokenExpiresAt: token.accessTokenExpiresAt!,
          refreshTokenExpiresAt: token.refreshTokenExpiresAt!,
          metadata: token.metadata,
        });
      }
      return savedToken(token, client, user);
    },

    // Called by the refresh_token grant, for tokens in any state. The user is loaded anew, so a
    // user blocked or deleted since the login comes back as `user: null`.
    async getRefreshToken(value: string): Promise<OAuthRefreshToken | null> {
      return toOAuthRefreshToken(value, await tokens().findPresentedRefreshToken(value));
    },

    // Required by the library's refresh_token grant, whose `handle()` ours replaces: our grant
    // retires the presented token through `refreshToken`.
    async revokeToken(): Promise<boolean> {
      throw new Error('refresh tokens are retired by refreshToken()');
    },

    /**
     * Reads the refresh token with this value as `getRefreshToken` does and passes it to
     * `decide`. When `decide` returns the new tokens, retires the presented token and stores
     * them. `saved` is null when `decide` returned null, or when another request rotated or
     * revoked the token, or revoked its family, after the read. Concurrent calls share their
     * queries (see the tokens service's `refresh`).
     */
    async refreshToken(
      value: string,
      decide: (token: OAuthRefreshToken | null) => Promise<RotatedToken | null>,
    ): Promise<{ token: OAuthRefreshToken | null; saved: Token | null }> {
      const decided: { token: OAuthRefreshToken | null; rotation: RotatedToken | null } = { token: null, rotation: null };
      const rotated = await tokens().refresh(value, async (presented) => {
        decided.token = toOAuthRefreshToken(value, presented);
        decided.rotation = await decide(decided.token);
        return decided.rotation && toRotationRequest(decided.rotation);
      });
      const accepted = rotated ? decided.rotation : null;
      return {
        token: decided.token,
        saved: accepted && savedToken(accepted, accepted.client as OAuthClient, accepted.user),
      };
    },

    /**
     * Locks the token family of a refresh token for the current transaction and returns whether
     * the family is still alive. Our grant calls it before adding tokens to the family.
     */
    async claimTokenFamily(token: OAuthRefreshToken): Promise<boolean> {
      return tokens().claimFamily(token.familyId);
    },

    /** Returns the refresh token that replaced a rotated one, if it is still valid. */
    async getSuccessorToken(token: OAuthRefreshToken): Promise<SuccessorToken | null> {
      const successor = await tokens().findSuccessor(token.id);
      const value = successor?.sealedValue ? openSuccessor(token.refreshToken, successor.sealedValue) : null;
      if (!successor || !value || hashTokenValue(value) !== successor.tokenHash || successor.revokedAt) {
        return null;
      }
      return {
        refreshToken: value,
        refreshTokenExpiresAt: new Date(successor.expiresAt),
        scope: splitScope(successor.scope),
      };
    },

    /** Revokes the whole family of a refresh token. Returns whether this call revoked it. */
    async revokeTokenFamily(token: OAuthRefreshToken, reason: RevocationReason): Promise<boolean> {
      return getService(strapi, 'revocation').revokeFamily(token.familyId, reason);
    },

    /** Returns the seconds during which a rotated refresh token may be replayed. */
    getReuseInterval(): number {
      return currentSettings(strapi).refreshTokenReuseInterval;
    },
  };
}

export type Model = ReturnType<typeof createModel>;
