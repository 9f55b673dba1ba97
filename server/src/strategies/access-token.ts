import type { Context } from 'koa';
import { errors } from '@strapi/utils';

import { looksLikeTokenValue } from '../oauth/token-values';
import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';
import { getService } from '../utils/services';

const BEARER_SCHEME = /^bearer +(\S+) *$/i;

interface Ability {
  can(action: string): boolean;
}

interface Auth {
  credentials: unknown;
  ability: Ability | null;
}

/** Reads the token of an `Authorization: Bearer` header (RFC 6750 §2.1), or returns undefined. */
function readBearerToken(ctx: Context): string | undefined {
  const match = BEARER_SCHEME.exec(ctx.get('authorization'));
  return match?.[1];
}

/**
 * A content-API authentication strategy that accepts this plugin's access tokens and grants
 * the token's user the permissions of their users-permissions role, as a users-permissions JWT
 * would. A JWT (it contains dots) is left to the users-permissions strategy.
 */
export function createAccessTokenStrategy(strapi: Strapi) {
  /** Rejects the request with 401 and the RFC 6750 §3 challenge. */
  function reject(ctx: Context, reason: string) {
    strapi.log.debug(logMessage('access token rejected', { reason }));
    ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    return { error: 'Invalid access token' };
  }

  return {
    name: 'refreshing',

    async authenticate(ctx: Context) {
      const value = readBearerToken(ctx);
      if (value === undefined || value.includes('.')) {
        return { authenticated: false };
      }

      if (!looksLikeTokenValue(value)) {
        return reject(ctx, 'malformed');
      }

      const token = await getService(strapi, 'tokens').findActiveAccessToken(value);
      if (!token || token.userId === null) {
        return reject(ctx, 'unknown, expired or revoked');
      }

      const found = await getService(strapi, 'users').findActiveWithPermissions(token.userId);
      if (!found) {
        return reject(ctx, `user ${token.userId} is blocked, unconfirmed, deleted or without a role`);
      }

      const { user, actions } = found;
      const ability = await strapi.contentAPI.permissions.engine.generateAbility(actions.map((action) => ({ action })));

      ctx.state.user = user;
      ctx.state.refreshingTokenFamilyId = token.familyId;
      return { authenticated: true, credentials: user, ability };
    },

    // Same rule as users-permissions. A route without a scope needs only an authenticated user,
    // and a route with scopes needs every one of them in the role's ability.
    async verify(auth: Auth, config: { scope?: string | string[] }) {
      if (!config.scope) {
        if (!auth.credentials) {
          throw new errors.UnauthorizedError();
        }
        return;
      }

      const scopes = Array.isArray(config.scope) ? config.scope : [config.scope];
      if (!auth.ability || !scopes.every((scope) => auth.ability!.can(scope))) {
        throw new errors.ForbiddenError();
      }
    },
  };
}
