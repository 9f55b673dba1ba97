import type { Client, Request, Token, User } from '@node-oauth/oauth2-server';
import LibraryPasswordGrantType from '@node-oauth/oauth2-server/lib/grant-types/password-grant-type';

import type { RateLimitKind } from '../../services/rate-limits';
import type { Strapi } from '../../utils/plugin';
import { getService } from '../../utils/services';
import { InvalidGrantError } from '../errors';
import type { TokenToSave } from '../model';
import { requestMetadata } from '../request-metadata';

/**
 * Returns the class for `grant_type=password` (RFC 6749 §4.3). The library checks the parameters
 * and calls the model for the user. This subclass adds the brute-force protection that §4.3.2
 * requires, counting failures per identifier and per IP address, and keeps where the request came
 * from with the new token family.
 */
export function createPasswordGrantType(strapi: Strapi) {
  const rateLimits = () => getService(strapi, 'rate-limits');

  return class PasswordGrantType extends LibraryPasswordGrantType {
    // The request being handled; each request gets a new grant instance.
    request?: Request;

    async handle(request: Request, client: Client): Promise<Token> {
      this.request = request;
      return super.handle(request, client);
    }

    async getUser(request: Request, client: Client): Promise<User> {
      const identifier = typeof request.body.username === 'string' ? request.body.username.toLowerCase() : undefined;
      const limits: Array<[RateLimitKind, string | undefined]> = [
        ['passwordPerIdentifier', identifier],
        ['passwordPerIp', requestMetadata(request).ip],
      ];
      await rateLimits().assertAllowed(limits);

      try {
        const user = await super.getUser(request, client);
        await rateLimits().reset('passwordPerIdentifier', identifier);
        return user;
      } catch (error) {
        if ((error as Error).name === 'invalid_grant' || error instanceof InvalidGrantError) {
          await rateLimits().recordFailure(limits);
        }
        throw error;
      }
    }

    async saveToken(user: User, client: Client, requestedScope: string[] | undefined): Promise<Token> {
      const scope = await this.validateScope(user, client, requestedScope);
      const token: TokenToSave = {
        accessToken: await this.generateAccessToken(client, user, scope),
        accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
        refreshToken: await this.generateRefreshToken(client, user, scope),
        refreshTokenExpiresAt: this.getRefreshTokenExpiresAt(),
        scope,
        client,
        user,
        metadata: requestMetadata(this.request),
      };
      return this.model.saveToken(token, client, user);
    }
  };
}
