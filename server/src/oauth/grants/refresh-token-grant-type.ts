import type { Client, Request, Token, User } from '@node-oauth/oauth2-server';
import LibraryRefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type';
import { vschar } from '@node-oauth/formats';

import type { Strapi } from '../../utils/plugin';
import { InvalidGrantError, InvalidRequestError } from '../errors';
import type { OAuthRefreshToken, TokenToSave } from '../model';
import { requestMetadata } from '../request-metadata';

/**
 * Returns the class for `grant_type=refresh_token` (RFC 6749 §6) with rotation: every use
 * retires the presented refresh token and issues a new one in the same token family (RFC 9700
 * §4.14.2). The retirement is a compare-and-set in the same transaction as the new pair, so of
 * concurrent requests with one token exactly one gets a new pair.
 */
export function createRefreshTokenGrantType(strapi: Strapi) {
  return class RefreshTokenGrantType extends LibraryRefreshTokenGrantType {
    async handle(request: Request, client: Client): Promise<Token> {
      const token = await this.getRefreshToken(request, client);
      const scope = this.getScope(request, token);

      return strapi.db.transaction(async () => {
        await this.revokeToken(token);
        return this.saveRotatedToken(token, client, scope, request);
      });
    }

    async getRefreshToken(request: Request, client: Client): Promise<OAuthRefreshToken> {
      const value = request.body.refresh_token;
      if (!value) {
        throw new InvalidRequestError('refresh_token is missing', 'The refresh_token parameter is missing.');
      }

      if (!vschar(value)) {
        throw new InvalidRequestError('refresh_token has characters outside %x20-7E', 'The refresh_token parameter is malformed.');
      }

      const token = (await this.model.getRefreshToken(value)) as OAuthRefreshToken | null;
      if (!token) {
        throw new InvalidGrantError('refresh token not found');
      }

      if (token.client.id !== client.id) {
        throw new InvalidGrantError(`refresh token of client ${token.client.id} presented by client ${client.id}`);
      }

      if (token.refreshTokenExpiresAt && token.refreshTokenExpiresAt <= new Date()) {
        throw new InvalidGrantError(`refresh token of family ${token.familyId} expired`);
      }

      if (token.revokedAt) {
        throw new InvalidGrantError(`refresh token of family ${token.familyId} is revoked`);
      }

      if (token.rotatedAt) {
        throw new InvalidGrantError(`refresh token of family ${token.familyId} was already rotated`);
      }

      if (!token.user) {
        throw new InvalidGrantError(`user of family ${token.familyId} is blocked, unconfirmed or deleted`);
      }

      return token;
    }

    async saveRotatedToken(
      previous: OAuthRefreshToken,
      client: Client,
      scope: string[] | undefined,
      request: Request,
    ): Promise<Token> {
      const user: User = previous.user;
      const token: TokenToSave = {
        accessToken: await this.generateAccessToken(client, user, scope),
        accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
        refreshToken: await this.generateRefreshToken(client, user, scope),
        // The family's lifetime is absolute: rotation never extends it.
        refreshTokenExpiresAt: previous.refreshTokenExpiresAt,
        scope,
        client,
        user,
        metadata: requestMetadata(request),
        rotation: { familyId: previous.familyId, previousRefreshTokenId: previous.id },
      };
      return this.model.saveToken(token, client, user);
    }
  };
}
