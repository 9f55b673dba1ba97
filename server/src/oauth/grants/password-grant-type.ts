import type { Client, Request, Token, User } from '@node-oauth/oauth2-server';
import LibraryPasswordGrantType from '@node-oauth/oauth2-server/lib/grant-types/password-grant-type';

import type { TokenToSave } from '../model';
import { requestMetadata } from '../request-metadata';

/**
 * `grant_type=password` (RFC 6749 §4.3). The library checks the parameters and the user; this
 * subclass only adds where the request came from to the stored token family.
 */
export class PasswordGrantType extends LibraryPasswordGrantType {
  private request?: Request;

  async handle(request: Request, client: Client): Promise<Token> {
    this.request = request;
    return super.handle(request, client);
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
}
