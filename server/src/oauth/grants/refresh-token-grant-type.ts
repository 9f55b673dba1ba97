import type { Client, Request, Token } from '@node-oauth/oauth2-server';
import LibraryRefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type';
import { vschar } from '@node-oauth/formats';

import type { Strapi } from '../../utils/plugin';
import { logMessage } from '../../utils/plugin';
import { InvalidGrantError, InvalidRequestError } from '../errors';
import type { OAuthClient, OAuthRefreshToken, RotatedToken, TokenToSave } from '../model';
import { requestMetadata } from '../request-metadata';
import { isIdleExpired, isWithinReuseInterval } from './refresh-token-rules';

/** The event emitted when a retired refresh token is presented again and its family is revoked. */
export const REUSE_DETECTED_EVENT = 'refreshing::refresh-token.reuse-detected';

/** Returns the `refresh_token` parameter, or throws `invalid_request` when it is missing or malformed. */
function readRefreshTokenParameter(request: Request): string {
  const value = request.body.refresh_token;
  if (!value) {
    throw new InvalidRequestError('refresh_token is missing', 'The refresh_token parameter is missing.');
  }
  if (!vschar(value)) {
    throw new InvalidRequestError('refresh_token has characters outside %x20-7E', 'The refresh_token parameter is malformed.');
  }
  return value;
}

/**
 * Returns the class for `grant_type=refresh_token` (RFC 6749 §6) with rotation and reuse
 * detection (RFC 9700 §4.14.2). Every use retires the presented refresh token and issues a new
 * one in the same token family. The retirement is a compare-and-set in the same transaction as
 * the new pair, so of concurrent requests with one token exactly one rotates it. The others,
 * and any replay within the reuse interval, get the same successor back; a replay after the
 * interval revokes the whole family. Concurrent refreshes share their queries and transaction
 * (see the tokens service's `refresh`).
 */
export function createRefreshTokenGrantType(strapi: Strapi) {
  return class RefreshTokenGrantType extends LibraryRefreshTokenGrantType {
    async handle(request: Request, client: OAuthClient): Promise<Token> {
      const value = readRefreshTokenParameter(request);
      const { token, saved } = await this.model.refreshToken(value, async (presented: OAuthRefreshToken | null) => {
        const checked = this.checkRefreshToken(presented, client);
        if (checked.rotatedAt || checked.revokedAt) {
          return null;
        }
        if (isIdleExpired(checked.createdAt, client.refreshTokenIdleLifetime, new Date())) {
          throw new InvalidGrantError(`refresh token of family ${checked.familyId} passed its idle lifetime`);
        }
        return this.rotatedToken(checked, client, this.getScope(request, checked), request);
      });
      if (saved) {
        return saved;
      }

      const checked = this.checkRefreshToken(token, client);
      if (checked.rotatedAt || checked.revokedAt) {
        return this.handleReuse(checked, client, request);
      }
      // Another request rotated this token, or revoked its family, between our read and our
      // compare-and-set: read its committed state again and handle it as any replay.
      return this.handleReuse(await this.getRefreshToken(request, client), client, request);
    }

    async getRefreshToken(request: Request, client: Client): Promise<OAuthRefreshToken> {
      const value = readRefreshTokenParameter(request);
      return this.checkRefreshToken((await this.model.getRefreshToken(value)) as OAuthRefreshToken | null, client);
    }

    /** Returns the token when the client may use it now, whether rotated or not; throws otherwise. */
    checkRefreshToken(token: OAuthRefreshToken | null, client: Client): OAuthRefreshToken {
      if (!token) {
        throw new InvalidGrantError('refresh token not found');
      }

      if (token.client.id !== client.id) {
        throw new InvalidGrantError(`refresh token of client ${token.client.id} presented by client ${client.id}`);
      }

      if (token.refreshTokenExpiresAt && token.refreshTokenExpiresAt <= new Date()) {
        throw new InvalidGrantError(`refresh token of family ${token.familyId} passed its family's lifetime`);
      }

      if (!token.user) {
        throw new InvalidGrantError(`user ${token.userId} of family ${token.familyId} is blocked, unconfirmed or deleted`);
      }

      return token;
    }

    /**
     * Answers a retired refresh token. Within the reuse interval after its rotation, the client
     * gets the family's successor refresh token again with a new access token, so two refreshes
     * sent at once keep one lineage. Otherwise the token was stolen or replayed: the family is
     * revoked.
     */
    async handleReuse(token: OAuthRefreshToken, client: OAuthClient, request: Request): Promise<Token> {
      const now = new Date();

      if (!token.revokedAt && token.rotatedAt && isWithinReuseInterval(token.rotatedAt, this.model.getReuseInterval(), now)) {
        const successor = await this.model.getSuccessorToken(token);
        if (successor) {
          strapi.log.debug(logMessage('rotated refresh token replayed within the reuse interval', {
            familyId: token.familyId,
            clientId: client.id,
            userId: token.userId,
          }));
          const replayed: TokenToSave = {
            accessToken: await this.generateAccessToken(client, token.user, successor.scope),
            accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
            refreshToken: successor.refreshToken,
            refreshTokenExpiresAt: successor.refreshTokenExpiresAt,
            scope: successor.scope,
            client,
            user: token.user,
            metadata: requestMetadata(request),
            replay: { familyId: token.familyId },
          };
          const saved = await strapi.db.transaction(async () =>
            (await this.model.claimTokenFamily(token)) ? this.model.saveToken(replayed, client, token.user) : null,
          );
          if (saved) {
            return saved;
          }
        }
      }

      if (await this.model.revokeTokenFamily(token, 'refresh_token_reuse')) {
        const details = { familyId: token.familyId, clientId: client.id, userId: token.userId };
        strapi.log.warn(logMessage('refresh token reuse detected, token family revoked', details));
        strapi.eventHub.emit(REUSE_DETECTED_EVENT, details);
      }
      throw new InvalidGrantError(`retired refresh token of family ${token.familyId} presented again`);
    }

    /** The new tokens that replace `previous`, in its family. */
    async rotatedToken(
      previous: OAuthRefreshToken,
      client: OAuthClient,
      scope: string[] | undefined,
      request: Request,
    ): Promise<RotatedToken> {
      return {
        accessToken: await this.generateAccessToken(client, previous.user, scope),
        accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
        refreshToken: await this.generateRefreshToken(client, previous.user, scope),
        // The family's lifetime is absolute: rotation never extends it.
        refreshTokenExpiresAt: previous.refreshTokenExpiresAt,
        scope,
        client,
        user: previous.user,
        metadata: requestMetadata(request),
        rotation: {
          id: previous.id,
          familyId: previous.familyId,
          value: previous.refreshToken,
          metadata: previous.metadata,
        },
      };
    }
  };
}
