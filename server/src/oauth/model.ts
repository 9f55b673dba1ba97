import type { Client, RefreshToken, Token, User as LibraryUser } from '@node-oauth/oauth2-server';

import type { ClientRecord } from '../services/clients';
import type { RequestMetadata } from '../services/tokens';
import { splitScope } from '../services/tokens';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';
import { currentSettings } from './settings';
import { generateTokenValue } from './token-values';

/** A client as the library sees it; `id` is the public `client_id`. */
export interface OAuthClient extends Client {
  id: string;
  grants: string[];
  scopes: string[];
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
}

/** A refresh token as the library sees it, with the stored row's state for our grant checks. */
export interface OAuthRefreshToken extends RefreshToken {
  id: number;
  familyId: number;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** Extra fields our grant types add to the token handed to `saveToken`. */
export interface TokenToSave extends Token {
  metadata: RequestMetadata;
  rotation?: { familyId: number; previousRefreshTokenId: number };
}

function toDate(value: string | Date | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * The model of `@node-oauth/oauth2-server`: translates the library's calls into calls to the
 * plugin's services and their results into the library's shapes. It holds no rules of its own.
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

    // Called by both grants.
    async saveToken(token: TokenToSave, client: OAuthClient, user: LibraryUser): Promise<Token> {
      await tokens().issue({
        accessToken: token.accessToken,
        refreshToken: token.refreshToken!,
        userId: user.id,
        clientId: client.id,
        scope: token.scope ?? [],
        accessTokenExpiresAt: token.accessTokenExpiresAt!,
        refreshTokenExpiresAt: token.refreshTokenExpiresAt!,
        metadata: token.metadata,
        rotation: token.rotation,
      });

      return {
        accessToken: token.accessToken,
        accessTokenExpiresAt: token.accessTokenExpiresAt,
        refreshToken: token.refreshToken,
        refreshTokenExpiresAt: token.refreshTokenExpiresAt,
        scope: token.scope,
        client,
        user,
      };
    },

    // Called by the refresh_token grant. The user is loaded anew, so a user blocked or deleted
    // since the login comes back as `user: null`.
    async getRefreshToken(value: string): Promise<OAuthRefreshToken | null> {
      const stored = await tokens().findRefreshToken(value);
      if (!stored) {
        return null;
      }

      const user = await users().findActiveById(stored.userId);
      return {
        id: stored.id,
        familyId: stored.familyId,
        refreshToken: value,
        refreshTokenExpiresAt: new Date(stored.expiresAt),
        rotatedAt: toDate(stored.rotatedAt),
        revokedAt: toDate(stored.revokedAt),
        scope: splitScope(stored.scope),
        client: { id: stored.clientId, grants: [] },
        user: user as LibraryUser,
      };
    },

    // Called by the refresh_token grant to retire the presented token. Returns false when another
    // request rotated or revoked it first.
    async revokeToken(token: OAuthRefreshToken): Promise<boolean> {
      return tokens().markRotated(token.id);
    },
  };
}

export type Model = ReturnType<typeof createModel>;
